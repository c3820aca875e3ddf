/**
 * Grading a figure against its target, as the committee's 評価 column does (A／B／C／D, ◎○△×,
 * or 達成／前進／横ばい／後退). Pure: codes only, the messages layer words them.
 * docs/grading.md states the rules in plain language; keep the two in step.
 */
import { achievementRate, meetsTarget, type Direction } from './status.ts';

export const INDICATOR_KINDS = [
  'count',
  'percentage',
  'change_points',
  'max_threshold',
  'cumulative',
  'one_off',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * Which directions make sense for each kind. A ratio of a lower-is-better figure would read
 * "200 %" for halving a waiting time, so lower-is-better figures are max_threshold instead.
 */
export const KIND_DIRECTIONS: Record<IndicatorKind, readonly Direction[]> = {
  count: ['higher_is_better'],
  percentage: ['higher_is_better'],
  cumulative: ['higher_is_better'],
  max_threshold: ['lower_is_better'],
  change_points: ['higher_is_better', 'lower_is_better'],
  one_off: ['higher_is_better', 'lower_is_better'],
};

export const GRADING_SCHEMES = ['abcd', 'trend', 'marks'] as const;
export type GradingScheme = (typeof GRADING_SCHEMES)[number];

export type AbcdGrade = 'A' | 'B' | 'C' | 'D';
export type TrendGrade = 'achieved' | 'advanced' | 'flat' | 'declined';
export type MarkGrade = 'double_circle' | 'circle' | 'triangle' | 'cross';
export type GradeCode = AbcdGrade | TrendGrade | MarkGrade;
export type GradeOf<S extends GradingScheme> = { abcd: AbcdGrade; trend: TrendGrade; marks: MarkGrade }[S];

/** Best first, so a grade's position is its rank. */
const LADDERS: { [S in GradingScheme]: readonly [GradeOf<S>, GradeOf<S>, GradeOf<S>, GradeOf<S>] } = {
  abcd: ['A', 'B', 'C', 'D'],
  marks: ['double_circle', 'circle', 'triangle', 'cross'],
  trend: ['achieved', 'advanced', 'flat', 'declined'],
};

/** A grade's place on its scheme's ladder: 0 is the top grade (A, ◎, 達成), 3 the bottom. */
export function gradeRank(grade: GradeCode): number {
  for (const ladder of Object.values(LADDERS) as readonly (readonly GradeCode[])[]) {
    const rank = ladder.indexOf(grade);
    if (rank !== -1) return rank;
  }
  throw new RangeError(`not a grade: ${grade}`);
}

/** Where the symbol is the grade itself; 達成／前進… are words and belong to the messages. */
export const GRADE_SYMBOL: Record<AbcdGrade | MarkGrade, string> = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  double_circle: '◎',
  circle: '○',
  triangle: '△',
  cross: '×',
};

export type UngradedReason = 'no_target' | 'no_actual' | 'before_evaluation_period' | 'zero_target' | 'no_base';

export type Achievement =
  /** actual ÷ target: 1.66 is 166 %. */
  | { kind: 'ratio'; value: number }
  /** How far past the target, in points; negative when short. */
  | { kind: 'points'; value: number }
  /** Room left under a ceiling (target − actual), in the unit; negative when over. */
  | { kind: 'margin'; value: number };

export interface Figure {
  kind: IndicatorKind;
  direction: Direction;
  target: number | null;
  actual: number | null;
  /** What the trend scheme compares with: the base year's actual. */
  base?: number | null;
  beforeEvaluationPeriod?: boolean;
}

export interface FigureGrade<G extends GradeCode = GradeCode> {
  met: boolean | null;
  achievement: Achievement | null;
  grade: G | null;
  reason: UngradedReason | null;
}

