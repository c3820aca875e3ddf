import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlan, loadActionPlanOutlines, loadActionPlans } from '../../src/store/action-plans.ts';
import { recordActual } from '../../src/store/figures.ts';
import type { Plan } from '../../src/store/schema.ts';
import { tempDatabase, thirteen } from '../support/temp-db.ts';

/**
 * The lists read figures in outline, as one JSON column per indicator (#14); these check
 * what that could lose against the full load: the exact double, the years' order, nulls,
 * 評価期間前, and the filters.
 */
describe('action plans in outline', () => {
  let t: Awaited<ReturnType<typeof tempDatabase>>;
  let plan: Plan;
  let indicatorId: number;

  beforeAll(async () => {
    t = await tempDatabase();
    plan = (await findPlan(t.db))!;
    ({ indicatorId } = await thirteen(t.db));
  });
  afterAll(() => t.cleanup());

  const record = (fiscalYear: number, value: number, provisional = false) =>
    recordActual(t.db, {
      indicatorId,
      fiscalYear,
      value,
      provisional,
      recordedBy: 'U0ADMIN',
      source: 'slack',
      note: 'say "hi" \\ 改行\nあり',
      now: new Date('2024-07-01T00:00:00Z'),
    });

  it('reads back every double exactly', async () => {
    for (const value of [0.1 + 0.2, 12.345678901234567, -16.68, 1e-7, 9007199254740991, 1 / 3]) {
      await record(2021, value);
      const [thirteenNow] = await loadActionPlanOutlines(t.db, plan.id, { numbers: [13] });
      const fy2021 = thirteenNow!.indicators[0]!.figures.find((f) => f.fiscalYear === 2021)!;
      expect(fy2021.actual).toEqual({ value, provisional: false });
    }
  });

  it('gives the same figures as the full load, oldest year first, for every action plan', async () => {
    await record(2022, 8000, true);
    const full = await loadActionPlans(t.db, plan.id);
    const outlines = await loadActionPlanOutlines(t.db, plan.id);
    expect(outlines).toHaveLength(20);
    expect(outlines).toEqual(
      full.map((ap) => ({
        ...ap,
        // An outline's indicator is what a list searches and grades: no unit, comparator or range.
        indicators: ap.indicators.map(({ unit, unitEn, comparator, minValue, maxValue, ...i }) => ({
          ...i,
          figures: i.figures.map((f) => ({
            fiscalYear: f.fiscalYear,
            target: f.target,
            beforeEvaluation: f.beforeEvaluation,
            actual: f.actual === null ? null : { value: f.actual.value, provisional: f.actual.provisional },
          })),
        })),
      })),
    );
    const figures = outlines.find((ap) => ap.number === 13)!.indicators[0]!.figures;
    expect(figures.map((f) => f.fiscalYear)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(figures[3]!.actual).toEqual({ value: 8000, provisional: true });
    expect(figures[4]!.actual).toBeNull();
    // ⑯ and ⑱ mark FY2020 評価期間前 in the source.
    expect(outlines.some((ap) => ap.indicators.some((i) => i.figures.some((f) => f.beforeEvaluation)))).toBe(true);
  });

  it('reads the same outlines as one row per figure, the portable path other engines take', async () => {
    for (const filter of [{}, { policyNumber: 2 }, { numbers: [13, 16] }]) {
      expect(await loadActionPlanOutlines(t.db, plan.id, filter, 'rows')).toEqual(
        await loadActionPlanOutlines(t.db, plan.id, filter, 'json'),
      );
    }
  });

  it('filters by number, policy and theme the same way', async () => {
    const byPolicy = await loadActionPlanOutlines(t.db, plan.id, { policyNumber: 2 });
    expect(byPolicy.every((ap) => ap.policy.number === 2)).toBe(true);
    expect(byPolicy.map((ap) => ap.number)).toContain(13);
    expect(await loadActionPlanOutlines(t.db, plan.id, { numbers: [] })).toEqual([]);
  });
});
