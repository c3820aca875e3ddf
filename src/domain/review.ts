/**
 * The committee's review of a fiscal year (情報化推進懇談会の評価), as rules: which years can be
 * opened, what counts as a missing actual, the grades a member may give, the words a person may
 * type for them, who is on the committee, when a member is reminded. Pure: codes and data only.
 * docs/review.md says the same in words.
 */
import { addCivilDays, isFiscalYearClosed, type CivilDate } from './fiscal-year.ts';
import type { PlanPeriod } from './figure-input.ts';
import { gradesOf, type GradeCode, type GradingScheme } from './grading.ts';

/** 今後の方向性, in the order an evaluation sheet offers them: 拡充, 継続, 見直し, 縮小, 廃止. */
export const WAY_FORWARDS = ['expand', 'continue', 'review', 'reduce', 'abolish'] as const;
export type WayForward = (typeof WAY_FORWARDS)[number];

export function isWayForward(value: string): value is WayForward {
  return (WAY_FORWARDS as readonly string[]).includes(value);
}

/** An opinion or a response is a paragraph or two of a meeting's minutes, not a report. */
export const MAX_OPINION_LENGTH = 2000;
export const MAX_RESPONSE_LENGTH = 2000;
/** Reasons and decisions are one sentence ("第3回懇談会（2022年2月10日）で決定"). */
export const MAX_REASON_LENGTH = 500;
/** A member who has not graded by this many days before the meeting gets one reminder. */
export const REMINDER_DAYS_BEFORE_MEETING = 7;

// ─── Grades typed by a person ────────────────────────────────────────────────────────────────

// A Map, not an object: a typed "constructor" must not resolve to anything.
const GRADE_WORDS = new Map<string, GradeCode>([
  ['a', 'A'],
  ['b', 'B'],
  ['c', 'C'],
  ['d', 'D'],
  ['◎', 'double_circle'],
  ['double_circle', 'double_circle'],
  // ○ has look-alikes on Japanese keyboards: 〇 (the kanji zero), ◯ (large circle), o.
  ['○', 'circle'],
  ['〇', 'circle'],
  ['◯', 'circle'],
  ['circle', 'circle'],
  ['△', 'triangle'],
  ['▲', 'triangle'],
  ['triangle', 'triangle'],
  ['×', 'cross'],
  ['✕', 'cross'],
  ['✖', 'cross'],
  ['x', 'cross'],
  ['cross', 'cross'],
  ['達成', 'achieved'],
  ['achieved', 'achieved'],
  ['前進', 'advanced'],
  ['advanced', 'advanced'],
  ['横ばい', 'flat'],
  ['横這い', 'flat'],
  ['flat', 'flat'],
  ['後退', 'declined'],
  ['declined', 'declined'],
]);

/** A grade as typed (A, ｂ, ◎, 〇, 達成, flat …) → its code; null when it is no grade of any scheme. */
export function parseGradeWord(word: string): GradeCode | null {
  const folded = word.normalize('NFKC').trim().toLowerCase();
  return GRADE_WORDS.get(folded) ?? null;
}

export function isGradeOfScheme(grade: string, scheme: GradingScheme): grade is GradeCode {
  return (gradesOf(scheme) as readonly string[]).includes(grade);
}

// ─── Text a person writes ────────────────────────────────────────────────────────────────────

export type TextProblem = { code: 'required' } | { code: 'too_long'; length: number; limit: number };

export type TextCheck = { ok: true; text: string | null } | { ok: false; problem: TextProblem };

/** Trimmed; blank is null (or refused when required); counted in code points, as a person counts. */
export function checkText(text: string | null | undefined, rules: { required: boolean; limit: number }): TextCheck {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return rules.required ? { ok: false, problem: { code: 'required' } } : { ok: true, text: null };
  const length = [...trimmed].length;
  if (length > rules.limit) return { ok: false, problem: { code: 'too_long', length, limit: rules.limit } };
  return { ok: true, text: trimmed };
}

// ─── Opening a year ──────────────────────────────────────────────────────────────────────────

export type ReviewYearProblem =
  | { code: 'outside_plan'; first: number; last: number }
  /** The year has not closed: its actuals cannot be final. */
  | { code: 'year_not_closed' };

