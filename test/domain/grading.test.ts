import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BANDS,
  GRADE_SYMBOL,
  compareFigures,
  compareGrades,
  gradeActionPlan,
  gradeFigure,
  gradeIndicatorYear,
  isBeforeEvaluationPeriod,
  latestGradedYear,
  type Figure,
  type GradingScheme,
  type IndicatorKind,
  type IndicatorSeries,
} from '../../src/domain/grading.ts';
import { loadSeedFile, type PlanSeed } from '../../src/store/seed-file.ts';

const seed = loadSeedFile();
const YEARS = [2019, 2020, 2021, 2022, 2023];

function seriesOf(ind: PlanSeed['actionPlans'][number]['indicators'][number]): IndicatorSeries {
  return {
    kind: ind.kind,
    direction: ind.direction,
    figures: YEARS.map((fy) => ({
      fiscalYear: fy,
      target: ind.targets[String(fy)] ?? null,
      actual: ind.actuals[String(fy)]?.value ?? null,
    })),
    ...(ind.beforeEvaluation ? { beforeEvaluation: ind.beforeEvaluation } : {}),
  };
}
const plan = (n: number) => seed.actionPlans.find((ap) => ap.number === n)!.indicators.map(seriesOf);
const indicator = (n: number, position: number) => plan(n)[position - 1]!;

describe('the classification of the seed indicators', () => {
  // [action plan, position, kind, years the source marks 評価期間前 on its progress pages]
  const KINDS: [number, number, IndicatorKind, number[]][] = [
    [1, 1, 'percentage', []],
    [2, 1, 'percentage', []],
    [3, 1, 'count', []],
    [4, 1, 'change_points', []], // 上昇率: 61.8 % → 45.1 % is ▲16.68 points
    [5, 1, 'count', []],
    [6, 1, 'change_points', []], // 増加率: 775 → 1,670 files is +115.48 %
    [6, 2, 'count', [2020]],
    [7, 1, 'count', [2020]],
    [8, 1, 'percentage', []],
    [8, 2, 'percentage', []],
    [9, 1, 'count', [2020]],
    [10, 1, 'count', [2020]],
    [11, 1, 'max_threshold', []],
    [11, 2, 'max_threshold', [2020]],
    [12, 1, 'percentage', []],
    [13, 1, 'count', []],
    [14, 1, 'count', []],
    [15, 1, 'count', [2020]],
    [16, 1, 'count', [2020]],
    [17, 1, 'percentage', [2020]],
    [18, 1, 'percentage', [2020]],
    [19, 1, 'count', []],
    [20, 1, 'count', []],
  ];

  it('covers all 23 indicators', () => {
    expect(KINDS).toHaveLength(seed.actionPlans.flatMap((ap) => ap.indicators).length);
  });

  it.each(KINDS)('action plan %i indicator %i is %s, 評価期間前 in %j', (n, position, kind, before) => {
    const ind = seed.actionPlans.find((ap) => ap.number === n)!.indicators[position - 1]!;
    expect(ind.kind).toBe(kind);
    expect(ind.beforeEvaluation ?? []).toEqual(before);
  });
});

