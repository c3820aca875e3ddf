import { formatNumber } from '../../domain/numbers.ts';
import type { ChartLocale } from './spec.ts';

/** Thousands separators, up to four decimals, ▲ for negatives in Japanese (the project's one number format). */
export function formatChartNumber(value: number, locale: ChartLocale): string {
  return formatNumber(value, locale);
}

export interface AxisScale {
  min: number;
  max: number;
  interval: number;
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];
const TICK_COUNT = 5;
/** Room above the tallest value for its label, as a share of the data's span. */
const HEADROOM = 0.18;

/**
 * A value axis from 0 (or below, for negatives) to a round number above the largest value,
 * with about five round steps. Chosen here rather than by ECharts so the option builder knows
 * the scale and can place labels without collisions.
 */
export function niceScale(values: readonly number[]): AxisScale {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 10;
  const span = hi - lo;
  hi += span * HEADROOM;
  if (lo < 0) lo -= span * HEADROOM;
  const interval = niceStep((hi - lo) / TICK_COUNT);
  return {
    min: roundTo(Math.floor(lo / interval) * interval, interval),
    max: roundTo(Math.ceil(hi / interval) * interval, interval),
    interval,
  };
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((s) => s * magnitude >= raw * (1 - 1e-9)) ?? 10;
  return roundTo(step * magnitude, magnitude);
}

/** Drops binary noise (0.30000000000000004) at the step's precision. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(decimals, 12))) + 0;
}

const WORDS = new Intl.Segmenter('ja', { granularity: 'word' });

/** The words of a text, as the line breaker sees them. */
export function longWords(text: string): string[] {
  return Array.from(WORDS.segment(text), (s) => s.segment).filter((w) => w.trim() !== '');
}

/**
 * Splits a label into lines no wider than `maxWidth` as `measure` counts it, breaking between
 * words (ICU's dictionary finds them in Japanese too: 評価|期間|前), and inside a word only when
 * it is wider than a line on its own. Existing newlines are kept.
 */
export function wrapText(text: string, maxWidth: number, measure: (line: string) => number): string[] {
  const greedy = breakLines(text, maxWidth, measure);
  // Balance the lines: the narrowest width that needs no more lines (評価|期間前, not 評価期間|前),
  // but never so narrow that a word which fits on a line of its own is cut (not g|raded).
  const floor = Math.max(0, ...longWords(text).map(measure).filter((w) => w <= maxWidth));
  let best = greedy;
  for (let width = maxWidth - 2; width > 0 && width >= floor; width -= 2) {
    const tighter = breakLines(text, width, measure);
    if (tighter.length > greedy.length || tighter.some((line) => measure(line) > width)) break;
    best = tighter;
  }
  return best;
}

function breakLines(text: string, maxWidth: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const { segment } of WORDS.segment(paragraph)) {
      const pieces = measure(segment) > maxWidth ? Array.from(segment) : [segment];
      for (const piece of pieces) {
        if (line === '' || measure((line + piece).trimEnd()) <= maxWidth) {
          line += piece;
          continue;
        }
        lines.push(line.trimEnd());
        line = piece.trim() === '' ? '' : piece;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
