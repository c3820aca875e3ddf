import { namesUnit, PERCENT_UNIT, unitSpellings, unitsNamedBy } from './units.ts';

/**
 * Reading a figure as people type it (see docs/numbers.md): one rule for every door.
 * A number — ASCII or full-width digits, `,` every three digits, a decimal point, a leading
 * minus (`-`, `−`, `▲`, `△`), the scale words 億, 千万, 万, 千 — then, optionally, the
 * indicator's unit or one of its synonyms (src/domain/units.ts). Anything else is refused with
 * the part that was not understood, so the message can quote it back.
 */

export type FigureRefusal =
  | { code: 'empty' }
  /** `text` is what was typed (trimmed); '' when there was no text to quote. */
  | { code: 'not_a_number'; text: string }
  /** 万/千/億 used so the value could be read two ways, or not at all (`1万万`, `3千2万`, `1万2`, `千`). */
  | { code: 'ambiguous_scale'; text: string }
  /** 万/千/億 on a percentage (`1.2万%`). */
  | { code: 'scale_on_percent'; text: string }
  /** `expected` is every spelling the indicator's unit accepts; empty when the indicator is unknown. */
  | { code: 'unknown_unit'; text: string; expected: string[] }
  | { code: 'percent_sign_on_non_percent'; unit: string }
  | { code: 'too_precise' }
  | { code: 'too_large'; limit: number };

export type FigureParse =
  /** `unit`: the unit named after the number (the indicator's own), null when none was typed. */
  | { ok: true; value: number; unit: string | null }
  | { ok: false; reason: FigureRefusal };

export type NumberLocale = 'ja' | 'en';

const MAX_ABSOLUTE_VALUE = 1e12;
const MAX_DECIMAL_PLACES = 4;

