import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatFixed, formatNumber, formatPercentRatio, parseFigure } from '../../src/domain/numbers.ts';
import { namesUnit, UNIT_SYNONYMS, unitSpellings, unitsNamedBy } from '../../src/domain/units.ts';
import { en } from '../../src/messages/en.ts';
import { DEFAULT_SEED_FILE } from '../../src/store/seed-file.ts';

const seed = JSON.parse(readFileSync(DEFAULT_SEED_FILE, 'utf8')) as { actionPlans: { indicators: { unit: string }[] }[] };

describe('parseFigure', () => {
  // The indicator is not known yet: any unit of the table may follow the number.
  it.each<[string, number, string | null]>([
    ['1234', 1234, null],
    ['1,234', 1234, null],
    ['１，２３４', 1234, null],
    ['1,234,567', 1234567, null],
    ['32.8', 32.8, null],
    ['32.80', 32.8, null],
    ['３２．８', 32.8, null],
    ['0.9', 0.9, null],
    ['115.4812', 115.4812, null],
    ['0', 0, null],
    ['15分', 15, '分'],
    ['6,543回', 6543, '回'],
    ['441人', 441, '人'],
    ['233時間', 233, '時間'],
    ['562拠点', 562, '拠点'],
    ['839点', 839, '点'],
    ['11,584件', 11584, '件'],
    ['-16.68', -16.68, null],
    ['−16.68', -16.68, null],
    ['－16.68', -16.68, null],
    ['▲16.68', -16.68, null],
    ['△16.68', -16.68, null],
    ['▲ 1,234件', -1234, '件'],
    ['  42  ', 42, null],
    ['999999999999.9999', 999999999999.9999, null],
  ])('reads %j as %d', (input, value, unit) => {
    expect(parseFigure(input, null)).toEqual({ ok: true, value, unit });
  });

  it.each<[string, number]>([
    ['45%', 45],
    ['45％', 45],
    ['１２．５％', 12.5],
    ['▲3.2%', -3.2],
    ['45 %', 45],
    ['45パーセント', 45],
  ])('reads %j as %d and notes the percent sign', (input, value) => {
    expect(parseFigure(input, null)).toEqual({ ok: true, value, unit: '%' });
    expect(parseFigure(input, '%')).toEqual({ ok: true, value, unit: '%' });
  });

  it('never produces negative zero', () => {
    const parsed = parseFigure('▲0', null);
    expect(parsed.ok && Object.is(parsed.value, 0)).toBe(true);
  });

  it.each(['', '   ', '\u3000'])('calls %j empty', (input) => {
    expect(parseFigure(input, '件')).toEqual({ ok: false, reason: { code: 'empty' } });
  });

  describe('the scale words 千, 万, 億', () => {
    it.each<[string, number]>([
      ['1.2万', 12000],
      ['2億', 200000000],
      ['5万', 50000],
      ['3千', 3000],
      ['1億2000万', 120000000],
      ['1億2,000万', 120000000],
      ['1万2千', 12000],
      ['1万2000', 12000],
      ['1万0500', 10500],
      ['1万2千500', 12500],
      ['1億2千万', 120000000],
      ['1千万', 10000000],
      ['1,200万', 12000000],
      ['１．２万', 12000],
      ['１億２０００万', 120000000],
      ['1.1万', 11000],
      ['1.23456万', 12345.6],
      ['0.5万', 5000],
      ['1 万', 10000],
      ['1億 2000万', 120000000],
      ['▲1.5万', -15000],
      ['-3千', -3000],
      ['9999億9999万', 999999990000],
    ])('reads %j as %d', (input, value) => {
      expect(parseFigure(input, '件')).toEqual({ ok: true, value, unit: null });
    });

    it('takes the unit after them', () => {
      expect(parseFigure('1.2万件', '件')).toEqual({ ok: true, value: 12000, unit: '件' });
      expect(parseFigure('1万2千 人', '人')).toEqual({ ok: true, value: 12000, unit: '人' });
      expect(parseFigure('１．２万名', '人')).toEqual({ ok: true, value: 12000, unit: '人' });
    });

    it.each<[string, string]>([
      ['1万万', '1万万'],
      ['千', '千'],
      ['万', '万'],
      ['▲億', '億'],
      ['3千2万', '3千2万'],
      ['1千1億', '1千1億'],
      ['1億1億', '1億1億'],
      ['1万12千', '1万12千'],
      ['1億12000万', '1億12000万'],
      ['1万2', '1万2'],
      ['1万500', '1万500'],
      ['1千5', '1千5'],
      ['1.5万3千', '1.5万3千'],
      ['1万2.5千', '1万2.5千'],
      ['1万2千5百', '1万2千5'],
      ['１万万回', '１万万'],
    ])('refuses %j as ambiguous', (input, text) => {
      expect(parseFigure(input, '回')).toEqual({ ok: false, reason: { code: 'ambiguous_scale', text } });
    });

    it('are not used on a percentage, typed with % or not', () => {
      expect(parseFigure('1.2万%', '%')).toEqual({ ok: false, reason: { code: 'scale_on_percent', text: '1.2万' } });
      expect(parseFigure('1万', '%')).toEqual({ ok: false, reason: { code: 'scale_on_percent', text: '1万' } });
      expect(parseFigure('3千％', null)).toEqual({ ok: false, reason: { code: 'scale_on_percent', text: '3千' } });
    });

    it('never give an inexact sum', () => {
      for (const [input, value] of [['1.1万', 11000], ['2.3億', 230000000], ['0.0001万', 1]] as const) {
        expect(parseFigure(input, null)).toEqual({ ok: true, value, unit: null });
      }
    });
  });

  describe('the unit after the number', () => {
    it.each<[string, string, number]>([
      ['6,543回', '回', 6543],
      ['6,543 times', '回', 6543],
      ['441名', '人', 441],
      ['441 people', '人', 441],
      ['15分間', '分', 15],
      ['15 min', '分', 15],
      ['15 MIN', '分', 15],
      ['10か所', '拠点', 10],
      ['10箇所', '拠点', 10],
      ['10ヶ所', '拠点', 10],
      ['10ｹ所', '拠点', 10],
      ['10　拠点', '拠点', 10],
      ['32.8％', '%', 32.8],
      ['32.8パーセント', '%', 32.8],
      ['300冊', '冊', 300],
      ['12団体', '団体', 12],
      ['3ページ', 'ページ', 3],
    ])('accepts %j on an indicator counted in %s', (input, unit, value) => {
      expect(parseFigure(input, unit)).toEqual({ ok: true, value, unit });
    });

    it.each<[string, string, string, string[]]>([
      ['5k', '回', 'k', ['回', 'times', 'time']],
      ['12abc', '回', 'abc', ['回', 'times', 'time']],
      ['1e', '回', 'e', ['回', 'times', 'time']],
      ['５円', '回', '円', ['回', 'times', 'time']],
      ['15 km', '分', 'km', ['分', '分間', 'min']],
      ['１５ ｋｍ', '分', 'ｋｍ', ['分', '分間', 'min']],
      ['12件', '回', '件', ['回', 'times', 'time']],
      ['12人', '件', '人', ['件', 'cases', 'case']],
      ['100以上', '件', '以上', ['件', 'cases', 'case']],
      ['15分以内', '分', '分以内', ['分', '分間', 'min']],
      ['45%%', '%', '%%', ['%', 'パーセント', 'percent']],
      ['45ポイント', '%', 'ポイント', ['%', 'パーセント', 'percent']],
      ['1.2万円', '件', '円', ['件', 'cases', 'case']],
    ])('refuses %j on an indicator counted in %s, naming the unit', (input, unit, text, expected) => {
      expect(parseFigure(input, unit)).toEqual({ ok: false, reason: { code: 'unknown_unit', text, expected } });
    });

    it('refuses a word that is no unit at all while the indicator is unknown', () => {
      expect(parseFigure('12 km', null)).toEqual({ ok: false, reason: { code: 'unknown_unit', text: 'km', expected: [] } });
    });

    it('names a percent sign on an indicator counted in something else', () => {
      for (const input of ['12%', '12％', '12 パーセント']) {
        expect(parseFigure(input, '回')).toEqual({ ok: false, reason: { code: 'percent_sign_on_non_percent', unit: '回' } });
      }
    });
  });

  it.each([
    'abc',
    '1.2.3',
    '1,23',
    '1,2345',
    '12,34,567',
    '0,123',
    '--5',
    '▲-5',
    '▲',
    '12abc34',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e5',
    '1E5',
    '1e3',
    '.5',
    '5.',
    '+7',
    '%',
    '分',
    '0x10',
    '0xA',
    '0b101',
    '²',
    '5²',
    '①',
    '1½',
    '4٢',
    '六千',
    '1 000',
  ])('rejects %j as not a number, quoting it', (input) => {
    expect(parseFigure(input, '回')).toEqual({ ok: false, reason: { code: 'not_a_number', text: input } });
  });

  it('quotes what was typed, not its ASCII form', () => {
    expect(parseFigure(' １．２．３ ', null)).toEqual({ ok: false, reason: { code: 'not_a_number', text: '１．２．３' } });
  });

  it.each(['1000000000000', '1,000,000,000,000', '-1000000000000', '▲1000000000000.5', '9'.repeat(400), '1万億', '10000億'])(
    'rejects %j as too large',
    (input) => {
      const parsed = parseFigure(input, null);
      // "1万億" is out of order before it is large.
      if (input === '1万億') expect(parsed).toMatchObject({ ok: false, reason: { code: 'ambiguous_scale' } });
      else expect(parsed).toEqual({ ok: false, reason: { code: 'too_large', limit: 1e12 } });
    },
  );

  it.each(['1.23456', '0.00001', '32.80000', '1.000000001万', '1万2000.12345'])('rejects %j as too precise', (input) => {
    expect(parseFigure(input, null)).toEqual({ ok: false, reason: { code: 'too_precise' } });
  });
});

