import type { AlertSettings } from '../../src/config/alerts.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import type { Plan } from '../../src/store/schema.ts';
import { freshLocation } from './databases.ts';

/** Shared set-up for the alert tests: a seeded database file in its own temp directory. */

export const CHANNEL = 'C0PLAN';

export const SETTINGS: AlertSettings = {
  channel: CHANNEL,
  time: { hour: 9, minute: 0 },
  dueSoonDays: 14,
  repeatDays: 7,
  dueRule: DEFAULT_DUE_DATE_RULE,
};

export interface SeededDb {
  dir: string;
  path: string;
  db: PlanDb;
  plan: Plan;
  cleanup(): Promise<void>;
}

/** A fresh database of the engine under test (test/support/databases.ts); `path` is its location. */
export async function seededDb(): Promise<SeededDb> {
  const fresh = freshLocation('plan-bot-alerts-');
  const { dir, location: path } = fresh;
  const db = await prepareDatabase(path);
  const plan = (await findPlan(db))!;
  return {
    dir,
    path,
    db,
    plan,
    async cleanup() {
      try {
        await db.destroy();
      } finally {
        await fresh.cleanup();
      }
    },
  };
}

/** 09:00 in Tokyo on a civil day, as an instant. */
export function tokyo(day: string, time = '09:00'): Date {
  return new Date(`${day}T${time}:00+09:00`);
}

export { blockTexts } from './block-texts.ts';