export function checkReviewYear(
  fiscalYear: number,
  period: PlanPeriod,
  today: CivilDate,
): { ok: true } | { ok: false; problem: ReviewYearProblem } {
  if (fiscalYear < period.firstFiscalYear || fiscalYear > period.lastFiscalYear) {
    return { ok: false, problem: { code: 'outside_plan', first: period.firstFiscalYear, last: period.lastFiscalYear } };
  }
  if (!isFiscalYearClosed(fiscalYear, today)) return { ok: false, problem: { code: 'year_not_closed' } };
  return { ok: true };
}

/** The meeting is the day the committee meets to agree; a date already past is a slip. */
export function checkMeetingDate(date: CivilDate, today: CivilDate): { ok: true } | { ok: false } {
  return date >= today ? { ok: true } : { ok: false };
}

export interface FigureForCompleteness {
  actionPlanNumber: number;
  indicatorName: string;
  target: number | null;
  actual: number | null;
  provisional: boolean;
  beforeEvaluation: boolean;
}

export interface MissingActual {
  actionPlanNumber: number;
  indicatorName: string;
  /** No actual at all, or only a mid-year (provisional) one that was never made final. */
  kind: 'no_actual' | 'provisional';
}

/**
 * What keeps a year's figures from being complete: every indicator with a target for the year
 * needs a final actual. 評価期間前 years and years without a target ask for nothing.
 */
export function missingActuals(figures: readonly FigureForCompleteness[]): MissingActual[] {
  const missing: MissingActual[] = [];
  for (const f of figures) {
    if (f.beforeEvaluation || f.target === null) continue;
    if (f.actual === null) missing.push({ actionPlanNumber: f.actionPlanNumber, indicatorName: f.indicatorName, kind: 'no_actual' });
    else if (f.provisional) {
      missing.push({ actionPlanNumber: f.actionPlanNumber, indicatorName: f.indicatorName, kind: 'provisional' });
    }
  }
  return missing;
}

// ─── The committee ───────────────────────────────────────────────────────────────────────────

export interface MembershipChange {
  userId: string;
  action: 'add' | 'remove';
}

/**
 * Who is on the committee: the configured list (PLAN_COMMITTEE), then every change an admin made
 * in Slack, oldest first; the latest word about a person wins, so a configured member can be
 * removed and added back. Configured members first, then the added ones in the order they came.
 */
export function committeeMembers(defaults: readonly string[], changes: readonly MembershipChange[]): string[] {
  const members: string[] = [...new Set(defaults)];
  for (const change of changes) {
    const at = members.indexOf(change.userId);
    if (change.action === 'add' && at === -1) members.push(change.userId);
    if (change.action === 'remove' && at !== -1) members.splice(at, 1);
  }
  return members;
}

// ─── Reading what members said ───────────────────────────────────────────────────────────────

/** The last entry per key (entries oldest first), in the order the keys first appeared. */
export function latestBy<T>(entries: readonly T[], key: (entry: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const entry of entries) latest.set(key(entry), entry);
  return [...latest.values()];
}

/** How many members gave each grade, best grade first, leaving out grades nobody gave. */
export function tallyGrades(
  scheme: GradingScheme,
  grades: readonly (GradeCode | null)[],
): { grade: GradeCode; count: number }[] {
  return gradesOf(scheme)
    .map((grade) => ({ grade: grade as GradeCode, count: grades.filter((g) => g === grade).length }))
    .filter((t) => t.count > 0);
}

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────

/** From a week before the meeting until the day before it; never without a meeting date. */
export function reminderDue(meetingDate: CivilDate | null, today: CivilDate): boolean {
  if (meetingDate === null) return false;
  return today >= addCivilDays(meetingDate, -REMINDER_DAYS_BEFORE_MEETING) && today < meetingDate;
}

/**
 * Members who have not given a grade to every action plan the engine could grade, with how many
 * they still owe. Plans nobody can grade (評価期間前) ask for an opinion at most, not a grade.
 */
export function membersYetToGrade(
  members: readonly string[],
  gradablePlans: readonly number[],
  grades: readonly { memberId: string; actionPlanId: number; grade: string | null }[],
): { memberId: string; owed: number }[] {
  const graded = new Set(grades.filter((g) => g.grade !== null).map((g) => `${g.memberId}\u0000${g.actionPlanId}`));
  return members
    .map((memberId) => ({ memberId, owed: gradablePlans.filter((id) => !graded.has(`${memberId}\u0000${id}`)).length }))
    .filter((m) => m.owed > 0);
}
