import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';

/** A real SQLite file in a fresh temp dir, migrated and seeded like any entry point does it. */
export async function tempDatabase(): Promise<{ path: string; dir: string; db: PlanDb; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-'));
  const path = join(dir, 'plans.db');
  const db = await prepareDatabase(path, { now: new Date('2026-11-27T00:00:00Z') });
  return {
    path,
    dir,
    db,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