describe('every seed figure with a target and an actual, graded by hand', () => {
  type Row = [
    plan: number,
    position: number,
    fy: number,
    met: boolean,
    achievement: ['ratio' | 'points' | 'margin', number],
    abcd: string,
    marks: string,
    trend: string | null, // null: no base year to compare with
  ];
  // Ratios are actual ÷ target worked out from the 【参考資料】 table, to four places.
  const ROWS: Row[] = [
    [1, 1, 2019, true, ['ratio', 3.04], 'A', 'double_circle', 'achieved'], // 30.4 / 10.0
    [1, 1, 2020, true, ['ratio', 1.64], 'A', 'double_circle', 'achieved'], // 32.8 / 20.0
    [2, 1, 2020, true, ['ratio', 4.4889], 'A', 'double_circle', 'achieved'], // 4.04 / 0.9
    [3, 1, 2019, false, ['ratio', 0.0845], 'D', 'cross', null], // 1,267 / 15,000
    [3, 1, 2020, false, ['ratio', 0.3218], 'D', 'cross', 'advanced'], // 11,584 / 36,000, up from 1,267
    [4, 1, 2020, false, ['points', -26.68], 'D', 'cross', null], // ▲16.68 against +10: fell more than 5 points
    [5, 1, 2019, true, ['ratio', 1.5876], 'A', 'double_circle', 'achieved'], // 234,964 / 148,000
    [5, 1, 2020, true, ['ratio', 2.2646], 'A', 'double_circle', 'achieved'], // 349,879 / 154,500 (about 226 %)
    [6, 1, 2019, true, ['points', 86.3], 'A', 'double_circle', 'achieved'], // 96.3 − 10.0
    [6, 1, 2020, true, ['points', 95.48], 'A', 'double_circle', 'achieved'], // 115.48 − 20.0
    [8, 1, 2019, false, ['ratio', 0.925], 'B', 'circle', null], // 44.4 / 48.0
    [8, 1, 2020, false, ['ratio', 0.7714], 'C', 'triangle', 'declined'], // 37.8 / 49.0, down from 44.4
    [8, 2, 2019, false, ['ratio', 0.6783], 'C', 'triangle', null], // 40.7 / 60.0
    [8, 2, 2020, false, ['ratio', 0.5446], 'C', 'triangle', 'declined'], // 35.4 / 65.0, down from 40.7
    [11, 1, 2019, true, ['margin', 75], 'A', 'double_circle', 'achieved'], // 15 min within 90
    [11, 1, 2020, true, ['margin', 15], 'A', 'double_circle', 'achieved'], // 15 min within 30
    [12, 1, 2019, true, ['ratio', 3.57], 'A', 'double_circle', 'achieved'], // 71.4 / 20.0
    [12, 1, 2020, true, ['ratio', 1.778], 'A', 'double_circle', 'achieved'], // 88.9 / 50.0
    [13, 1, 2019, true, ['ratio', 5.27], 'A', 'double_circle', 'achieved'], // 5,270 / 1,000
    [13, 1, 2020, true, ['ratio', 1.6637], 'A', 'double_circle', 'achieved'], // 4,991 / 3,000 (達成 166 %)
    [14, 1, 2019, true, ['ratio', 1], 'A', 'double_circle', 'achieved'], // 4 / 4
    [14, 1, 2020, false, ['ratio', 0.75], 'C', 'triangle', 'advanced'], // 6 / 8, up from 4
    [19, 1, 2020, true, ['ratio', 2.33], 'A', 'double_circle', 'achieved'], // 233 / 100
    [20, 1, 2019, false, ['ratio', 0.575], 'C', 'triangle', null], // 115 / 200
    [20, 1, 2020, true, ['ratio', 2.205], 'A', 'double_circle', 'achieved'], // 441 / 200
  ];

  it('lists exactly the seed figures that have both a target and an actual', () => {
    const inSeed = seed.actionPlans.flatMap((ap) =>
      ap.indicators.flatMap((ind, i) =>
        YEARS.filter((fy) => String(fy) in ind.targets && String(fy) in ind.actuals).map(
          (fy) => `${ap.number}/${i + 1}/${fy}`,
        ),
      ),
    );
    expect(ROWS.map(([n, p, fy]) => `${n}/${p}/${fy}`)).toEqual(inSeed);
  });

  it.each(ROWS)('action plan %i indicator %i FY%i', (n, position, fy, met, [kind, value], abcd, marks, trend) => {
    const series = indicator(n, position);
    const a = gradeIndicatorYear(series, fy, 'abcd');
    expect(a).toMatchObject({ met, grade: abcd, reason: null, achievement: { kind } });
    expect(a.achievement!.value).toBeCloseTo(value, 4);
    expect(gradeIndicatorYear(series, fy, 'marks')).toMatchObject({ met, grade: marks, reason: null });
    expect(gradeIndicatorYear(series, fy, 'trend')).toMatchObject(
      trend === null ? { met, grade: null, reason: 'no_base' } : { met, grade: trend, reason: null },
    );
  });

  it('agrees with the source on the facts it states', () => {
    for (const n of [3, 4, 8, 14]) {
      expect(gradeActionPlan(plan(n), 2020).indicators.some((r) => r.met === false), `action plan ${n}`).toBe(true);
    }
    expect(gradeIndicatorYear(indicator(5, 1), 2020).achievement!.value).toBeCloseTo(2.26, 2);
    expect(gradeIndicatorYear(indicator(13, 1), 2020)).toMatchObject({ grade: 'A' });
    expect(Math.floor(gradeIndicatorYear(indicator(13, 1), 2020).achievement!.value * 100)).toBe(166);
  });
});

