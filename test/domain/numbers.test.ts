import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercentRatio, parseFigure } from '../../src/domain/numbers.ts';

describe('parseFigure', () => {
  it.each<[string, number]>([
    ['1234', 1234],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['1,234,567', 1234567],
    ['32.8', 32.8],
    ['32.80', 32.8],
    ['３２．８', 32.8],
    ['0.9', 0.9],
    ['115.4812', 115.4812],
    ['0', 0],
    ['15分', 15],
    ['6,543回', 6543],
    ['441人', 441],
    ['233時間', 233],
    ['562拠点', 562],
    ['839点', 839],
    ['11,584件', 11584],
    ['12 km', 12],
    ['-16.68', -16.68],
    ['−16.68', -16.68],
    ['－16.68', -16.68],
    ['▲16.68', -16.68],
    ['△16.68', -16.68],
    ['▲ 1,234件', -1234],
    ['  42  ', 42],
    ['999999999999.9999', 999999999999.9999],
  ])('reads %j as %d', (input, value) => {
    expect(parseFigure(input)).toEqual({ ok: true, value, hadPercentSign: false });
  });

  it.each<[string, number]>([
    ['45%', 45],
    ['45％', 45],
    ['１２．５％', 12.5],
    ['▲3.2%', -3.2],
    ['45 %', 45],
  ])('reads %j as %d and notes the percent sign', (input, value) => {
    expect(parseFigure(input)).toEqual({ ok: true, value, hadPercentSign: true });
  });

  it('never produces negative zero', () => {
    const parsed = parseFigure('▲0');
    expect(parsed.ok && Object.is(parsed.value, 0)).toBe(true);
  });

  it.each(['', '   ', '\u3000'])('calls %j empty', (input) => {
    expect(parseFigure(input)).toEqual({ ok: false, reason: 'empty' });
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
    '12abc34',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e5',
    '1E5',
    '.5',
    '5.',
    '%',
    '分',
    '45%%',
    '0x10',
  ])('rejects %j as not a number', (input) => {
    expect(parseFigure(input)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it.each(['1000000000000', '1,000,000,000,000', '-1000000000000', '▲1000000000000.5', '9'.repeat(400)])(
    'rejects %j as too large',
    (input) => {
      expect(parseFigure(input)).toEqual({ ok: false, reason: 'too_large' });
    },
  );

  it.each(['1.23456', '0.00001', '32.80000'])('rejects %j as too precise', (input) => {
    expect(parseFigure(input)).toEqual({ ok: false, reason: 'too_precise' });
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
