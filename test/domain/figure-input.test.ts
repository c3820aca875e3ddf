import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_LENGTH,
  checkFigureValue,
  checkFiscalYear,
  checkNote,
  isProvisional,
  recordableYears,
  type IndicatorRules,
} from '../../src/domain/figure-input.ts';

const count: IndicatorRules = { unit: '回', minValue: 0, maxValue: null };
const minutes: IndicatorRules = { unit: '分', minValue: 0, maxValue: null };
const share: IndicatorRules = { unit: '%', minValue: 0, maxValue: 100 };
const growth: IndicatorRules = { unit: '%', minValue: -100, maxValue: 10000 };
const cases: IndicatorRules = { unit: '件', minValue: 0, maxValue: null };
const people: IndicatorRules = { unit: '人', minValue: 0, maxValue: null };
const places: IndicatorRules = { unit: '拠点', minValue: 0, maxValue: null };
const change: IndicatorRules = { unit: '件', minValue: null, maxValue: null };
const period = { firstFiscalYear: 2019, lastFiscalYear: 2023 };

describe('an entered figure', () => {
  describe('accepts what people type', () => {
    it.each([
      ['1,234', count, 1234],
      ['１２３４', count, 1234],
      ['6,543回', count, 6543],
      ['32.8', share, 32.8],
      ['32.8%', share, 32.8],
      ['３２．８％', share, 32.8],
      ['▲16.68', growth, -16.68],
      ['-16.68', growth, -16.68],
      ['15分', minutes, 15],
      ['  839  ', count, 839],
      ['0', count, 0],
      ['100', share, 100],
    ])('reads %s as a number', (text, rules, value) => {
      expect(checkFigureValue(text, rules)).toEqual({ ok: true, value });
    });

    it.each([
      ['1.2万', cases, 12000],
      ['2億', { ...cases, maxValue: null }, 200000000],
      ['5万', cases, 50000],
      ['3千', cases, 3000],
      ['1億2000万', cases, 120000000],
      ['1万2千', cases, 12000],
      ['1万2000件', cases, 12000],
      ['12,345', cases, 12345],
      ['１．２万', cases, 12000],
      ['１．２万件', cases, 12000],
      ['▲1.5', change, -1.5],
      ['△1.5', change, -1.5],
      ['−1.5', change, -1.5],
      ['▲1.2万', change, -12000],
      ['441名', people, 441],
      ['12か所', places, 12],
      ['15分間', minutes, 15],
      ['32.8パーセント', share, 32.8],
    ])('reads %s with its scale or unit', (text, rules, value) => {
      expect(checkFigureValue(text, rules)).toEqual({ ok: true, value });
    });

    it('lets an increase rate go negative down to −100%', () => {
      expect(checkFigureValue('-100', growth)).toEqual({ ok: true, value: -100 });
    });
  });

  describe('refuses', () => {
    it('an empty field', () => {
      expect(checkFigureValue('   ', count)).toEqual({ ok: false, problem: { code: 'empty' } });
    });

    it.each(['六千', 'abc', '1,23', '12.3.4', '--5', '1e5', '1e3', '0xA', '²', 'Infinity', 'NaN', '-Infinity'])(
      '%s as not a number, quoting it',
      (text) => {
        expect(checkFigureValue(text, count)).toEqual({ ok: false, problem: { code: 'not_a_number', text } });
      },
    );

    it('a wall of text without reading it, quoting only its start', () => {
      expect(checkFigureValue('1'.repeat(200), count)).toEqual({
        ok: false,
        problem: { code: 'not_a_number', text: `${'1'.repeat(20)}…` },
      });
    });

    it.each<[string, IndicatorRules, string, string[]]>([
      ['5k', count, 'k', ['回', 'times', 'time']],
      ['12abc', count, 'abc', ['回', 'times', 'time']],
      ['1e', count, 'e', ['回', 'times', 'time']],
      ['５円', count, '円', ['回', 'times', 'time']],
      ['15 km', minutes, 'km', ['分', '分間', 'min']],
      ['12件', count, '件', ['回', 'times', 'time']],
      ['1.2万円', cases, '円', ['件', 'cases', 'case']],
    ])('%s as a unit the indicator does not count in', (text, rules, unitText, expected) => {
      expect(checkFigureValue(text, rules)).toEqual({
        ok: false,
        problem: { code: 'unknown_unit', text: unitText, expected },
      });
    });

    it.each([
      ['1万万', '1万万'],
      ['3千2万件', '3千2万'],
      ['千', '千'],
      ['1万2', '1万2'],
      ['1.5万3千', '1.5万3千'],
    ])('%s as an ambiguous use of 万, 千 or 億, naming the part', (text, part) => {
      expect(checkFigureValue(text, cases)).toEqual({ ok: false, problem: { code: 'ambiguous_scale', text: part } });
    });

    it('万, 千 or 億 on a percentage', () => {
      expect(checkFigureValue('1.2万%', growth)).toEqual({ ok: false, problem: { code: 'scale_on_percent', text: '1.2万' } });
      expect(checkFigureValue('1万', growth)).toEqual({ ok: false, problem: { code: 'scale_on_percent', text: '1万' } });
    });

    it('a scaled value beyond the limit, naming the limit', () => {
      expect(checkFigureValue('2億', cases)).toEqual({ ok: true, value: 200000000 });
      expect(checkFigureValue('11億', cases)).toEqual({ ok: false, problem: { code: 'too_large', limit: 1e9 } });
    });

    it('a scaled value above the indicator\'s range', () => {
      expect(checkFigureValue('1万', { unit: '件', minValue: 0, maxValue: 5000 })).toEqual({
        ok: false,
        problem: { code: 'above_max', max: 5000, unit: '件' },
      });
    });

    it('an absurd size, naming the limit', () => {
      expect(checkFigureValue('1,000,000,001', count)).toEqual({
        ok: false,
        problem: { code: 'too_large', limit: 1e9 },
      });
      expect(checkFigureValue('99999999999999', count)).toMatchObject({ problem: { code: 'too_large' } });
    });

    it('more than four decimal places', () => {
      expect(checkFigureValue('1.23456', share)).toEqual({ ok: false, problem: { code: 'too_precise' } });
    });

    it('a negative where the indicator cannot be negative', () => {
      expect(checkFigureValue('▲5', count)).toEqual({ ok: false, problem: { code: 'negative_not_allowed' } });
      expect(checkFigureValue('-0.5', share)).toEqual({ ok: false, problem: { code: 'negative_not_allowed' } });
    });

    it('a percentage above 100', () => {
      expect(checkFigureValue('100.1%', share)).toEqual({
        ok: false,
        problem: { code: 'above_max', max: 100, unit: '%' },
      });
    });

    it('an increase rate outside −100…10000', () => {
      expect(checkFigureValue('-101', growth)).toEqual({ ok: false, problem: { code: 'below_min', min: -100, unit: '%' } });
      expect(checkFigureValue('10001', growth)).toEqual({ ok: false, problem: { code: 'above_max', max: 10000, unit: '%' } });
    });

    it('a % sign on a figure counted in another unit', () => {
      for (const text of ['12%', '12％', '12パーセント']) {
        expect(checkFigureValue(text, count)).toEqual({
          ok: false,
          problem: { code: 'percent_sign_on_non_percent', unit: '回' },
        });
      }
    });
  });

  it('judges only the number while the indicator is unknown', () => {
    expect(checkFigureValue('12%', { unit: null, minValue: null, maxValue: null })).toEqual({ ok: true, value: 12 });
    expect(checkFigureValue('abc', { unit: null, minValue: null, maxValue: null })).toMatchObject({ ok: false });
    expect(checkFigureValue('1.2万人', { unit: null, minValue: null, maxValue: null })).toEqual({ ok: true, value: 12000 });
    expect(checkFigureValue('15 km', { unit: null, minValue: null, maxValue: null })).toEqual({
      ok: false,
      problem: { code: 'unknown_unit', text: 'km', expected: [] },
    });
  });

  it('keeps no range when the indicator has none', () => {
    expect(checkFigureValue('-5', { unit: '件', minValue: null, maxValue: null })).toEqual({ ok: true, value: -5 });
  });
});