describe('seed figures that cannot be graded', () => {
  // [action plan, position, fiscal year, reason]
  const UNGRADED: [number, number, number, string][] = [
    [6, 2, 2020, 'before_evaluation_period'], // 公開型GIS: 評価期間前 on the progress page
    [7, 1, 2020, 'before_evaluation_period'],
    [9, 1, 2020, 'before_evaluation_period'],
    [10, 1, 2020, 'before_evaluation_period'],
    [11, 2, 2020, 'before_evaluation_period'],
    [15, 1, 2020, 'before_evaluation_period'],
    [16, 1, 2020, 'before_evaluation_period'], // though 2,124 people were reported
    [17, 1, 2020, 'before_evaluation_period'],
    [18, 1, 2020, 'before_evaluation_period'], // though 100 % was reported
    [2, 1, 2019, 'before_evaluation_period'], // before the first target (FY2020)
    [4, 1, 2019, 'before_evaluation_period'],
    [16, 1, 2021, 'before_evaluation_period'], // the first target is FY2022
    [15, 1, 2022, 'before_evaluation_period'], // the only target is FY2023
    [6, 2, 2021, 'no_actual'],
    [7, 1, 2021, 'no_actual'],
    [1, 1, 2021, 'no_actual'],
    [15, 1, 2023, 'no_actual'],
    [16, 1, 2022, 'no_actual'],
  ];

  it.each(UNGRADED)('action plan %i indicator %i FY%i: %s', (n, position, fy, reason) => {
    for (const scheme of ['abcd', 'marks', 'trend'] as GradingScheme[]) {
      expect(gradeIndicatorYear(indicator(n, position), fy, scheme)).toEqual({
        met: null,
        achievement: null,
        grade: null,
        reason,
      });
    }
  });
});

