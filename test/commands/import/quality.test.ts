import { describe, expect, it } from 'vitest';
import { checkPlanQuality } from '../../../commands/import/quality.ts';
import { loadSeedFile } from '../../../src/store/seed-file.ts';
import { secondPlan } from '../../support/plan-files.ts';

describe('data-quality warnings of a plan file', () => {
  it('finds nothing to say about the made-up 5th plan', () => {
    expect(checkPlanQuality(secondPlan())).toEqual([]);
  });

  it('finds the one real slip of the 4th plan: ⑦ and ⑲ both name an indicator 業務削減時間', () => {
    expect(checkPlanQuality(loadSeedFile())).toEqual([
      { code: 'duplicate_indicator', indicator: '業務削減時間', actionPlans: [7, 19] },
    ]);
  });

  it('warns of a unit that differs between the table and the text', () => {
    const plan = secondPlan();
    plan.actionPlans[0]!.narrative += '（オンライン手続率（件）は別途集計）';
    expect(checkPlanQuality(plan)).toEqual([
      { code: 'unit_mismatch', actionPlan: 1, indicator: 'オンライン手続率', unit: '%', textUnit: '件' },
    ]);
    // The same unit in another width is the same unit.
    const same = secondPlan();
    same.actionPlans[0]!.narrative += 'オンライン手続率（％）';
    expect(checkPlanQuality(same)).toEqual([]);
  });

  it('warns of a year with a target on one page and not the other', () => {
    const gap = secondPlan();
    delete gap.actionPlans[0]!.indicators[0]!.targets['2026'];
    expect(checkPlanQuality(gap)).toEqual([{ code: 'target_gap', actionPlan: 1, indicator: 'オンライン手続率', fiscalYear: 2026 }]);

    const text = secondPlan();
    text.actionPlans[2]!.narrative = '令和6〜7年度の目標は達成見込み。令和9年度の目標は見直す。';
    delete text.actionPlans[2]!.indicators[0]!.targets['2027'];
    delete text.actionPlans[2]!.indicators[0]!.targets['2028'];
    expect(checkPlanQuality(text)).toEqual([{ code: 'target_only_in_text', actionPlan: 3, fiscalYear: 2027 }]);
  });

  it('warns of a negative written without ▲, in the Japanese text only, and of values outside the range', () => {
    const plan = secondPlan();
    plan.actionPlans[1]!.narrative = '満足度は前年度から-2.5ポイント（2025-03 調査、Wi-Fi 環境）。';
    plan.actionPlans[1]!.indicators[1]!.notesEn = ['A change of -2.5 points.'];
    plan.actionPlans[2]!.indicators[0]!.actuals['2024'] = { value: -126 };
    expect(checkPlanQuality(plan)).toEqual([
      { code: 'negative_without_triangle', actionPlan: 2, excerpt: 'は前年度から-2.5ポイント' },
      { code: 'outside_range', actionPlan: 3, indicator: '公開データセット数', fiscalYear: 2024, value: -126 },
    ]);
  });

  it('warns of two indicators with one name, even in other widths', () => {
    const plan = secondPlan();
    plan.actionPlans[3]!.indicators[0]!.name = 'オンライン手続率 ';
    expect(checkPlanQuality(plan)).toEqual([{ code: 'duplicate_indicator', indicator: 'オンライン手続率', actionPlans: [1, 4] }]);
  });
});