describe('the unit table', () => {
  it('has a row for every unit of the seeded plan', () => {
    const seedUnits = new Set(seed.actionPlans.flatMap((ap) => ap.indicators.map((i) => i.unit)));
    expect([...seedUnits].filter((unit) => !(unit in UNIT_SYNONYMS))).toEqual([]);
  });

  it('holds spellings as they read after normalisation', () => {
    for (const [unit, synonyms] of Object.entries(UNIT_SYNONYMS)) {
      for (const spelling of [unit, ...synonyms]) {
        expect(spelling.normalize('NFKC').toLowerCase()).toBe(spelling);
        expect(unitsNamedBy(spelling)).toContain(unit);
      }
    }
  });

  it('never lets % stand for another unit', () => {
    for (const spelling of unitSpellings('%')) expect(unitsNamedBy(spelling)).toEqual(['%']);
  });

  it('understands back the unit name the English messages show', () => {
    for (const unit of Object.keys(UNIT_SYNONYMS)) expect(namesUnit(en.unitName(unit), unit)).toBe(true);
  });
});

describe('formatNumber', () => {
  it.each<[number, string]>([
    [32.8, '32.8'],
    [0.9, '0.9'],
    [115.48, '115.48'],
    [5270, '5,270'],
    [1234567.1234, '1,234,567.1234'],
    [0, '0'],
    [1.00004, '1'],
    [1.23456, '1.2346'],
  ])('shows %d as %j in either locale', (value, expected) => {
    expect(formatNumber(value, 'ja')).toBe(expected);
    expect(formatNumber(value, 'en')).toBe(expected);
  });

  it('marks negatives with ▲ in Japanese', () => {
    expect(formatNumber(-16.68, 'ja')).toBe('▲16.68');
    expect(formatNumber(-1234, 'ja')).toBe('▲1,234');
  });

  it('marks negatives with a hyphen-minus in English', () => {
    expect(formatNumber(-16.68, 'en')).toBe('-16.68');
  });

  it.each([-0, -0.00001])('never shows a negative zero for %d', (value) => {
    expect(formatNumber(value, 'ja')).toBe('0');
    expect(formatNumber(value, 'en')).toBe('0');
  });

  it('refuses non-finite values', () => {
    expect(() => formatNumber(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 'ja')).toThrow(RangeError);
  });
});