describe('action plans', () => {
  const FY2020_ABCD: Record<number, string | null> = {
    1: 'A', 2: 'A', 3: 'D', 4: 'D', 5: 'A', 6: 'A', 7: null, 8: 'C', 9: null, 10: null,
    11: 'A', 12: 'A', 13: 'A', 14: 'C', 15: null, 16: null, 17: null, 18: null, 19: 'A', 20: 'A',
  };
  const FY2019_ABCD: Record<number, string | null> = {
    1: 'A', 2: null, 3: 'D', 4: null, 5: 'A', 6: 'A', 7: null, 8: 'C', 9: null, 10: null,
    11: 'A', 12: 'A', 13: 'A', 14: 'A', 15: null, 16: null, 17: null, 18: null, 19: null, 20: 'C',
  };

  it('grades FY2020 by the worst graded indicator', () => {
    const grades = Object.fromEntries(seed.actionPlans.map((ap) => [ap.number, gradeActionPlan(plan(ap.number), 2020).grade]));
    expect(grades).toEqual(FY2020_ABCD);
  });

  it('grades FY2019 by the worst graded indicator', () => {
    const grades = Object.fromEntries(seed.actionPlans.map((ap) => [ap.number, gradeActionPlan(plan(ap.number), 2019).grade]));
    expect(grades).toEqual(FY2019_ABCD);
  });

  it('takes ⑧ as its weaker indicator and leaves out ⑥ GIS and ⑪ 入所選考時間 before evaluation', () => {
    expect(gradeActionPlan(plan(8), 2019)).toMatchObject({ grade: 'C', reason: null, complete: true });
    expect(gradeActionPlan(plan(6), 2020)).toMatchObject({ grade: 'A', complete: true });
    expect(gradeActionPlan(plan(11), 2020).indicators.map((r) => r.reason)).toEqual([null, 'before_evaluation_period']);
  });

  it('gives a reason when nothing can be graded, and says when actuals are still awaited', () => {
    expect(gradeActionPlan(plan(7), 2020)).toMatchObject({ grade: null, reason: 'before_evaluation_period', complete: true });
    expect(gradeActionPlan(plan(7), 2021)).toMatchObject({ grade: null, reason: 'no_actual', complete: false });
    expect(gradeActionPlan(plan(6), 2021)).toMatchObject({ grade: null, reason: 'no_actual', complete: false });
  });

  it('is complete: false when one indicator is graded and another awaits its actual', () => {
    const eight = plan(8);
    const halfReported: IndicatorSeries[] = [
      eight[0]!,
      { ...eight[1]!, figures: eight[1]!.figures.map((f) => (f.fiscalYear === 2020 ? { ...f, actual: null } : f)) },
    ];
    expect(gradeActionPlan(halfReported, 2020)).toMatchObject({ grade: 'C', reason: null, complete: false });
  });

  it('uses the scheme of the call, worst first', () => {
    expect(gradeActionPlan(plan(8), 2020, 'marks').grade).toBe('triangle');
    expect(gradeActionPlan(plan(8), 2020, 'trend').grade).toBe('declined');
    expect(gradeActionPlan(plan(14), 2020, 'trend').grade).toBe('advanced');
  });

  it('finds the latest graded year', () => {
    expect(latestGradedYear(plan(1))).toBe(2020);
    expect(latestGradedYear(plan(14))).toBe(2020);
    expect(latestGradedYear(plan(7))).toBeNull();
    expect(latestGradedYear(plan(16))).toBeNull();
    expect(latestGradedYear([indicator(6, 2)])).toBeNull();
    // FY2019 ③ has no base, so the trend scheme first grades it in FY2020
    expect(latestGradedYear(plan(3), 'trend')).toBe(2020);
    expect(latestGradedYear(plan(4), 'trend')).toBeNull();
  });

  it('compares two years of grades', () => {
    const of = (n: number, fy: number) => gradeActionPlan(plan(n), fy).grade;
    expect(compareGrades(of(14, 2019), of(14, 2020))).toBe('worse'); // A → C
    expect(compareGrades(of(20, 2019), of(20, 2020))).toBe('improved'); // C → A
    expect(compareGrades(of(3, 2019), of(3, 2020))).toBe('same'); // D → D
    expect(compareGrades(of(2, 2019), of(2, 2020))).toBeNull(); // 評価期間前 → A
    expect(compareGrades('double_circle', 'triangle')).toBe('worse');
    expect(compareGrades('flat', 'achieved')).toBe('improved');
    expect(compareGrades('A', 'circle')).toBeNull();
  });
});

