import type { ActualValue, FiguresDiff, Refusal, RowOutcome } from '../../../commands/import/figures.ts';
import type { PlanFileIssue, PlanFileSummary } from '../../../commands/import/plan-file.ts';
import type { QualityWarning } from '../../../commands/import/quality.ts';
import type { Messages } from '../../messages/index.ts';
import { truncateText } from '../truncate.ts';

/** What `npm run import` prints: the diff of a figures file, or what a plan file would create. */

export function lineText(line: number, text: string, m: Messages): string {
  return m.exchange.import.line(line, text);
}

/** The summary, then one line per row that is not unchanged, in the file's order. */
export function figuresDiffLines(diff: FiguresDiff, m: Messages): string[] {
  const i = m.exchange.import;
  const { counts } = diff;
  const lines = [i.summary(counts.new, counts.changed, counts.unchanged, counts.refused)];
  for (const row of diff.rows) {
    const text = rowText(row, m);
    if (text !== null) lines.push(lineText(row.line, text, m));
  }
  return lines;
}

/**
 * Why a figures file was refused: every line the parser could not read and every row the store
 * refused, in the file's order, so one run shows all there is to fix.
 */
export function figuresRefusalLines(
  errors: readonly { line: number; code: string; message: string }[],
  diff: FiguresDiff,
  m: Messages,
): string[] {
  const refused = diff.rows.flatMap((row) => (row.kind === 'refused' ? [{ line: row.line, text: rowText(row, m)! }] : []));
  const all = [...errors.map((e) => ({ line: e.line, text: m.exchange.import.csvProblem(e.code, e.message) })), ...refused].sort((a, b) => a.line - b.line);
  return [m.exchange.import.csvRefused(all.length), ...all.map((p) => lineText(p.line, p.text, m))];
}

function rowText(row: RowOutcome, m: Messages): string | null {
  const i = m.exchange.import;
  const where = i.where(m.circled(row.place.actionPlan), row.place.indicator, m.fiscalYear(row.place.fiscalYear));
  const value = (v: ActualValue) => `${m.withUnit(v.value, row.place.unit)}${v.provisional ? i.provisional : ''}`;
  switch (row.kind) {
    case 'unchanged':
      return null;
    case 'new':
      return i.added(where, `${value(row.after)}${row.after.note ? i.note(truncateText(row.after.note, 60)) : ''}`);
    case 'changed': {
      // The note is shown when it is what changed, so a note-only change does not read "5,270 → 5,270".
      const noteChanged = (row.before.note ?? '') !== (row.after.note ?? '');
      const note = (v: ActualValue) => (noteChanged ? (v.note ? i.note(truncateText(v.note, 60)) : i.noNote) : '');
      return i.changed(where, `${value(row.before)}${note(row.before)}`, `${value(row.after)}${note(row.after)}`);
    }
    case 'refused':
      return i.refused(where, row.reasons.map((r) => refusalText(r, row.place.unit, m)).join(m.separator));
  }
}

export function refusalText(reason: Refusal, unit: string, m: Messages): string {
  const r = m.exchange.import.reasons;
  const figure = (v: number | null) => (v === null ? m.none : m.withUnit(v, unit));
  switch (reason.code) {
    case 'unknown_plan':
      return r.unknownPlan(reason.planCode);
    case 'unknown_action_plan':
      return r.unknownActionPlan(reason.planCode, reason.number);
    case 'unknown_indicator':
      return r.unknownIndicator(reason.number, reason.position);
    case 'name_mismatch':
      return r.nameMismatch(truncateText(reason.file, 40), reason.store);
    case 'unit_mismatch':
      return r.unitMismatch(truncateText(reason.file, 20), reason.store);
    case 'year_outside_plan':
      return r.yearOutsidePlan(m.fiscalYear(reason.fiscalYear), m.exchange.plans.period(reason.first, reason.last));
    case 'locked_year':
      return r.lockedYear(m.fiscalYear(reason.fiscalYear));
    case 'target_differs':
      return r.targetDiffers(figure(reason.file), figure(reason.store));
    case 'actual_cleared':
      return r.actualCleared(figure(reason.store));
  }
}

export function planFileIssueLines(issues: readonly PlanFileIssue[], m: Messages): string[] {
  return issues.map((issue) => `  ${m.exchange.import.plan.issue(issue.path, issue.message)}`);
}

export function qualityWarningLines(warnings: readonly QualityWarning[], m: Messages): string[] {
  const w = m.exchange.import.plan.warning;
  return warnings.map((warning) => {
    switch (warning.code) {
      case 'unit_mismatch':
        return `  ${w.unitMismatch(m.circled(warning.actionPlan), warning.indicator, warning.unit, warning.textUnit)}`;
      case 'target_gap':
        return `  ${w.targetGap(m.circled(warning.actionPlan), warning.indicator, m.fiscalYear(warning.fiscalYear))}`;
      case 'target_only_in_text':
        return `  ${w.targetOnlyInText(m.circled(warning.actionPlan), m.fiscalYear(warning.fiscalYear))}`;
      case 'negative_without_triangle':
        return `  ${w.negativeWithoutTriangle(m.circled(warning.actionPlan), warning.excerpt)}`;
      case 'outside_range':
        return `  ${w.outsideRange(m.circled(warning.actionPlan), warning.indicator, m.fiscalYear(warning.fiscalYear), m.number(warning.value))}`;
      case 'duplicate_indicator':
        return `  ${w.duplicateIndicator(warning.indicator, m.join(warning.actionPlans.map((n) => m.circled(n))))}`;
    }
  });
}

export function planSummaryLines(summary: PlanFileSummary, m: Messages): string[] {
  const p = m.exchange.import.plan;
  return [
    p.heading(summary.name, summary.code, m.exchange.plans.period(summary.firstFiscalYear, summary.lastFiscalYear)),
    p.counts(summary.policies, summary.themes, summary.actionPlans.length, summary.indicators, summary.targets, summary.actuals),
    ...summary.actionPlans.map((ap) => `  ${p.actionPlanLine(m.circled(ap.number), ap.name, ap.indicators)}`),
  ];
}