// U+2212 and － (after widening) are minus signs too; ▲/△ are the accounting minus used in Japanese municipal tables.
const MINUS_SIGNS = '-−▲△';
// Separators must sit every three digits, so "1,23" is a typo rather than 123. No leading ".5".
const DIGITS = /(?<int>[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?/y;
// Longest first: 千万 is one word (1千万 = 10,000,000), not 千 followed by 万.
const SCALE = /千万|億|万|千/y;
const SCALE_EXPONENT: Record<string, number> = { 億: 8, 千万: 7, 万: 4, 千: 3 };
const SPACES = /\s*/y;
// What may not start the text after a number: the rest of a malformed number ("1.2.3", "1,23", "5.", "5-3").
const NUMBER_DEBRIS = /^[.,+\-−▲△]/;
// Any digit-like character left over ("1e5", "0x10", "5²", "4٢") means the number itself was not understood,
// and so does a programmer's radix prefix ("0xA", "0b1").
const NUMERIC_CHARACTER = /\p{N}/u;
const RADIX_PREFIX = /^0[xbo]/i;

/**
 * Full-width ASCII (０-９ ， ． － ％ ｋｍ …) and the ideographic space to their ASCII forms, one
 * code unit for one, so positions in the result are positions in what was typed. Deliberately not
 * NFKC, which would read "²" as 2, "①" as 1 and "½" as 1⁄2.
 */
function widen(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function skipSpaces(text: string, at: number): number {
  matchAt(SPACES, text, at);
  return SPACES.lastIndex;
}

interface Part {
  /** Digits without separators. */
  int: string;
  frac: string;
  /** Power of ten the part is counted in: 0 for plain digits, 4 for 万. */
  exponent: number;
}

type NumberReading =
  | { ok: true; parts: Part[]; end: number }
  | { ok: false; reason: FigureRefusal };

/**
 * The number at the start of `text` (already widened and trimmed, sign removed). `quote(from, to)`
 * gives what the person typed between two positions.
 */
function readNumber(text: string, start: number, quote: (from: number, to: number) => string): NumberReading {
  const parts: Part[] = [];
  let at = start;
  for (;;) {
    const digits = matchAt(DIGITS, text, at);
    if (!digits) {
      const scale = matchAt(SCALE, text, at);
      // A scale word with no number of its own: "千", "1万万".
      if (scale) return { ok: false, reason: { code: 'ambiguous_scale', text: quote(start, at + scale[0].length) } };
      if (parts.length === 0) return { ok: false, reason: { code: 'not_a_number', text: quote(start, text.length) } };
      return { ok: true, parts, end: at };
    }
    const afterDigits = at + digits[0].length;
    const part = { int: digits.groups!['int']!.replaceAll(',', ''), frac: digits.groups!['frac'] ?? '' };
    const scale = matchAt(SCALE, text, skipSpaces(text, afterDigits));
    if (!scale) {
      parts.push({ ...part, exponent: 0 });
      return { ok: true, parts, end: afterDigits };
    }
    const exponent = SCALE_EXPONENT[scale[0]]!;
    const scaleEnd = scale.index + scale[0].length;
    const previous = parts.at(-1);
    // After 億 comes a count of 万 below 10,000 (1億2000万), after 万 a single digit of 千 (1万2千):
    // anything else repeats a scale, reverses the order ("3千2万") or overflows into the word before.
    if (previous && (exponent >= previous.exponent || BigInt(part.int) >= 10n ** BigInt(previous.exponent - exponent))) {
      return { ok: false, reason: { code: 'ambiguous_scale', text: quote(start, scaleEnd) } };
    }
    parts.push({ ...part, exponent });
    at = skipSpaces(text, scaleEnd);
  }
}

/** The ambiguities that only show once the whole number is read. */
function scaleAmbiguity(parts: Part[]): boolean {
  if (parts.length < 2) return false;
  // "1.5万3千": the decimal belongs to one word of a longer number.
  if (parts.some((p) => p.frac !== '' && p.exponent > 0)) return true;
  const last = parts.at(-1)!;
  const smallest = parts.at(-2)!.exponent;
  // Plain digits after a scale word must fill its places: 1万2000 and 1万0500, never "1万2",
  // which people say for 12,000 and a machine reads as 10,002.
  return last.exponent === 0 && last.int.length !== smallest;
}

export function parseFigure(input: string, unit: string | null): FigureParse {
  const refuse = (reason: FigureRefusal): FigureParse => ({ ok: false, reason });
  const wide = widen(input);
  const text = wide.trim();
  if (text === '') return refuse({ code: 'empty' });
  const offset = wide.indexOf(text);
  const quote = (from: number, to: number) => input.slice(offset + from, offset + to).trim();

  const negative = MINUS_SIGNS.includes(text[0]!);
  const start = negative ? skipSpaces(text, 1) : 0;
  const reading = readNumber(text, start, quote);
  if (!reading.ok) {
    if (reading.reason.code === 'not_a_number') return refuse({ code: 'not_a_number', text: quote(0, text.length) });
    return refuse(reading.reason);
  }
  const { parts, end } = reading;
  if (scaleAmbiguity(parts)) return refuse({ code: 'ambiguous_scale', text: quote(start, end) });

  const rest = text.slice(end);
  if (NUMBER_DEBRIS.test(rest) || NUMERIC_CHARACTER.test(rest) || RADIX_PREFIX.test(text.slice(start))) {
    return refuse({ code: 'not_a_number', text: quote(0, text.length) });
  }
  const unitText = rest.trim();
  let written: string | null = null;
  if (unitText !== '') {
    if (unit !== null && namesUnit(unitText, unit)) written = unit;
    else {
      const named = unitsNamedBy(unitText);
      // "12%" for a count of people is a slip between two columns of the same spreadsheet.
      if (unit !== null && named.includes(PERCENT_UNIT)) return refuse({ code: 'percent_sign_on_non_percent', unit });
      if (unit !== null || named.length === 0) {
        return refuse({ code: 'unknown_unit', text: quote(end, text.length), expected: unit === null ? [] : unitSpellings(unit) });
      }
      written = named[0]!;
    }
  }
  const scaled = parts.some((p) => p.exponent > 0);
  // Shares and rates are written in plain digits; "1.2万%" is a slip, whatever it would compute to.
  if (scaled && (unit === PERCENT_UNIT || written === PERCENT_UNIT)) {
    return refuse({ code: 'scale_on_percent', text: quote(0, end) });
  }

  // Decimal places the value ends up with: "1.23456万" has one (12,345.6), "32.80000" five.
  const places = Math.max(0, ...parts.map((p) => p.frac.length - p.exponent));
  if (places > MAX_DECIMAL_PLACES) return refuse({ code: 'too_precise' });
  // Exact arithmetic in units of 10^-places: 1.1万 is 11000, not 11000.000000000002.
  let units = 0n;
  for (const p of parts) units += BigInt(p.int + p.frac) * 10n ** BigInt(places + p.exponent - p.frac.length);
  if (units >= BigInt(MAX_ABSOLUTE_VALUE) * 10n ** BigInt(places)) {
    return refuse({ code: 'too_large', limit: MAX_ABSOLUTE_VALUE });
  }
  const digits = units.toString().padStart(places + 1, '0');
  const magnitude = Number(places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits);
  // Negating zero would store -0, which later renders as "▲0".
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value, unit: written };
}

export function formatNumber(value: number, locale: NumberLocale): string {
  return formatSigned(value, locale, (magnitude) => decimalDigits(magnitude, 0, MAX_DECIMAL_PLACES));
}

/** 1 = 100%, rounded to a whole percent. */
export function formatPercentRatio(ratio: number, locale: NumberLocale): string {
  return formatSigned(ratio, locale, (magnitude) => `${decimalDigits(magnitude, 0, 0, 2)}%`);
}

/** Exactly `decimals` decimals (0–4), as the plan document prints a column: "20.0", "▲16.68". */
export function formatFixed(value: number, decimals: number, locale: NumberLocale): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMAL_PLACES) {
    throw new RangeError(`decimals must be 0–${MAX_DECIMAL_PLACES}: ${decimals}`);
  }
  return formatSigned(value, locale, (magnitude) => decimalDigits(magnitude, decimals, decimals));
}

