import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { isWorkingDay, nextRunAt } from '../../src/domain/working-days.ts';
import type { PlanDb } from '../../src/store/db.ts';
import type { Plan } from '../../src/store/schema.ts';
import { computeReminders, type ReminderPlan } from './compute.ts';
import type { ReminderSettings } from './settings.ts';

/**
 * What `/plan reminders` shows an admin: who will be written to about what on the next
 * working day (or on a given day), from the same ladder, ledger and snoozes as a real run.
 * Writes nothing and asks Slack nothing, so each DM is shown in words of the admin's language.
 */
export type ReminderPreview =
  | { kind: 'off' }
  | { kind: 'not_working_day'; runDate: CivilDate }
  | {
      kind: 'preview';
      runDate: CivilDate;
      /** When the scheduler will send them; null when the admin asked about a given date. */
      runAt: Date | null;
      plan: ReminderPlan;
    };

export async function previewReminders(options: {
  db: PlanDb;
  plan: Plan;
  settings: ReminderSettings | null;
  now: Date;
  date?: CivilDate | null;
}): Promise<ReminderPreview> {
  const { settings } = options;
  if (settings === null) return { kind: 'off' };
  const runAt = options.date ? null : nextRunAt(options.now, settings.time);
  const runDate = options.date ?? civilDateInTokyo(runAt!);
  if (!isWorkingDay(runDate)) return { kind: 'not_working_day', runDate };
  return { kind: 'preview', runDate, runAt, plan: await computeReminders(options.db, options.plan, settings, runDate) };
}
