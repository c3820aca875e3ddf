import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { nextRunAt } from '../../src/domain/working-days.ts';
import type { PlanDb } from '../../src/store/db.ts';
import type { Plan } from '../../src/store/schema.ts';
import { computeDigest } from './compute.ts';
import type { Digest } from './digest.ts';
import type { AlertSettings } from './settings.ts';

/**
 * What `/plan alerts` shows an admin: the digest the next run would post, computed from the
 * same rules and ledger as a real run, writing nothing. Items the ledger will consider due
 * again by then (weekly repeats) are included, because they are judged as of the run's day.
 */

export type AlertPreview =
  | { kind: 'disabled' }
  | {
      kind: 'preview';
      channel: string;
      runDate: CivilDate;
      /** When the scheduler will run it; null when the admin asked about a given date. */
      runAt: Date | null;
      time: AlertSettings['time'];
      digest: Digest;
    };

export async function previewAlerts(options: {
  db: PlanDb;
  plan: Plan;
  /** Null when ALERT_CHANNEL is unset: alerts are off. */
  settings: AlertSettings | null;
  now: Date;
  date?: CivilDate | null;
}): Promise<AlertPreview> {
  const { settings } = options;
  if (settings === null) return { kind: 'disabled' };
  const runAt = options.date ? null : nextRunAt(options.now, settings.time);
  const runDate = options.date ?? civilDateInTokyo(runAt!);
  const { digest } = await computeDigest(options.db, options.plan, settings, runDate);
  return { kind: 'preview', channel: settings.channel, runDate, runAt, time: settings.time, digest };
}
