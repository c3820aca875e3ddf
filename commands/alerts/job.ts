import type { CivilDate } from '../../src/domain/fiscal-year.ts';
import type { PlanDb } from '../../src/store/db.ts';
import type { Plan } from '../../src/store/schema.ts';
import type { ReminderMessenger } from '../reminders/messenger.ts';
import { runReminders, type ReminderRunOutcome } from '../reminders/run.ts';
import type { ReminderSettings } from '../reminders/settings.ts';
import type { DigestPublisher } from './publish.ts';
import { runAlerts, type AlertRunOutcome } from './run.ts';
import type { AlertSettings } from './settings.ts';

/**
 * The daily alert job: the channel digest (counts only) when ALERT_CHANNEL is set, then the
 * reminder DMs when REMINDERS is on. Each part claims, posts and ledgers on its own, so one
 * failing does not undo or repeat the other; a retry of the job repeats neither.
 */
export interface AlertJobOutcome {
  kind: 'job';
  digest: AlertRunOutcome | null;
  reminders: ReminderRunOutcome | null;
}

export async function runAlertJob(options: {
  db: PlanDb;
  plan: Plan;
  digest: { settings: AlertSettings; publisher: DigestPublisher } | null;
  reminders: { settings: ReminderSettings; messenger: ReminderMessenger } | null;
  dryRun?: boolean;
  clock?: () => Date;
  runDate?: CivilDate;
}): Promise<AlertJobOutcome> {
  const common = {
    db: options.db,
    plan: options.plan,
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.runDate ? { runDate: options.runDate } : {}),
  };
  const digest = options.digest ? await runAlerts({ ...common, ...options.digest }) : null;
  const reminders = options.reminders ? await runReminders({ ...common, ...options.reminders }) : null;
  return { kind: 'job', digest, reminders };
}

/** Whether the scheduler should try the job again later the same day, and after how long at least. */
export function jobNeedsRetry(outcome: AlertJobOutcome): { retry: boolean; retryAfterSeconds: number } {
  let retry = false;
  let retryAfterSeconds = 0;
  for (const part of [outcome.digest, outcome.reminders]) {
    if (part === null) continue;
    if (part.kind === 'failed' || part.kind === 'busy') retry = true;
    if (part.kind === 'failed') retryAfterSeconds = Math.max(retryAfterSeconds, part.retryAfterSeconds ?? 0);
  }
  return { retry, retryAfterSeconds };
}
