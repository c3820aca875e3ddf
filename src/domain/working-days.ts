import { createRequire } from 'node:module';
import { addCivilDays, civilDateInTokyo, tokyoInstant, type CivilDate } from './fiscal-year.ts';

/** A time of day in Tokyo, as ALERT_TIME gives it. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

type HolidayCalendar = typeof import('@holiday-jp/holiday_jp');
let calendar: HolidayCalendar | undefined;

/**
 * The calendar is 175 KB of data that only the reminder and alert schedules read, yet the
 * configuration every door loads reaches this module: read on first use, `npm run plan -- 13`
 * neither parses nor builds it (#14).
 */
function holidays(): HolidayCalendar {
  calendar ??= createRequire(import.meta.url)('@holiday-jp/holiday_jp') as HolidayCalendar;
  return calendar;
}

/**
 * Municipal offices close on weekends, public holidays and 29 December–3 January
 * (地方自治法 §4-2 lets each city set these by ordinance; Suita's follows the usual pattern).
 * Public holidays come from @holiday-jp/holiday_jp, which tracks law changes.
 */
export function isWorkingDay(day: CivilDate): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  // The string form is looked up as is; the Date form would use the host's time zone.
  if (holidays().isHoliday(day)) return false;
  const monthDay = day.slice(5);
  return !(monthDay >= '12-29' || monthDay <= '01-03');
}

// The longest run of closed days (New Year plus a weekend, or a long holiday) is well under this.
const MAX_DAYS_AHEAD = 31;

/** The first working-day ALERT_TIME strictly after `after`. */
export function nextRunAt(after: Date, time: TimeOfDay): Date {
  const today = civilDateInTokyo(after);
  for (let offset = 0; offset <= MAX_DAYS_AHEAD; offset += 1) {
    const day = addCivilDays(today, offset);
    if (!isWorkingDay(day)) continue;
    const at = tokyoInstant(day, time.hour, time.minute);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error(`no working day within ${MAX_DAYS_AHEAD} days of ${today}`);
}
