import { findPlan, loadActionPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { recordActual } from '../../src/store/figures.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { freshLocation } from './databases.ts';

/**
 * A fresh database of the engine under test (a SQLite file in a temp dir, or a PostgreSQL schema),
 * migrated and seeded like any entry point does it. `path` is its location string.
 */
export async function tempDatabase(): Promise<{ path: string; dir: string; db: PlanDb; cleanup: () => Promise<void> }> {
  const fresh = freshLocation();
  const db = await prepareDatabase(fresh.location, { now: new Date('2026-11-27T00:00:00Z') });
  return {
    path: fresh.location,
    dir: fresh.dir,
    db,
    cleanup: async () => {
      await db.destroy();
      await fresh.cleanup();
    },
  };
}

/** The same temp file opened twice: the bot's connection and a second process's (the alert job). */
export async function twoConnections(): Promise<Awaited<ReturnType<typeof tempDatabase>> & { other: PlanDb }> {
  const t = await tempDatabase();
  const other = await prepareDatabase(t.path);
  return {
    ...t,
    other,
    cleanup: async () => {
      await other.destroy();
      await t.cleanup();
    },
  };
}

/** ⑬ and its one indicator, the figure most tests record. */
export async function thirteen(db: PlanDb): Promise<{ actionPlanId: number; indicatorId: number }> {
  const plan = (await findPlan(db))!;
  const record = (await loadActionPlan(db, plan.id, 13))!;
  return { actionPlanId: record.id, indicatorId: record.indicators[0]!.id };
}

/** An admin's figure for ⑬, as the Slack form records it. */
export function recordFor13(
  db: PlanDb,
  indicatorId: number,
  figure: { value: number; fiscalYear?: number; requestKey?: string | null },
) {
  return recordActual(db, {
    indicatorId,
    fiscalYear: figure.fiscalYear ?? 2021,
    value: figure.value,
    provisional: false,
    recordedBy: 'U0ADMIN',
    source: 'slack',
    note: null,
    now: new Date('2024-07-01T00:00:00Z'),
    requestKey: figure.requestKey ?? null,
  });
}