export interface GradingBands {
  /** Lowest achievement ratio for A, B and C; anything lower is D. */
  abcd: { A: number; B: number; C: number };
  /** Lowest achievement ratio for ◎, ○ and △; anything lower is ×. */
  marks: { double_circle: number; circle: number; triangle: number };
  /**
   * change_points in abcd and marks: meeting the target is the top grade; otherwise the lowest
   * change (in points, towards the better side) for the second and third grades.
   */
  changePoints: { second: number; third: number };
  /** trend: a move of at most this much (in the unit) from the base is 横ばい (flat). */
  flatTolerance: number;
}

export const DEFAULT_BANDS: GradingBands = {
  abcd: { A: 1, B: 0.8, C: 0.5 },
  marks: { double_circle: 1, circle: 0.8, triangle: 0.5 },
  // A rise short of the target is B, a fall of up to 5 points C, a bigger fall D.
  changePoints: { second: 0, third: -5 },
  flatTolerance: 0,
};

export type Trend = 'improved' | 'same' | 'worse';

const RATIO_KINDS: ReadonlySet<IndicatorKind> = new Set(['count', 'percentage', 'cumulative']);

export function gradeFigure<S extends GradingScheme = 'abcd'>(
  figure: Figure,
  scheme: S = 'abcd' as S,
  bands: Partial<GradingBands> = {},
): FigureGrade<GradeOf<S>> {
  const { kind, direction, target, actual } = figure;
  if (!KIND_DIRECTIONS[kind].includes(direction)) {
    throw new RangeError(`a ${kind} indicator cannot be ${direction}`);
  }
  const b = resolveBands(bands);
  const ungraded = (reason: UngradedReason, met: boolean | null = null, achievement: Achievement | null = null) => ({
    met,
    achievement,
    grade: null,
    reason,
  });
  // The source's 評価期間前 wins even over a figure that exists (⑯ and ⑱ report FY2020 actuals).
  if (figure.beforeEvaluationPeriod) return ungraded('before_evaluation_period');
  if (target === null) return ungraded('no_target');
  if (actual === null) return ungraded('no_actual');

  const met = meetsTarget(actual, target, direction);
  const achievement = achievementOf(kind, direction, target, actual);
  const graded = (rank: number) => ({ met, achievement, grade: LADDERS[scheme][rank]!, reason: null });

  if (scheme === 'trend') {
    if (met) return graded(0);
    const base = figure.base ?? null;
    if (base === null) return ungraded('no_base', met, achievement);
    return graded(1 + TREND_ORDER.indexOf(compareFigures(base, actual, direction, b.flatTolerance)));
  }

  switch (kind) {
    case 'count':
    case 'percentage':
    case 'cumulative': {
      // A zero (or negative) target has no meaningful ratio, whatever the actual.
      if (achievement === null) return ungraded('zero_target', met, null);
      return graded(rankByRatio(achievement.value, ratioBands(scheme, b)));
    }
    case 'max_threshold':
      // Graded on target ÷ actual, the inverse ratio: with the default bands B is up to 25 % over
      // the ceiling and C up to double. Only the margin is reported, never "200 %".
      return graded(rankByRatio(actual > 0 ? target / actual : met ? Infinity : 0, ratioBands(scheme, b)));
    case 'change_points': {
      if (met) return graded(0);
      const change = direction === 'higher_is_better' ? actual : -actual;
      return graded(change >= b.changePoints.second ? 1 : change >= b.changePoints.third ? 2 : 3);
    }
    case 'one_off':
      // A milestone is reached or not; there is no partial credit to band.
      return graded(met ? 0 : 3);
  }
}

function achievementOf(kind: IndicatorKind, direction: Direction, target: number, actual: number): Achievement | null {
  if (RATIO_KINDS.has(kind)) {
    const ratio = target > 0 ? achievementRate(actual, target, direction) : null;
    return ratio === null ? null : { kind: 'ratio', value: ratio };
  }
  switch (kind) {
    case 'change_points':
      return { kind: 'points', value: direction === 'higher_is_better' ? actual - target : target - actual };
    case 'max_threshold':
      return { kind: 'margin', value: target - actual };
    default:
      return null;
  }
}

