import { isFiscalYearClosed, fiscalYearOf, type CivilDate } from './fiscal-year.ts';
import { parseFigure, type FigureRefusal } from './numbers.ts';

/**
 * What a person typed into the "record a figure" form, judged against the indicator it is for.
 * Pure: the same rules serve the Slack modal and any other door.
 */

/** No indicator of the plan comes near a billion; anything beyond is a slipped key. */
export const MAX_FIGURE_MAGNITUDE = 1e9;
/** Long enough for a sentence of context ("9月末時点"), short enough to read in a history list. */
export const MAX_NOTE_LENGTH = 500;
/** "1,234,567.89 回" with room to spare; longer text is not a figure. */
export const MAX_VALUE_INPUT_LENGTH = 50;

export interface IndicatorRules {
  /** null when the indicator is not known yet: the number is judged, the unit and range are not. */
  unit: string | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface PlanPeriod {
  firstFiscalYear: number;
  lastFiscalYear: number;
}

/** The number's own refusals (numbers.ts: not a number, unknown unit, ambiguous scale …), then the indicator's range. */
export type ValueProblem =
  | FigureRefusal
  | { code: 'negative_not_allowed' }
  | { code: 'below_min'; min: number; unit: string }
  | { code: 'above_max'; max: number; unit: string };

export type NoteProblem = { code: 'note_too_long'; length: number; limit: number };

export type FiscalYearProblem =
  | { code: 'outside_plan_period'; first: number; last: number }
  | { code: 'not_started' };

export type ValueCheck = { ok: true; value: number } | { ok: false; problem: ValueProblem };

export function checkFigureValue(text: string, rules: IndicatorRules): ValueCheck {
  if (text.trim() === '') return refuse({ code: 'empty' });
  // Quoted back in part only: the message should not repeat a wall of text.
  if (text.length > MAX_VALUE_INPUT_LENGTH) return refuse({ code: 'not_a_number', text: excerpt(text) });
  // The unit, its synonyms and the % sign are judged with the number (numbers.ts, units.ts).
  const parsed = parseFigure(text, rules.unit);
  if (!parsed.ok) {
    if (parsed.reason.code === 'too_large') return refuse({ code: 'too_large', limit: MAX_FIGURE_MAGNITUDE });
    return refuse(parsed.reason);
  }
  const { value } = parsed;
  const unit = rules.unit ?? '';
  if (Math.abs(value) > MAX_FIGURE_MAGNITUDE) return refuse({ code: 'too_large', limit: MAX_FIGURE_MAGNITUDE });
  if (rules.minValue !== null && value < rules.minValue) {
    // "Cannot be negative" says more than "at least 0" to someone who typed ▲.
    return refuse(
      rules.minValue >= 0 && value < 0
        ? { code: 'negative_not_allowed' }
        : { code: 'below_min', min: rules.minValue, unit },
    );
  }
  if (rules.maxValue !== null && value > rules.maxValue) {
    return refuse({ code: 'above_max', max: rules.maxValue, unit });
  }
  return { ok: true, value };
}

const EXCERPT_LENGTH = 20;

function excerpt(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= EXCERPT_LENGTH ? chars.join('') : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

function refuse(problem: ValueProblem): ValueCheck {
  return { ok: false, problem };
}

export function checkNote(
  text: string | null | undefined,
): { ok: true; note: string | null } | { ok: false; problem: NoteProblem } {
  const note = text?.trim() ?? '';
  if (note === '') return { ok: true, note: null };
  // Counted in code points, as a person counts characters (an emoji is one).
  const length = [...note].length;
  if (length > MAX_NOTE_LENGTH) return { ok: false, problem: { code: 'note_too_long', length, limit: MAX_NOTE_LENGTH } };
  return { ok: true, note };
}

export function checkFiscalYear(
  fiscalYear: number,
  period: PlanPeriod,
  today: CivilDate,
): { ok: true } | { ok: false; problem: FiscalYearProblem } {
  if (!Number.isInteger(fiscalYear) || fiscalYear < period.firstFiscalYear || fiscalYear > period.lastFiscalYear) {
    return { ok: false, problem: { code: 'outside_plan_period', first: period.firstFiscalYear, last: period.lastFiscalYear } };
  }
  // A year that has not begun has no result yet, not even a provisional one.
  if (fiscalYear > fiscalYearOf(today)) return { ok: false, problem: { code: 'not_started' } };
  return { ok: true };
}

/** Years of the plan a figure can be recorded for as of today: those that have begun. */
export function recordableYears(period: PlanPeriod, today: CivilDate): number[] {
  const current = fiscalYearOf(today);
  const years: number[] = [];
  for (let fy = period.firstFiscalYear; fy <= Math.min(period.lastFiscalYear, current); fy++) years.push(fy);
  return years;
}

/** A figure for a year still running is a mid-year count (839 items at end of September), not the result. */
export function isProvisional(fiscalYear: number, today: CivilDate): boolean {
  return !isFiscalYearClosed(fiscalYear, today);
}
