/**
 * The export model (declared in commands/export/model.ts, where the use case builds it) and the
 * helpers every renderer lays it out with.
 */
import type { ExportActionPlan, ExportIndicator, ExportModel, ExportPolicy, ExportTheme, ExportYear } from '../../../commands/export/model.ts';

export type {
  CommitteeOpinion,
  CommitteeReview,
  ExportActionPlan,
  ExportIndicator,
  ExportModel,
  ExportPlan,
  ExportPolicy,
  ExportTheme,
  ExportYear,
  WayForward,
} from '../../../commands/export/model.ts';
export { WAY_FORWARDS } from '../../../commands/export/model.ts';
/** An action plan with the policy and theme it sits under, in source order. */
export interface PlacedActionPlan {
  policy: ExportPolicy;
  theme: ExportTheme;
  actionPlan: ExportActionPlan;
}

export function actionPlansOf(model: ExportModel): PlacedActionPlan[] {
  return model.policies.flatMap((policy) =>
    policy.themes.flatMap((theme) => theme.actionPlans.map((actionPlan) => ({ policy, theme, actionPlan }))),
  );
}

export function fiscalYearsOf(model: ExportModel): number[] {
  const { firstFiscalYear: first, lastFiscalYear: last } = model.plan;
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first || last - first > 50) {
    throw new RangeError(`not a plan period: ${first}–${last}`);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A year with nothing recorded, for fiscal years an indicator's `years` leaves out. */
export function emptyYear(fiscalYear: number): ExportYear {
  return {
    fiscalYear,
    target: null,
    actual: null,
    provisional: false,
    achievement: null,
    grade: null,
    status: 'no_target',
    statusLabel: '',
    recordedAt: null,
    recordedBy: null,
    note: null,
  };
}

/**
 * The indicator's years over the whole plan period, in order, empty where it says nothing.
 * Throws on a year outside the period or given twice: a caller's bug, not something to render.
 */
export function yearsOverPeriod(model: ExportModel, ap: ExportActionPlan, indicator: ExportIndicator): ExportYear[] {
  const period = fiscalYearsOf(model);
  const byYear = new Map<number, ExportYear>();
  for (const year of indicator.years) {
    const where = `action plan ${ap.number} indicator ${indicator.position}`;
    if (!period.includes(year.fiscalYear)) throw new RangeError(`${where}: fiscal year ${year.fiscalYear} is outside the plan`);
    if (byYear.has(year.fiscalYear)) throw new RangeError(`${where}: fiscal year ${year.fiscalYear} appears twice`);
    byYear.set(year.fiscalYear, year);
  }
  return period.map((fy) => byYear.get(fy) ?? emptyYear(fy));
}

const MAX_DECIMALS = 4;

/**
 * How many decimals an indicator's figures are shown with: the most any of its targets or actuals
 * needs (so 10.0 and 32.8 both show one, like the document's "10.0%" and "32.8%"), at most 4.
 */
export function indicatorDecimals(indicator: ExportIndicator): number {
  let decimals = 0;
  for (const year of indicator.years) {
    for (const value of [year.target, year.actual]) {
      if (value === null) continue;
      decimals = Math.max(decimals, decimalsOf(value));
    }
  }
  return Math.min(decimals, MAX_DECIMALS);
}

function decimalsOf(value: number): number {
  const text = plainNumber(Math.abs(value));
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * A number as a machine reads it: `-` for negatives, `.` for decimals, no grouping, no exponent,
 * the shortest text that reads back as the same number. `-0` is written `0`.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Object.is(value, -0) || value === 0) return '0';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Only magnitudes under 1e-6 reach here (larger ones print plainly up to 1e21, far above any
  // figure); 20 fixed decimals keep what matters of them.
  if (Math.abs(value) >= 1e21) throw new RangeError(`too large to write plainly: ${value}`);
  return value.toFixed(20).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
