import type { DueDateRule } from '../../src/domain/fiscal-year.ts';
import type { LadderSettings, QuietHours } from '../../src/domain/reminder-ladder.ts';
import type { TimeOfDay } from '../../src/domain/working-days.ts';

export type ReminderLocale = 'ja' | 'en';

export const DEFAULT_QUIET_HOURS: QuietHours = { from: { hour: 20, minute: 0 }, to: { hour: 8, minute: 0 } };

/** What a reminder run needs, whoever starts it. */
export interface ReminderSettings {
  ladder: LadderSettings;
  /** Null: no quiet hours. */
  quietHours: QuietHours | null;
  /** When the scheduler runs the job (ALERT_TIME), for the preview's "next run". */
  time: TimeOfDay;
  /** PLAN_ADMINS: who hears of escalations and of figures with no owner. */
  admins: readonly string[];
  /** PLAN_LOCALE: the language of a person Slack gives no locale for. */
  defaultLocale: ReminderLocale;
  dueRule: DueDateRule;
}
