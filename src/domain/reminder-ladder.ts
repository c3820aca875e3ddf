import { addCivilDays, daysBetween, dueDateOf, tokyoClock, type CivilDate, type DueDateRule } from './fiscal-year.ts';
import type { Direction } from './status.ts';
import { isWorkingDay, type TimeOfDay } from './working-days.ts';

/**
 * The reminder ladder: who is written to about which missing figure on which day. Pure:
 * the caller says what today is, what was sent and who snoozed what.
 *
 * A rung is a day counted from the due date (−14, −1, 0, +2, then every REMINDER_REPEAT_DAYS
 * while overdue). On a run day the figure's rung is the latest one that has come; it is sent
 * if that person has not had it. So a rung that fell on a weekend goes out on the next working
 * day, and after a pause only the current rung goes out, never a backlog of old ones.
 */

export interface LadderSettings {
  /** Days from the due date, ascending and distinct; negative is before it. */
  steps: readonly number[];
  /** After the last step, another rung every this many days while the figure is missing. */
  repeatDays: number;
  /** Admins are told once a figure is overdue by more than this many working days. */
  escalateAfterWorkingDays: number;
}

export const DEFAULT_LADDER: LadderSettings = { steps: [-14, -1, 0, 2], repeatDays: 7, escalateAfterWorkingDays: 10 };

/** How long 「あとで（1週間）」 silences one figure for one person. */
export const SNOOZE_DAYS = 7;

/** Rungs that go to the admins rather than the owners. */
export type AdminRung = 'escalate' | 'unowned';

/** The ledger's name for a rung: 'd-14', 'd+0', 'd+9'. */
export function rungName(rung: number): string {
  return `d${rung < 0 ? '-' : '+'}${Math.abs(rung)}`;
}

/** The latest rung that has come by `daysFromDue`, or null before the first step. */
export function currentRung(daysFromDue: number, ladder: LadderSettings): number | null {
  const { steps, repeatDays } = ladder;
  const last = steps.at(-1);
  if (last === undefined) return null;
  if (daysFromDue > last) return last + Math.floor((daysFromDue - last) / repeatDays) * repeatDays;
  let found: number | null = null;
  for (const step of steps) if (step <= daysFromDue) found = step;
  return found;
}

/**
 * Working days after the due date up to and including `today` (0 on or before the due date),
 * counted no further than `limit`: a figure years late needs no exact count to be escalated.
 */
export function workingDaysLate(dueDate: CivilDate, today: CivilDate, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let day = addCivilDays(dueDate, 1); day <= today && count < limit; day = addCivilDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/** A daily window in Tokyo when nobody is written to; may run past midnight (20:00–08:00). */
export interface QuietHours {
  from: TimeOfDay;
  to: TimeOfDay;
}

const minutesOf = (t: TimeOfDay): number => t.hour * 60 + t.minute;

export function isQuietTime(time: TimeOfDay, quiet: QuietHours | null): boolean {
  if (quiet === null) return false;
  const at = minutesOf(time);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to ? at >= from && at < to : at >= from || at < to;
}

/** Whether `now` falls in the quiet hours, read on Tokyo's clock. */
export function isQuietAt(now: Date, quiet: QuietHours | null): boolean {
  return isQuietTime(tokyoClock(now), quiet);
}

/** A snooze pressed on `today` lasts until (not including) the returned day. */
export function snoozeUntil(today: CivilDate): CivilDate {
  return addCivilDays(today, SNOOZE_DAYS);
}

/** A figure still waiting for its actual, with a target to compare with. */
export interface OpenFigure {
  actionPlanId: number;
  indicatorId: number;
  fiscalYear: number;
  target: number;
  direction: Direction;
}

export interface PlannedReminder {
  figure: OpenFigure;
  recipient: string;
  rung: number;
  dueDate: CivilDate;
  /** Negative before the due date. */
  daysFromDue: number;
}

export interface EscalationItem {
  figure: OpenFigure;
  rung: AdminRung;
  owners: readonly string[];
  dueDate: CivilDate;
  daysFromDue: number;
}

export interface PlannedEscalation {
  recipient: string;
  items: EscalationItem[];
}

export interface LadderInput {
  figures: readonly OpenFigure[];
  owners: ReadonlyMap<number, readonly string[]>;
  admins: readonly string[];
  /** `ledgerKey(...)` of everything sent, or being sent, already. */
  sent: ReadonlySet<string>;
  /** `snoozeKey(...)` → the day the snooze ends. */
  snoozes: ReadonlyMap<string, CivilDate>;
  today: CivilDate;
  ladder: LadderSettings;
  dueRule: DueDateRule;
}

export function ledgerKey(indicatorId: number, fiscalYear: number, rung: string, recipient: string): string {
  return `${indicatorId}:${fiscalYear}:${rung}:${recipient}`;
}

export function snoozeKey(indicatorId: number, fiscalYear: number, userId: string): string {
  return `${indicatorId}:${fiscalYear}:${userId}`;
}

/** Everything a run on `today` should send that has not been sent: DMs to owners, one escalation per admin. */
export function planLadder(input: LadderInput): { reminders: PlannedReminder[]; escalations: PlannedEscalation[] } {
  const { today, ladder, sent } = input;
  const reminders: PlannedReminder[] = [];
  const forAdmins: EscalationItem[] = [];
  for (const figure of input.figures) {
    const dueDate = dueDateOf(figure.fiscalYear, input.dueRule);
    const daysFromDue = daysBetween(dueDate, today);
    const rung = currentRung(daysFromDue, ladder);
    if (rung === null) continue;
    const owners = input.owners.get(figure.actionPlanId) ?? [];
    if (owners.length === 0) {
      // Nobody to remind: the admins hear of it from the first rung, not after the grace period.
      forAdmins.push({ figure, rung: 'unowned', owners, dueDate, daysFromDue });
      continue;
    }
    for (const recipient of owners) {
      if (sent.has(ledgerKey(figure.indicatorId, figure.fiscalYear, rungName(rung), recipient))) continue;
      const until = input.snoozes.get(snoozeKey(figure.indicatorId, figure.fiscalYear, recipient));
      if (until !== undefined && today < until) continue;
      reminders.push({ figure, recipient, rung, dueDate, daysFromDue });
    }
    if (daysFromDue > 0) {
      if (workingDaysLate(dueDate, today, ladder.escalateAfterWorkingDays + 1) > ladder.escalateAfterWorkingDays) {
        forAdmins.push({ figure, rung: 'escalate', owners, dueDate, daysFromDue });
      }
    }
  }
  const escalations: PlannedEscalation[] = [];
  for (const admin of input.admins) {
    const items = forAdmins.filter((item) => !sent.has(ledgerKey(item.figure.indicatorId, item.figure.fiscalYear, item.rung, admin)));
    if (items.length > 0) escalations.push({ recipient: admin, items });
  }
  return { reminders, escalations };
}
