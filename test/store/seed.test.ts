import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlan, loadActionPlans, type ActionPlanRecord } from '../../src/store/action-plans.ts';
import { tempDatabase } from '../support/temp-db.ts';

// Written by hand from the 【参考資料】 table and the progress pages, not from the seed file:
// [action plan, indicator position, unit, targets by FY, actuals by FY]
const EXPECTED: [number, number, string, Record<number, number>, Record<number, number>][] = [
  [1, 1, '%', { 2019: 10, 2020: 20, 2021: 30, 2022: 40, 2023: 50 }, { 2019: 30.4, 2020: 32.8 }],
  [2, 1, '%', { 2020: 0.9, 2021: 1.1, 2022: 1.3, 2023: 1.5 }, { 2020: 4.04 }],
  [3, 1, '件', { 2019: 15000, 2020: 36000, 2021: 42000, 2022: 56000, 2023: 64000 }, { 2019: 1267, 2020: 11584 }],
  [4, 1, '%', { 2020: 10, 2021: 15, 2022: 20, 2023: 25 }, { 2020: -16.68 }],
  [6, 2, '人', { 2021: 16100, 2022: 16750, 2023: 17400 }, {}],
  [7, 1, '時間', { 2021: 7000, 2022: 14000, 2023: 14000 }, {}],
  [8, 2, '%', { 2019: 60, 2020: 65, 2021: 70, 2022: 75, 2023: 80 }, { 2019: 40.7, 2020: 35.4 }],
  [11, 1, '分', { 2019: 90, 2020: 30, 2021: 15, 2022: 15, 2023: 15 }, { 2019: 15, 2020: 15 }],
  [13, 1, '回', { 2019: 1000, 2020: 3000, 2021: 7000, 2022: 10000, 2023: 12000 }, { 2019: 5270, 2020: 4991 }],
  [15, 1, '拠点', { 2023: 562 }, {}],
  [16, 1, '人', { 2022: 100, 2023: 200 }, { 2020: 2124 }],
  [18, 1, '%', { 2021: 80, 2022: 90, 2023: 100 }, { 2020: 100 }],
  [19, 1, '時間', { 2020: 100, 2021: 100, 2022: 100, 2023: 100 }, { 2020: 233 }],
  [20, 1, '人', { 2019: 200, 2020: 200, 2021: 200, 2022: 200, 2023: 200 }, { 2019: 115, 2020: 441 }],
];

describe('the seeded 4th plan', () => {
  let ctx: Awaited<ReturnType<typeof tempDatabase>>;
  let plans: ActionPlanRecord[];

  beforeAll(async () => {
    ctx = await tempDatabase();
    const plan = await findPlan(ctx.db);
    plans = await loadActionPlans(ctx.db, plan!.id);
  });
  afterAll(() => ctx.cleanup());

  it('has 20 action plans and 23 indicators, ⑥ ⑧ ⑪ with two each', () => {
    expect(plans.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(plans.flatMap((p) => p.indicators)).toHaveLength(23);
    expect(plans.filter((p) => p.indicators.length === 2).map((p) => p.number)).toEqual([6, 8, 11]);
  });

  it('spans FY2019–FY2023 for every indicator', () => {
    for (const indicator of plans.flatMap((p) => p.indicators)) {
      expect(indicator.figures.map((f) => f.fiscalYear)).toEqual([2019, 2020, 2021, 2022, 2023]);
    }
  });

  it.each(EXPECTED)('action plan %i indicator %i holds the table figures', (number, position, unit, targets, actuals) => {
    const indicator = plans.find((p) => p.number === number)!.indicators[position - 1]!;
    expect(indicator.unit).toBe(unit);
    for (const figure of indicator.figures) {
      expect(figure.target, `FY${figure.fiscalYear} target`).toBe(targets[figure.fiscalYear] ?? null);
      expect(figure.actual?.value ?? null, `FY${figure.fiscalYear} actual`).toBe(actuals[figure.fiscalYear] ?? null);
    }
  });

  it('places policies and themes as the plan does', () => {
    const themeOf = (n: number) => plans.find((p) => p.number === n)!;
    expect(themeOf(1).theme.name).toBe('手続');
    expect(themeOf(6).theme.name).toBe('情報発信');
    expect(themeOf(9).theme.name).toBe('福祉・健康');
    expect(themeOf(12).theme.name).toBe('子育て・学び');
    expect(themeOf(13).policy).toMatchObject({ number: 2, name: '市民を守るICT' });
    expect(themeOf(20)).toMatchObject({ theme: { name: '内部事務最適化' }, policy: { number: 3 } });
  });

  it('marks ⑪ 最大待ち時間 as lower-is-better with 以内', () => {
    const waiting = plans.find((p) => p.number === 11)!.indicators[0]!;
    expect(waiting).toMatchObject({ name: '最大待ち時間', direction: 'lower_is_better', comparator: '以内' });
  });

  it('keeps discrepancies as notes instead of dropping figures', () => {
    const tablets = plans.find((p) => p.number === 18)!.indicators[0]!;
    expect(tablets.note).toContain('不一致');
    expect(tablets.figures.find((f) => f.fiscalYear === 2020)!.actual!.note).toContain('100%');
    const meetings = plans.find((p) => p.number === 16)!.indicators[0]!;
    expect(meetings.note).toContain('（回）');
  });

  it('stores each plan’s FY2020 progress narrative', () => {
    for (const plan of plans) expect(plan.narrative?.length, `⑳${plan.number}`).toBeGreaterThan(20);
    expect(plans.find((p) => p.number === 13)!.narrative).toContain('公衆無線LAN');
  });

  it('dates every seeded actual by the source document, not by when the database was made', () => {
    // tempDatabase seeds "now" as 2026-11-27; the document speaks for 2021-10-01 (Tokyo).
    const actuals = plans.flatMap((p) => p.indicators.flatMap((i) => i.figures.flatMap((f) => (f.actual ? [f.actual] : []))));
    expect(actuals.length).toBeGreaterThan(20);
    expect(new Set(actuals.map((a) => a.recordedAt))).toEqual(new Set(['2021-09-30T15:00:00.000Z']));
    expect(new Set(actuals.map((a) => a.source))).toEqual(new Set(['seed']));
  });
});
