import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type PlanDb } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { PlanSeed } from '../../src/store/seed-file.ts';

/** A made-up 5th plan (test/fixtures/plan-5th-sample.json): 4 action plans, 5 indicators, FY2024–2028. */
export const SECOND_PLAN_FILE = join(import.meta.dirname, '..', 'fixtures', 'plan-5th-sample.json');

/** The second plan's file as data: a fresh copy each call, for tests that spoil it. */
export function secondPlan(): PlanSeed {
  return JSON.parse(readFileSync(SECOND_PLAN_FILE, 'utf8')) as PlanSeed;
}

/** A migrated database with no plan in it: a store a plan file is imported into from nothing. */
export async function emptyDatabase(): Promise<{ db: PlanDb; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-empty-'));
  const path = join(dir, 'plans.db');
  const db = openDatabase(path);
  await migrateToLatest(db);
  return {
    db,
    path,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