function ratioBands(scheme: 'abcd' | 'marks', b: GradingBands): readonly [number, number, number] {
  return scheme === 'abcd' ? [b.abcd.A, b.abcd.B, b.abcd.C] : [b.marks.double_circle, b.marks.circle, b.marks.triangle];
}

function rankByRatio(ratio: number, [top, second, third]: readonly [number, number, number]): number {
  return ratio >= top ? 0 : ratio >= second ? 1 : ratio >= third ? 2 : 3;
}

// Every figure graded checks its bands; a plan's bands are one object (bandsOf keeps them).
const resolvedBands = new WeakMap<Partial<GradingBands>, GradingBands>();

function resolveBands(partial: Partial<GradingBands>): GradingBands {
  let resolved = resolvedBands.get(partial);
  if (!resolved) {
    resolved = checkedBands(partial);
    resolvedBands.set(partial, resolved);
  }
  return resolved;
}

function checkedBands(partial: Partial<GradingBands>): GradingBands {
  const b = { ...DEFAULT_BANDS, ...partial };
  // Out-of-order bands would make a better figure earn a worse grade.
  const ordered = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);
  if (
    !ordered([b.abcd.A, b.abcd.B, b.abcd.C]) ||
    !ordered([b.marks.double_circle, b.marks.circle, b.marks.triangle]) ||
    !ordered([b.changePoints.second, b.changePoints.third]) ||
    !(b.flatTolerance >= 0)
  ) {
    throw new RangeError(`grading bands must run from best to worst: ${JSON.stringify(b)}`);
  }
  return b;
}

const TREND_ORDER: readonly Trend[] = ['improved', 'same', 'worse'];

/** How a figure moved from its base, direction-aware; within the tolerance counts as the same. */
export function compareFigures(base: number, actual: number, direction: Direction, tolerance = 0): Trend {
  if (Math.abs(actual - base) <= tolerance) return 'same';
  return meetsTarget(actual, base, direction) ? 'improved' : 'worse';
}

/** Whether a grade got better between two years; null when either is ungraded or they are from different schemes. */
export function compareGrades(earlier: GradeCode | null, later: GradeCode | null): Trend | null {
  if (earlier === null || later === null) return null;
  const ladders: readonly (readonly GradeCode[])[] = Object.values(LADDERS);
  for (const ladder of ladders) {
    const [from, to] = [ladder.indexOf(earlier), ladder.indexOf(later)];
    if (from === -1 || to === -1) continue;
    return to < from ? 'improved' : to === from ? 'same' : 'worse';
  }
  return null;
}

// ─── One indicator over the years, and an action plan ────────────────────────────────────────

export interface IndicatorSeries {
  kind: IndicatorKind;
  direction: Direction;
  figures: readonly { fiscalYear: number; target: number | null; actual: number | null }[];
  /** Years the source marks 評価期間前. */
  beforeEvaluation?: readonly number[];
}

/**
 * Targets begin in the year a system goes live, and the source calls the years before that
 * 評価期間前; so a year is before evaluation when the source says so or when it precedes the
 * first target.
 */
export function isBeforeEvaluationPeriod(series: IndicatorSeries, fiscalYear: number): boolean {
  if (series.beforeEvaluation?.includes(fiscalYear)) return true;
  const first = firstTargetYear(series);
  return first !== null && fiscalYear < first;
}

// Grading a plan asks this for every year of every indicator, and each grade for every earlier
// year too: worked out once per series (series are read-only), the list of all plans got 2×
// faster (#14).
const firstTargetYears = new WeakMap<IndicatorSeries, number | null>();

function firstTargetYear(series: IndicatorSeries): number | null {
  let first = firstTargetYears.get(series);
  if (first === undefined) {
    const targetYears = series.figures.filter((f) => f.target !== null).map((f) => f.fiscalYear);
    first = targetYears.length > 0 ? Math.min(...targetYears) : null;
    firstTargetYears.set(series, first);
  }
  return first;
}

/**
 * Grades one year of an indicator. The trend base is `options.base` when given, else the actual
 * of the latest earlier year that could itself be graded.
 */