describe('formatPercentRatio', () => {
  it.each<[number, string]>([
    [1.6403, '164%'],
    [1, '100%'],
    [0.285, '29%'],
    [0.004, '0%'],
    [12.345, '1,235%'],
  ])('shows the ratio %d as %j', (ratio, expected) => {
    expect(formatPercentRatio(ratio, 'ja')).toBe(expected);
    expect(formatPercentRatio(ratio, 'en')).toBe(expected);
  });

  it('marks a negative ratio in each locale', () => {
    expect(formatPercentRatio(-1.668, 'ja')).toBe('▲167%');
    expect(formatPercentRatio(-1.668, 'en')).toBe('-167%');
  });

  it('rounds a tiny negative ratio to a plain 0%', () => {
    expect(formatPercentRatio(-0.004, 'ja')).toBe('0%');
  });
});

describe('number formatting without Intl', () => {
  // The formatters once were these Intl.NumberFormats; they are written out by hand so the CLI
  // need not load ICU's locale data (#14). Every digit must stay as Intl wrote it.
  const intl = {
    number: new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }),
    percent: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }),
    fixed: [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })),
  };
  const signed = (value: number, digits: string) =>
    value >= 0 || !/[1-9]/.test(digits) ? digits : `▲${digits}`;

  // Halves at every place (where binary and decimal rounding part), carries, and values from 1e-9 to 1e15.
  const values = [0, 0.5, 1.5, 2.5, 0.05, 0.005, 0.0005, 0.00005, 0.00015, 1.005, 1.0005, 2.675, 0.285, 0.995, 9.99995, 99999.99995, 999.5, 0.0049999];
  let seed = 14;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 3000; i++) {
    const scale = 10 ** Math.floor(next() * 24 - 9);
    const raw = next() * scale;
    // Also the same value cut to a few decimals, as recorded figures are.
    values.push(raw, Number(raw.toFixed(i % 6)), -raw);
  }

  it('writes every value as Intl.NumberFormat en-US did', () => {
    for (const value of values) {
      const magnitude = Math.abs(value);
      expect(formatNumber(value, 'ja'), String(value)).toBe(signed(value, intl.number.format(magnitude)));
      expect(formatPercentRatio(value, 'ja'), String(value)).toBe(signed(value, intl.percent.format(magnitude)));
      for (const d of [0, 1, 2, 3, 4]) {
        expect(formatFixed(value, d, 'ja'), `${value} to ${d}`).toBe(signed(value, intl.fixed[d]!.format(magnitude)));
      }
    }
  });

  it('refuses decimals outside 0–4', () => {
    expect(() => formatFixed(1, 5, 'ja')).toThrow(RangeError);
    expect(() => formatFixed(1, 1.5, 'ja')).toThrow(RangeError);
  });
});
