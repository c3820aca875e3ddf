import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../../src/domain/numbers.ts';
import { exportJa } from '../../../src/messages/export-ja.ts';
import { indicatorDecimals, plainNumber, yearsOverPeriod } from '../../../src/render/export/model.ts';
import { renderCsv } from '../../../src/render/export/csv.ts';
import { seedExportModel } from './seed-model.ts';

describe('plainNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-16.68, '-16.68'],
    [154500, '154500'],
    [1e-7, '0.0000001'],
    [123456789012, '123456789012'],
  ])('%d → %s', (value, text) => {
    expect(plainNumber(value)).toBe(text);
    expect(Number(plainNumber(value))).toBe(value === 0 ? 0 : value);
  });

  it('refuses what cannot be a figure', () => {
    expect(() => plainNumber(Number.NaN)).toThrow(RangeError);
    expect(() => plainNumber(Infinity)).toThrow(RangeError);
  });
});

describe('formatFixed', () => {
  it('prints the decimals asked for, ▲ in Japanese, - in English, no ▲0', () => {
    expect(formatFixed(20, 1, 'ja')).toBe('20.0');
    expect(formatFixed(-16.68, 2, 'ja')).toBe('▲16.68');
    expect(formatFixed(-16.68, 2, 'en')).toBe('-16.68');
    expect(formatFixed(36000, 0, 'ja')).toBe('36,000');
    expect(formatFixed(-0.001, 2, 'ja')).toBe('0.00');
    expect(() => formatFixed(1, 5, 'ja')).toThrow(RangeError);
  });
});

describe('the model helpers', () => {
  const model = seedExportModel();
  const ap1 = model.policies[0]!.themes[0]!.actionPlans[0]!;
  const ap2 = model.policies[0]!.themes[0]!.actionPlans[1]!;

  it('shows an indicator with as many decimals as its most precise figure', () => {
    expect(indicatorDecimals(ap1.indicators[0]!)).toBe(1);
    expect(indicatorDecimals(ap2.indicators[0]!)).toBe(2);
  });

  it('fills the plan period with empty years and refuses years outside it or given twice', () => {
    expect(yearsOverPeriod(model, ap2, ap2.indicators[0]!).map((y) => [y.fiscalYear, y.target])).toEqual([
      [2019, null],
      [2020, 0.9],
      [2021, 1.1],
      [2022, 1.3],
      [2023, 1.5],
    ]);
    const outside = structuredClone(model);
    outside.policies[0]!.themes[0]!.actionPlans[0]!.indicators[0]!.years[0]!.fiscalYear = 2030;
    expect(() => renderCsv(outside, exportJa)).toThrow(/2030 is outside the plan/);
    const twice = structuredClone(model);
    const years = twice.policies[0]!.themes[0]!.actionPlans[0]!.indicators[0]!.years;
    years.push({ ...years[0]! });
    expect(() => renderCsv(twice, exportJa)).toThrow(/appears twice/);
  });
});