export function gradeIndicatorYear<S extends GradingScheme = 'abcd'>(
  series: IndicatorSeries,
  fiscalYear: number,
  scheme: S = 'abcd' as S,
  bands: Partial<GradingBands> = {},
  options: { base?: number | null } = {},
): FigureGrade<GradeOf<S>> {
  // One pass for the year's figure and the latest earlier gradable one: a plan's grade line
  // asks this for every indicator and year, and a list for every plan (#14).
  type SeriesFigure = IndicatorSeries['figures'][number];
  let figure: SeriesFigure | undefined;
  let previous: SeriesFigure | undefined;
  for (const f of series.figures) {
    if (f.fiscalYear === fiscalYear) {
      figure ??= f;
    } else if (
      f.fiscalYear < fiscalYear &&
      (previous === undefined || f.fiscalYear > previous.fiscalYear) &&
      f.target !== null &&
      f.actual !== null &&
      !isBeforeEvaluationPeriod(series, f.fiscalYear)
    ) {
      previous = f;
    }
  }
  return gradeFigure(
    {
      kind: series.kind,
      direction: series.direction,
      target: figure?.target ?? null,
      actual: figure?.actual ?? null,
      base: options.base !== undefined ? options.base : (previous?.actual ?? null),
      beforeEvaluationPeriod: isBeforeEvaluationPeriod(series, fiscalYear),
    },
    scheme,
    bands,
  );
}

export interface ActionPlanGrade<G extends GradeCode = GradeCode> {
  /** The worst grade among the indicators that could be graded. */
  grade: G | null;
  /** Why there is no grade: the first of UNGRADED_PRIORITY that any indicator gave. */
  reason: UngradedReason | null;
  /** False while some indicator with a target still waits for its actual. */
  complete: boolean;
  indicators: FigureGrade<G>[];
}

/** When nothing could be graded, the reason someone can act on comes first. */
const UNGRADED_PRIORITY: readonly UngradedReason[] = [
  'no_actual',
  'no_base',
  'zero_target',
  'no_target',
  'before_evaluation_period',
];

/**
 * An action plan is as good as its weakest graded indicator: the plan promised every target.
 * Indicators that cannot be graded (評価期間前, no target…) are left out rather than counted as failures.
 */
export function gradeActionPlan<S extends GradingScheme = 'abcd'>(
  indicators: readonly IndicatorSeries[],
  fiscalYear: number,
  scheme: S = 'abcd' as S,
  bands: Partial<GradingBands> = {},
): ActionPlanGrade<GradeOf<S>> {
  const results = indicators.map((series) => gradeIndicatorYear(series, fiscalYear, scheme, bands));
  const ladder: readonly GradeCode[] = LADDERS[scheme];
  let worst: GradeOf<S> | null = null;
  for (const { grade } of results) {
    if (grade !== null && (worst === null || ladder.indexOf(grade) > ladder.indexOf(worst))) worst = grade;
  }
  const reasons = new Set(results.map((r) => r.reason));
  return {
    grade: worst,
    reason: worst === null ? (UNGRADED_PRIORITY.find((r) => reasons.has(r)) ?? null) : null,
    complete: !reasons.has('no_actual'),
    indicators: results,
  };
}

/** The latest fiscal year in which the action plan (or a single indicator, as a list of one) has a grade. */
export function latestGradedYear(
  indicators: readonly IndicatorSeries[],
  scheme: GradingScheme = 'abcd',
  bands: Partial<GradingBands> = {},
): number | null {
  const years = [...new Set(indicators.flatMap((s) => s.figures.map((f) => f.fiscalYear)))].sort((a, b) => b - a);
  return years.find((fy) => gradeActionPlan(indicators, fy, scheme, bands).grade !== null) ?? null;
}

/** The grades of a scheme, best first: what a person may choose when grading by hand. */
export function gradesOf<S extends GradingScheme>(scheme: S): readonly GradeOf<S>[] {
  return LADDERS[scheme];
}