describe('gradeFigure edge cases', () => {
  const count = (target: number | null, actual: number | null, extra: Partial<Figure> = {}): Figure => ({
    kind: 'count',
    direction: 'higher_is_better',
    target,
    actual,
    ...extra,
  });

  it('defaults to the abcd scheme and its bands: A ≥ 100 %, B ≥ 80 %, C ≥ 50 %', () => {
    expect(gradeFigure(count(100, 100)).grade).toBe('A');
    expect(gradeFigure(count(100, 99.9)).grade).toBe('B');
    expect(gradeFigure(count(100, 80)).grade).toBe('B');
    expect(gradeFigure(count(100, 79.9)).grade).toBe('C');
    expect(gradeFigure(count(100, 50)).grade).toBe('C');
    expect(gradeFigure(count(100, 49.9)).grade).toBe('D');
    expect(gradeFigure(count(100, 0))).toEqual({ met: false, achievement: { kind: 'ratio', value: 0 }, grade: 'D', reason: null });
  });

  it('takes other bands, for abcd and marks separately', () => {
    const strict = { abcd: { A: 1, B: 0.9, C: 0.7 } };
    expect(gradeFigure(count(100, 85), 'abcd', strict).grade).toBe('C');
    expect(gradeFigure(count(100, 85), 'marks', strict).grade).toBe('circle');
    expect(gradeFigure(count(100, 85), 'marks', { marks: { double_circle: 1, circle: 0.9, triangle: 0.6 } }).grade).toBe(
      'triangle',
    );
  });

  it('refuses bands that run the wrong way', () => {
    expect(() => gradeFigure(count(1, 1), 'abcd', { abcd: { A: 0.5, B: 0.8, C: 0.3 } })).toThrow(RangeError);
    expect(() => gradeFigure(count(1, 1), 'abcd', { changePoints: { second: -5, third: 0 } })).toThrow(RangeError);
    expect(() => gradeFigure(count(1, 1), 'trend', { flatTolerance: -1 })).toThrow(RangeError);
  });

  it('cannot grade a ratio against a zero target, though it knows whether it was met', () => {
    expect(gradeFigure(count(0, 5))).toEqual({ met: true, achievement: null, grade: null, reason: 'zero_target' });
    expect(gradeFigure(count(0, 5), 'marks').reason).toBe('zero_target');
    // trend needs no ratio
    expect(gradeFigure(count(0, 5), 'trend')).toMatchObject({ grade: 'achieved', reason: null });
  });

  it('grades a negative (▲) actual as far short of a positive target', () => {
    expect(gradeFigure({ ...count(10, -16.68), kind: 'percentage' })).toMatchObject({
      met: false,
      grade: 'D',
      achievement: { kind: 'ratio', value: -1.668 },
    });
  });

  it('reports an actual without a target as no_target, and a target without an actual as no_actual', () => {
    expect(gradeFigure(count(null, 2124))).toEqual({ met: null, achievement: null, grade: null, reason: 'no_target' });
    expect(gradeFigure(count(200, null))).toEqual({ met: null, achievement: null, grade: null, reason: 'no_actual' });
  });

  it('puts 評価期間前 before everything else, even an actual that meets a target', () => {
    expect(gradeFigure(count(100, 200, { beforeEvaluationPeriod: true }))).toEqual({
      met: null,
      achievement: null,
      grade: null,
      reason: 'before_evaluation_period',
    });
  });

  it('refuses a kind with a direction it does not have', () => {
    expect(() => gradeFigure({ ...count(1, 1), direction: 'lower_is_better' })).toThrow(RangeError);
    expect(() => gradeFigure({ ...count(15, 15), kind: 'max_threshold' })).toThrow(RangeError);
  });

  describe('max_threshold (15分以内)', () => {
    const within = (target: number, actual: number): Figure => ({
      kind: 'max_threshold',
      direction: 'lower_is_better',
      target,
      actual,
    });

    it('is A with the room left as its margin when at or under, never a percentage above 100', () => {
      expect(gradeFigure(within(15, 15))).toEqual({ met: true, achievement: { kind: 'margin', value: 0 }, grade: 'A', reason: null });
      expect(gradeFigure(within(30, 15))).toEqual({ met: true, achievement: { kind: 'margin', value: 15 }, grade: 'A', reason: null });
      expect(gradeFigure(within(15, 0)).grade).toBe('A');
    });

    it('grades by how far over: B up to 25 % over, C up to double, D beyond', () => {
      expect(gradeFigure(within(15, 16))).toMatchObject({ met: false, achievement: { kind: 'margin', value: -1 }, grade: 'B' });
      expect(gradeFigure(within(20, 25)).grade).toBe('B');
      expect(gradeFigure(within(20, 25.1)).grade).toBe('C');
      expect(gradeFigure(within(15, 30)).grade).toBe('C');
      expect(gradeFigure(within(15, 30.1)).grade).toBe('D');
      expect(gradeFigure(within(15, 90), 'marks').grade).toBe('cross');
    });

    it('is met by zero against a zero ceiling and D above it', () => {
      expect(gradeFigure(within(0, 0))).toMatchObject({ met: true, grade: 'A' });
      expect(gradeFigure(within(0, 1))).toMatchObject({ met: false, grade: 'D', achievement: { kind: 'margin', value: -1 } });
    });

    it('goes the right way in the trend scheme', () => {
      expect(gradeFigure({ ...within(15, 20), base: 25 }, 'trend').grade).toBe('advanced');
      expect(gradeFigure({ ...within(15, 20), base: 18 }, 'trend').grade).toBe('declined');
      expect(gradeFigure({ ...within(15, 20), base: 20 }, 'trend').grade).toBe('flat');
    });
  });

  describe('change_points (上昇率)', () => {
    const rise = (target: number, actual: number): Figure => ({
      kind: 'change_points',
      direction: 'higher_is_better',
      target,
      actual,
    });

    it('reports the gap in points, not a ratio', () => {
      expect(gradeFigure(rise(10, -16.68)).achievement).toEqual({ kind: 'points', value: expect.closeTo(-26.68, 6) });
      expect(gradeFigure(rise(10, 12)).achievement).toEqual({ kind: 'points', value: 2 });
    });

    it('is A when met, B when it rose short of the target, C when it fell up to 5 points, D beyond', () => {
      expect(gradeFigure(rise(10, 10)).grade).toBe('A');
      expect(gradeFigure(rise(10, 9.9)).grade).toBe('B');
      expect(gradeFigure(rise(10, 0)).grade).toBe('B');
      expect(gradeFigure(rise(10, -0.1)).grade).toBe('C');
      expect(gradeFigure(rise(10, -5)).grade).toBe('C');
      expect(gradeFigure(rise(10, -5.1)).grade).toBe('D');
      expect(gradeFigure(rise(10, -16.68), 'marks').grade).toBe('cross');
    });

    it('takes other point bands', () => {
      const bands = { changePoints: { second: 5, third: 0 } };
      expect(gradeFigure(rise(10, 4), 'abcd', bands).grade).toBe('C');
      expect(gradeFigure(rise(10, -1), 'abcd', bands).grade).toBe('D');
    });

    it('has no trouble with a zero target', () => {
      expect(gradeFigure(rise(0, 0))).toMatchObject({ met: true, grade: 'A', achievement: { kind: 'points', value: 0 } });
      expect(gradeFigure(rise(0, -3))).toMatchObject({ met: false, grade: 'C' });
    });

    it('mirrors for a fall that is good', () => {
      const fall = (target: number, actual: number): Figure => ({ ...rise(target, actual), direction: 'lower_is_better' });
      expect(gradeFigure(fall(-10, -12))).toMatchObject({ met: true, grade: 'A', achievement: { kind: 'points', value: 2 } });
      expect(gradeFigure(fall(-10, -3))).toMatchObject({ met: false, grade: 'B', achievement: { kind: 'points', value: -7 } });
      expect(gradeFigure(fall(-10, 6)).grade).toBe('D');
    });
  });

  describe('one_off and cumulative', () => {
    it('grades a milestone as met or not, with no achievement figure', () => {
      const milestone = (actual: number): Figure => ({ kind: 'one_off', direction: 'higher_is_better', target: 1, actual });
      expect(gradeFigure(milestone(1))).toEqual({ met: true, achievement: null, grade: 'A', reason: null });
      expect(gradeFigure(milestone(0))).toEqual({ met: false, achievement: null, grade: 'D', reason: null });
      expect(gradeFigure(milestone(0), 'marks').grade).toBe('cross');
    });

    it('grades a running total by its ratio', () => {
      const total: Figure = { kind: 'cumulative', direction: 'higher_is_better', target: 12, actual: 10 };
      expect(gradeFigure(total)).toMatchObject({ grade: 'B', achievement: { kind: 'ratio', value: 10 / 12 } });
    });
  });

  describe('trend (達成／前進／横ばい／後退)', () => {
    it('is achieved when met, whatever the base, even without one', () => {
      expect(gradeFigure(count(100, 120, { base: 200 }), 'trend').grade).toBe('achieved');
      expect(gradeFigure(count(100, 120), 'trend').grade).toBe('achieved');
    });

    it('compares a miss with the base year', () => {
      expect(gradeFigure(count(100, 90, { base: 80 }), 'trend').grade).toBe('advanced');
      expect(gradeFigure(count(100, 90, { base: 90 }), 'trend').grade).toBe('flat');
      expect(gradeFigure(count(100, 90, { base: 95 }), 'trend').grade).toBe('declined');
    });

    it('counts a move within the tolerance as flat', () => {
      expect(gradeFigure(count(100, 90, { base: 91 }), 'trend', { flatTolerance: 1 }).grade).toBe('flat');
      expect(gradeFigure(count(100, 90, { base: 91.5 }), 'trend', { flatTolerance: 1 }).grade).toBe('declined');
    });

    it('cannot judge a miss without a base', () => {
      expect(gradeFigure(count(100, 90), 'trend')).toEqual({
        met: false,
        achievement: { kind: 'ratio', value: 0.9 },
        grade: null,
        reason: 'no_base',
      });
      expect(gradeFigure(count(100, 90, { base: null }), 'trend').reason).toBe('no_base');
    });

    it('takes an explicit base over the previous graded year', () => {
      // ③ FY2020 against a hypothetical base of 20,000 instead of FY2019's 1,267
      expect(gradeIndicatorYear(indicator(3, 1), 2020, 'trend', {}, { base: 20000 }).grade).toBe('declined');
      expect(gradeIndicatorYear(indicator(3, 1), 2020, 'trend', {}, { base: null }).reason).toBe('no_base');
    });
  });
});

