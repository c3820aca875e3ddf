import { describe, expect, it } from 'vitest';
import { checkFigureValue } from '../../src/domain/figure-input.ts';
import { en } from '../../src/messages/en.ts';
import { ja } from '../../src/messages/ja.ts';
import { fieldErrorText } from '../../src/render/record-figure.ts';

/** What a person reads under the value field: the part that was not understood, quoted back. */
function said(text: string, unit: string | null, locale: 'ja' | 'en'): string {
  const check = checkFigureValue(text, { unit, minValue: 0, maxValue: unit === '%' ? 100 : null });
  if (check.ok) throw new Error(`expected a refusal of ${text}`);
  return fieldErrorText(check.problem, locale === 'ja' ? ja : en);
}

describe('the wording of a refused figure', () => {
  it('quotes what is not a number', () => {
    expect(said('12abc34', '回', 'ja')).toBe('「12abc34」は数値として読めません。例：6,543 ／ 32.8 ／ ▲16.68 ／ 1.2万');
    expect(said('12abc34', '回', 'en')).toBe('"12abc34" is not a number. For example: 6,543 / 32.8 / -16.68 / 1.2万');
  });

  it('quotes the unit it did not understand and lists the ones it would', () => {
    expect(said('15 km', '分', 'ja')).toBe('「km」はこの指標の単位として読めません。単位は付けないか、分 ／ 分間 ／ min のどれかにしてください。');
    expect(said('15 km', '分', 'en')).toBe('"km" is not a unit of this indicator. Leave the unit out, or write one of: 分, 分間, min.');
    expect(said('15 km', null, 'ja')).toBe('「km」は単位として読めません。数値だけを入力してください。');
    expect(said('15 km', null, 'en')).toBe('"km" is not a unit. Type the number only.');
  });

  it('quotes an ambiguous use of 万, 千 or 億', () => {
    expect(said('3千2万', '件', 'ja')).toMatch(/^「3千2万」は読み方が一つに決まりません。/);
    expect(said('3千2万', '件', 'en')).toMatch(/^"3千2万" can be read more than one way\./);
  });

  it('says a percentage takes no scale word', () => {
    expect(said('1.2万%', '%', 'ja')).toBe('「1.2万」：割合（%）に万・千・億は使えません。32.8 のように数字だけで入力してください。');
    expect(said('1.2万%', '%', 'en')).toBe('"1.2万": a percentage cannot take 万, 千 or 億. Type the digits only, e.g. 32.8.');
  });

  it('keeps the plain sentence when there is nothing to quote', () => {
    expect(fieldErrorText({ code: 'not_a_number', text: '' }, ja)).toBe('数値として読めません。例：6,543 ／ 32.8 ／ ▲16.68 ／ 1.2万');
    expect(fieldErrorText({ code: 'not_a_number', text: '' }, en)).toBe('That is not a number. For example: 6,543 / 32.8 / -16.68 / 1.2万');
  });
});
