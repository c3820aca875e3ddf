/**
 * What the chart renderer draws: plain data and every word already chosen by the caller
 * (the messages layer). The renderer adds no user-facing words, only number formatting.
 */

export type ChartLocale = 'ja' | 'en';

export type ChartDirection = 'higher_is_better' | 'lower_is_better';

/**
 * What a year's actual column shows:
 * - `value`: the actual is drawn as a bar (a null actual is drawn as `missing`);
 * - `missing`: the actual was due and is not recorded: a placeholder with `labels.missing`;
 * - `before_evaluation`: the year precedes the indicator's evaluation period: a placeholder
 *   with `labels.beforeEvaluation`, or a grey (unjudged) bar when an actual was recorded anyway;
 * - `no_target`: nothing to compare: a dash at the baseline, or a bar when an actual exists.
 */
export type ChartYearState = 'value' | 'missing' | 'before_evaluation' | 'no_target';

export interface ChartYear {
  fiscalYear: number;
  /** The x-axis label, lines separated by `\n`, e.g. `令和2年度\nFY2020`. */
  yearLabel: string;
  target: number | null;
  actual: number | null;
  state: ChartYearState;
}

export interface ChartIndicator {
  name: string;
  unit: string;
  direction: ChartDirection;
  years: ChartYear[];
}

export interface ChartLabels {
  target: string;
  actual: string;
  missing: string;
  beforeEvaluation: string;
  lowerIsBetter: string;
}

export interface ChartSpec {
  locale: ChartLocale;
  /** The plan's number and name, e.g. `⑬ 施設のＩＣＴ環境の充実`. */
  title: string;
  /** e.g. the grade line `令和2年度 評価 A（達成 166%）`. */
  subtitle?: string;
  /** One panel each; one or two indicators. */
  indicators: ChartIndicator[];
  labels: ChartLabels;
}

export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;
export const MAX_INDICATORS = 2;
