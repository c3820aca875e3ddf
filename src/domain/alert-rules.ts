import {
  addCivilDays,
  daysBetween,
  DEFAULT_DUE_DATE_RULE,
  dueDateOf,
  isCivilDate,
  type CivilDate,
  type DueDateRule,
} from './fiscal-year.ts';
import { figureStatus, overdueBy, type Direction } from './status.ts';

/**
 * What the alert job nudges people about, decided from plain facts and a day. Nothing here
 * knows about Slack, the database or the clock: the caller says what "today" is.
 */

export type AlertRule = 'overdue' | 'due_soon' | 'off_target' | 'no_owner';

/** The order rules are listed in a digest: what needs someone first. */
export const ALERT_RULES: readonly AlertRule[] = ['no_owner', 'overdue', 'due_soon', 'off_target'];

export interface FigureFact {
  actionPlanId: number;
  indicatorId: number;
  fiscalYear: number;
  target: number | null;
  direction: Direction;
  /** The current revision, if any. */
  actual: { value: number; revisionId: number } | null;
}

interface FigureFinding {
  actionPlanId: number;
  indicatorId: number;
  fiscalYear: number;
  target: number;
  direction: Direction;
}

export type AlertFinding =
  | (FigureFinding & { rule: 'overdue'; dueDate: CivilDate; daysLate: number })
  | (FigureFinding & { rule: 'due_soon'; dueDate: CivilDate; daysLeft: number })
  | (FigureFinding & { rule: 'off_target'; actual: number; revisionId: number })
  | { rule: 'no_owner'; actionPlanId: number; overdueCount: number };

export interface AlertRuleOptions {
  today: CivilDate;
  dueRule?: DueDateRule;
  /** A figure is "due soon" from this many days before its due date up to the date itself. */
  dueSoonDays: number;
  /** The plan has been closed by an admin (its period over): see `chasesMissingActuals`. */
  planClosed?: boolean;
}

/**
 * Whether a plan's missing actuals are still asked for. Once an admin closes a plan whose
 * period has ended, a missing actual is a fact (計画期間終了), no longer a reminder: not
 * overdue in `/plan overdue`, not overdue, due soon or "no owner" in the alert digest.
 * The one place both decide it.
 */
export function chasesMissingActuals(plan: { closed: boolean }): boolean {
  return !plan.closed;
}

export function findAlerts(
  figures: readonly FigureFact[],
  ownedActionPlanIds: ReadonlySet<number>,
  options: AlertRuleOptions,
): AlertFinding[] {
  const { today, dueSoonDays } = options;
  const dueRule = options.dueRule ?? DEFAULT_DUE_DATE_RULE;
  if (!isCivilDate(today)) throw new RangeError(`not a civil date: ${JSON.stringify(today)}`);
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`not a day count: ${dueSoonDays}`);

  const findings: AlertFinding[] = [];
  const chasing = chasesMissingActuals({ closed: options.planClosed ?? false });
  const overdueByPlan = new Map<number, number>();
  for (const f of figures) {
    // A year with no target has nothing to be late for or to miss.
    if (f.target === null) continue;
    const base: FigureFinding = {
      actionPlanId: f.actionPlanId,
      indicatorId: f.indicatorId,
      fiscalYear: f.fiscalYear,
      target: f.target,
      direction: f.direction,
    };
    if (f.actual !== null) {
      // 'missed' already means the year has closed: a mid-year shortfall can still be made up.
      if (figureStatus({ ...f, actual: f.actual.value }, today, dueRule) === 'missed') {
        findings.push({ ...base, rule: 'off_target', actual: f.actual.value, revisionId: f.actual.revisionId });
      }
      continue;
    }
    if (!chasing) continue;
    const late = overdueBy({ ...f, actual: null }, today, dueRule);
    if (late) {
      findings.push({ ...base, rule: 'overdue', ...late });
      overdueByPlan.set(f.actionPlanId, (overdueByPlan.get(f.actionPlanId) ?? 0) + 1);
      continue;
    }
    const dueDate = dueDateOf(f.fiscalYear, dueRule);
    const daysLeft = daysBetween(today, dueDate);
    if (daysLeft >= 0 && daysLeft <= dueSoonDays) findings.push({ ...base, rule: 'due_soon', dueDate, daysLeft });
  }
  for (const [actionPlanId, overdueCount] of overdueByPlan) {
    if (!ownedActionPlanIds.has(actionPlanId)) findings.push({ rule: 'no_owner', actionPlanId, overdueCount });
  }
  return findings;
}

/** What the ledger remembers an alert by. Off-target carries the revision, so a new actual that still misses is news. */
export interface AlertKey {
  rule: AlertRule;
  actionPlanId: number;
  indicatorId: number | null;
  fiscalYear: number | null;
  revisionId: number | null;
}

export function alertKeyOf(finding: AlertFinding): AlertKey {
  if (finding.rule === 'no_owner') {
    return { rule: finding.rule, actionPlanId: finding.actionPlanId, indicatorId: null, fiscalYear: null, revisionId: null };
  }
  return {
    rule: finding.rule,
    actionPlanId: finding.actionPlanId,
    indicatorId: finding.indicatorId,
    fiscalYear: finding.fiscalYear,
    revisionId: finding.rule === 'off_target' ? finding.revisionId : null,
  };
}

export function keyString(key: AlertKey): string {
  return [key.rule, key.actionPlanId, key.indicatorId ?? '-', key.fiscalYear ?? '-', key.revisionId ?? '-'].join(':');
}

export interface NewAlertOptions {
  today: CivilDate;
  /** An overdue figure is raised again once this many days have passed since it was last sent. */
  repeatDays: number;
}

/**
 * Keeps the findings worth sending today. Overdue is a standing condition, so it comes back
 * every `repeatDays` until its actual arrives (then the rule stops finding it). The others are
 * events, sent once per key. A ledger entry dated after `today` (a run with a later --date)
 * also counts as recent: going back in time must not repeat anything.
 */
export function selectNewAlerts(
  findings: readonly AlertFinding[],
  lastSent: ReadonlyMap<string, CivilDate>,
  options: NewAlertOptions,
): AlertFinding[] {
  const { today, repeatDays } = options;
  if (!Number.isInteger(repeatDays) || repeatDays < 1) throw new RangeError(`not a repeat interval: ${repeatDays}`);
  const repeatFrom = addCivilDays(today, -repeatDays);
  return findings.filter((finding) => {
    const last = lastSent.get(keyString(alertKeyOf(finding)));
    if (last === undefined) return true;
    // ISO civil dates compare correctly as strings.
    return finding.rule === 'overdue' && last <= repeatFrom;
  });
}