describe('a note', () => {
  it('is optional: blank reads as none', () => {
    expect(checkNote(null)).toEqual({ ok: true, note: null });
    expect(checkNote('  \n ')).toEqual({ ok: true, note: null });
  });

  it('is kept trimmed', () => {
    expect(checkNote(' 9月末時点 ')).toEqual({ ok: true, note: '9月末時点' });
  });

  it(`is refused beyond ${MAX_NOTE_LENGTH} characters, counted as people count them`, () => {
    expect(checkNote('字'.repeat(MAX_NOTE_LENGTH))).toMatchObject({ ok: true });
    expect(checkNote('😀'.repeat(MAX_NOTE_LENGTH))).toMatchObject({ ok: true });
    expect(checkNote('字'.repeat(MAX_NOTE_LENGTH + 1))).toEqual({
      ok: false,
      problem: { code: 'note_too_long', length: MAX_NOTE_LENGTH + 1, limit: MAX_NOTE_LENGTH },
    });
  });
});

describe('the fiscal year of a figure', () => {
  it('must lie inside the plan period', () => {
    expect(checkFiscalYear(2021, period, '2024-05-01')).toEqual({ ok: true });
    expect(checkFiscalYear(2018, period, '2024-05-01')).toEqual({
      ok: false,
      problem: { code: 'outside_plan_period', first: 2019, last: 2023 },
    });
    expect(checkFiscalYear(2024, period, '2025-05-01')).toMatchObject({ problem: { code: 'outside_plan_period' } });
  });

  it('must have begun', () => {
    expect(checkFiscalYear(2023, period, '2023-03-31')).toEqual({ ok: false, problem: { code: 'not_started' } });
    expect(checkFiscalYear(2023, period, '2023-04-01')).toEqual({ ok: true });
  });

  it('offers the plan years that have begun', () => {
    expect(recordableYears(period, '2021-10-01')).toEqual([2019, 2020, 2021]);
    expect(recordableYears(period, '2030-01-01')).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('makes a figure provisional until 31 March has passed', () => {
    // The library digitisation figure: 839 items at the end of September.
    expect(isProvisional(2021, '2021-09-30')).toBe(true);
    expect(isProvisional(2021, '2022-03-31')).toBe(true);
    expect(isProvisional(2021, '2022-04-01')).toBe(false);
  });
});