/**
 * What `Intl.NumberFormat('en-US', …)` wrote before (tests hold the two equal): rounded half
 * up on the shortest decimal form, so 0.285 → 29% and 1.005 → 1.01 as people expect rather
 * than as the binary double would round, and grouped by commas, which Japanese documents use
 * too. Written out by hand because the first Intl.NumberFormat of a process loads ICU's
 * locale data: 30–50 ms, a sixth of every `npm run plan` (#14).
 *
 * `shift` moves the decimal point right (2 for a percent) before rounding, exactly, as Intl does.
 */
function decimalDigits(magnitude: number, minDecimals: number, maxDecimals: number, shift = 0): string {
  // With no argument toExponential writes the shortest digits that read back as this double.
  const [mantissa, exponent] = magnitude.toExponential().split('e') as [string, string];
  const significant = mantissa.replace('.', '');
  // The value is 0.<significant> × 10^point.
  const point = Number(exponent) + 1 + shift;
  const kept = point + maxDecimals;
  let digits = kept <= 0 ? '' : significant.slice(0, kept).padEnd(kept, '0');
  if (kept >= 0 && kept < significant.length && significant.charCodeAt(kept) >= 53 /* '5' */) digits = plusOne(digits);
  digits = digits.padStart(maxDecimals + 1, '0');
  // Zero's one digit, moved by a shift, leaves zeros in front.
  const whole = digits.slice(0, digits.length - maxDecimals).replace(/^0+(?=\d)/, '');
  let fraction = digits.slice(digits.length - maxDecimals);
  let end = fraction.length;
  while (end > minDecimals && fraction.charCodeAt(end - 1) === 48 /* '0' */) end -= 1;
  fraction = fraction.slice(0, end);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A string of decimal digits plus one: "0999" → "1000", "99" → "100", "" → "1". */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57 /* '9' */) i -= 1;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

function formatSigned(value: number, locale: NumberLocale, digitsOf: (magnitude: number) => string): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const magnitude = digitsOf(Math.abs(value));
  // Deciding the sign after rounding keeps -0.00001 from showing as "▲0".
  const roundsToZero = !/[1-9]/.test(magnitude);
  if (value >= 0 || roundsToZero) return magnitude;
  return (locale === 'ja' ? '▲' : '-') + magnitude;
}
