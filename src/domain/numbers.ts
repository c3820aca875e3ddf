export type FigureParse =
  | { ok: true; value: number; hadPercentSign: boolean }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'too_large' | 'too_precise' };

export type NumberLocale = 'ja' | 'en';

const MAX_ABSOLUTE_VALUE = 1e12;
const MAX_DECIMAL_PLACES = 4;

// U+2212 survives NFKC; ▲/△ are the accounting minus used in Japanese municipal tables.
const MINUS_SIGNS = '-−▲△';
const FIGURE_PATTERN = new RegExp(
  '^(?<sign>[' + MINUS_SIGNS + '])?\\s*' +
    // Separators must sit every three digits, so "1,23" is a typo rather than 123.
    '(?<int>[1-9]\\d{0,2}(?:,\\d{3})+|\\d+)' +
    '(?:\\.(?<frac>\\d+))?' +
    // A unit word (分, 回, 件, km) is noise we drop; the indicator already knows its unit.
    '\\s*(?:(?<percent>%)|[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー\\p{Script=Latin}]+)?$',
  'u',
);

export function parseFigure(input: string): FigureParse {
  // NFKC turns full-width digits, "，", "．" and "％" into their ASCII forms.
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const groups = FIGURE_PATTERN.exec(text)?.groups;
  if (!groups) return { ok: false, reason: 'not_a_number' };

  const frac = groups['frac'] ?? '';
  if (frac.length > MAX_DECIMAL_PLACES) return { ok: false, reason: 'too_precise' };
  const magnitude = Number(`${(groups['int'] ?? '').replaceAll(',', '')}.${frac || '0'}`);
  if (!Number.isFinite(magnitude) || magnitude >= MAX_ABSOLUTE_VALUE) {
    return { ok: false, reason: 'too_large' };
  }
  // Negating zero would store -0, which later renders as "▲0".
  const value = groups['sign'] && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value, hadPercentSign: groups['percent'] !== undefined };
}

// Intl rounds half away from zero on the shortest decimal form, so 0.285 → 29% as people expect.
// en-US grouping is the comma Japanese documents use too.
const DECIMAL_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: MAX_DECIMAL_PLACES });
const PERCENT_FORMAT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

export function formatNumber(value: number, locale: NumberLocale): string {
  return formatSigned(value, locale, DECIMAL_FORMAT);
}

/** 1 = 100%, rounded to a whole percent. */
export function formatPercentRatio(ratio: number, locale: NumberLocale): string {
  return formatSigned(ratio, locale, PERCENT_FORMAT);
}

const FIXED_FORMATS = Array.from(
  { length: MAX_DECIMAL_PLACES + 1 },
  (_, decimals) => new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
);

/** Exactly `decimals` decimals (0–4), as the plan document prints a column: "20.0", "▲16.68". */
export function formatFixed(value: number, decimals: number, locale: NumberLocale): string {
  const formatter = FIXED_FORMATS[decimals];
  if (!formatter) throw new RangeError(`decimals must be 0–${MAX_DECIMAL_PLACES}: ${decimals}`);
  return formatSigned(value, locale, formatter);
}

function formatSigned(value: number, locale: NumberLocale, formatter: Intl.NumberFormat): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const magnitude = formatter.format(Math.abs(value));
  // Deciding the sign after rounding keeps -0.00001 from showing as "▲0".
  const roundsToZero = !/[1-9]/.test(magnitude);
  if (value >= 0 || roundsToZero) return magnitude;
  return (locale === 'ja' ? '▲' : '-') + magnitude;
}