describe('isBeforeEvaluationPeriod', () => {
  it('follows the source where it says so, and otherwise the first target year', () => {
    expect(isBeforeEvaluationPeriod(indicator(16, 1), 2020)).toBe(true);
    expect(isBeforeEvaluationPeriod(indicator(16, 1), 2021)).toBe(true);
    expect(isBeforeEvaluationPeriod(indicator(16, 1), 2022)).toBe(false);
    expect(isBeforeEvaluationPeriod(indicator(1, 1), 2019)).toBe(false);
    expect(isBeforeEvaluationPeriod({ kind: 'count', direction: 'higher_is_better', figures: [] }, 2020)).toBe(false);
  });
});

describe('compareFigures', () => {
  it('is direction-aware', () => {
    expect(compareFigures(1267, 11584, 'higher_is_better')).toBe('improved');
    expect(compareFigures(44.4, 37.8, 'higher_is_better')).toBe('worse');
    expect(compareFigures(30, 15, 'lower_is_better')).toBe('improved');
    expect(compareFigures(15, 15, 'lower_is_better')).toBe('same');
  });
});

describe('GRADE_SYMBOL', () => {
  it('gives the symbol of a grade that is its own symbol', () => {
    expect(GRADE_SYMBOL.A).toBe('A');
    expect([GRADE_SYMBOL.double_circle, GRADE_SYMBOL.circle, GRADE_SYMBOL.triangle, GRADE_SYMBOL.cross]).toEqual([
      '◎',
      '○',
      '△',
      '×',
    ]);
  });

  it('documents the default bands', () => {
    expect(DEFAULT_BANDS).toEqual({
      abcd: { A: 1, B: 0.8, C: 0.5 },
      marks: { double_circle: 1, circle: 0.8, triangle: 0.5 },
      changePoints: { second: 0, third: -5 },
      flatTolerance: 0,
    });
  });
});
