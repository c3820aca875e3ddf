import type { DueDateRule } from '../../src/domain/fiscal-year.ts';

export interface AlertTime {
  hour: number;
  minute: number;
}

export const DEFAULT_ALERT_TIME: AlertTime = { hour: 9, minute: 0 };
export const DEFAULT_DUE_SOON_DAYS = 14;
export const DEFAULT_REPEAT_DAYS = 7;

/** What a run needs to decide and ledger, whoever starts it. */
export interface AlertSettings {
  channel: string;
  time: AlertTime;
  dueSoonDays: number;
  repeatDays: number;
  dueRule: DueDateRule;
}

/** A workspace's alert channel with the rest of the settings as configured, or the defaults where nothing is. */
export function settingsForChannel(channel: string, configured: Omit<AlertSettings, 'channel'> | null, dueRule: DueDateRule): AlertSettings {
  const rest = configured ?? { time: DEFAULT_ALERT_TIME, dueSoonDays: DEFAULT_DUE_SOON_DAYS, repeatDays: DEFAULT_REPEAT_DAYS, dueRule };
  return { ...rest, channel };
}
