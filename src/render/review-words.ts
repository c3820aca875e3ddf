import type { MissingActual } from '../domain/review.ts';
import type { GradeCode, UngradedReason } from '../domain/grading.ts';
import type { Correction, ReviewHeader, ReviewProblem } from '../../commands/review/results.ts';
import type { SnapshotIndicator } from '../../commands/review/snapshot.ts';
import type { Messages } from '../messages/index.ts';
import { escapeMrkdwn } from './blocks/build.ts';
import { actualWords, mention, targetWords } from './describe.ts';
import { fieldErrorText } from './record-figure.ts';

/**
 * Wording of the committee's review shared by the terminal and Block Kit. A `Style` says how
 * people and text from the data are written: mentions and escaped text for Slack, ids and
 * plain text for a terminal.
 */

export interface Style {
  who(userId: string): string;
  /** Text from the data or from what someone typed. */
  text(text: string): string;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export const PLAIN: Style = { who: (id) => (SLACK_USER_ID.test(id) ? mention(id, 'plain') : id), text: (t) => t };
export const MRKDWN: Style = {
  who: (id) => (SLACK_USER_ID.test(id) ? mention(id) : escapeMrkdwn(id)),
  text: escapeMrkdwn,
};

export function gradeWord(grade: GradeCode | null, m: Messages): string {
  return grade === null ? m.none : m.grading.grade[grade];
}

/** A grade, or why there is none ("— 評価期間前"). */
export function computedWord(grade: GradeCode | null, ungraded: UngradedReason | null, m: Messages): string {
  if (grade !== null) return m.grading.grade[grade];
  return ungraded ? `${m.none} ${m.grading.reason[ungraded]}` : m.none;
}

export function reviewState(review: ReviewHeader, m: Messages): string {
  return review.closed ? m.review.state.closed(m.instant(review.closed.at)) : m.review.state.open(m.instant(review.openedAt));
}

/** One indicator of the snapshot: target (見直し後), actual, achievement, grade. */
export function snapshotFigure(i: SnapshotIndicator, m: Messages): string {
  const target = `${targetWords(i.target, i, m)}${i.targetRevised ? m.paren(m.review.targetRevised) : ''}`;
  const actual = actualWords(i.actual, i.provisional, i.unit, m);
  const rate =
    i.achievement === null
      ? m.none
      : i.achievement.kind === 'ratio'
        ? m.percent(i.achievement.value)
        : m.withUnit(i.achievement.value, i.achievement.kind === 'points' ? 'pt' : i.unit);
  return m.review.sheet.figure(target, actual, rate, computedWord(i.grade, i.ungraded, m));
}

export function missingLine(missing: MissingActual, m: Messages, style: Style): string {
  return m.review.summary.missing(m.circled(missing.actionPlanNumber), style.text(missing.indicatorName), missing.kind);
}

export function correctionLine(c: Correction, m: Messages, style: Style): string {
  return m.review.summary.correction(
    m.circled(c.actionPlanNumber),
    style.text(c.indicatorName),
    style.text(c.before === null ? m.none : m.withUnit(c.before, c.unit)),
    style.text(m.withUnit(c.value, c.unit)),
    style.text(c.reason),
    style.who(c.correctedBy),
    m.instant(c.correctedAt),
  );
}

/** Why a review command could not do what was asked, in one paragraph (lines for a list). */
export function reviewProblemText(p: ReviewProblem, m: Messages, style: Style): string {
  const e = m.review.errors;
  const fy = (year: number) => m.fiscalYear(year);
  switch (p.code) {
    case 'no_review':
      return e.noReview(fy(p.fiscalYear), m.join(p.years.map(fy)));
    case 'already_open':
      return e.alreadyOpen(fy(p.fiscalYear), style.who(p.openedBy), m.instant(p.openedAt), p.closed);
    case 'missing_actuals':
      return [
        e.missingActuals(fy(p.fiscalYear), p.missing.length),
        ...p.missing.map((x) => `・${missingLine(x, m, style)}`),
        e.forceHint(p.fiscalYear),
      ].join('\n');
    case 'outside_plan':
      return e.outsidePlan(fy(p.fiscalYear), fy(p.first), fy(p.last));
    case 'year_not_closed':
      return e.yearNotClosed(fy(p.fiscalYear));
    case 'meeting_in_past':
      return e.meetingInPast(m.date(p.date));
    case 'review_closed':
      return e.reviewClosed(fy(p.fiscalYear), m.instant(p.closedAt));
    case 'not_in_review':
      return e.notInReview(fy(p.fiscalYear), m.circled(p.number));
    case 'grade_not_in_scheme':
      return e.gradeNotInScheme(gradeWord(p.grade, m), p.allowed.map((g) => gradeWord(g, m)).join(' '));
    case 'members_only':
      return e.membersOnly;
    case 'owners_and_admins_only':
      return e.ownersAndAdminsOnly(m.circled(p.number), p.owners.map((o) => style.who(o)).join(', '));
    case 'target_locked':
      return e.targetLocked(fy(p.fiscalYear));
    case 'no_target_year':
      return e.noTargetYear(m.circled(p.number), fy(p.fiscalYear));
    case 'no_such_indicator':
      return e.noSuchIndicator(m.circled(p.number), p.position, p.count);
    case 'which_indicator':
      return e.whichIndicator(m.circled(p.number), p.number, p.count);
    case 'bad_target':
      return e.badTarget(style.text(fieldErrorText(p.problem, m)));
    case 'reason':
      return p.problem.code === 'required'
        ? e.reasonRequired(p.field)
        : e.reasonTooLong(p.field, p.problem.length, p.problem.limit);
    case 'open_from_slack':
      return e.openFromSlack;
  }
}
