import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { eraYearLabel } from '../../src/domain/fiscal-year.ts';
import {
  CHART_FONT_FAMILY,
  chartFileName,
  chartFontFiles,
  chartOption,
  formatChartNumber,
  missingGlyphs,
  renderChartPng,
  renderChartSvg,
  svgToPng,
  warmUpChartRenderer,
  type ChartIndicator,
  type ChartSpec,
  type ChartYear,
} from '../../src/render/chart/index.ts';
import { chartFaces } from '../../src/render/chart/fonts.ts';
import { niceScale, wrapText } from '../../src/render/chart/format.ts';
import { subsetFontFiles, svgText } from '../../src/render/chart/subset.ts';
import { decodePng, distinctColours } from '../support/png.ts';

interface SeedIndicator {
  name: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  targets: Record<string, number>;
  actuals: Record<string, { value: number }>;
}
interface Seed {
  actionPlans: Array<{ number: number; name: string; indicators: SeedIndicator[] }>;
}

const seed = JSON.parse(readFileSync('db/seeds/suita-4th.json', 'utf8')) as Seed;
const YEARS = [2019, 2020, 2021, 2022, 2023];

const JA_LABELS = {
  target: '目標',
  actual: '実績',
  missing: '未入力',
  beforeEvaluation: '評価期間前',
  lowerIsBetter: '少ないほど良い',
};

/** What the messages layer would hand over for a seeded plan: years before the first target are 評価期間前. */
function seededIndicator(indicator: SeedIndicator): ChartIndicator {
  const firstTarget = Math.min(...Object.keys(indicator.targets).map(Number));
  const years = YEARS.map((fy): ChartYear => {
    const target = indicator.targets[fy] ?? null;
    const actual = indicator.actuals[fy]?.value ?? null;
    const state =
      fy < firstTarget ? 'before_evaluation' : actual !== null ? 'value' : target === null ? 'no_target' : 'missing';
    const era = eraYearLabel(fy);
    return { fiscalYear: fy, yearLabel: `${era.ja}\n${era.en}`, target, actual, state };
  });
  return { name: indicator.name, unit: indicator.unit, direction: indicator.direction, years };
}

function seededSpec(number: number, subtitle?: string): ChartSpec {
  const plan = seed.actionPlans.find((p) => p.number === number);
  if (!plan) throw new Error(`no plan ${number}`);
  return {
    locale: 'ja',
    title: `${String.fromCodePoint(0x2460 + number - 1)} ${plan.name}`,
    ...(subtitle ? { subtitle } : {}),
    indicators: plan.indicators.map(seededIndicator),
    labels: JA_LABELS,
  };
}

type SeriesOf = { type: string; name?: string; data: unknown[]; xAxisIndex?: number };

function seriesOf(spec: ChartSpec): SeriesOf[] {
  return chartOption(spec).series as SeriesOf[];
}

function values(data: unknown[]): Array<number | null> {
  return data.map((d) => (d === null ? null : (d as { value: number }).value));
}

/** Text content of every <text> element, in document order. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** A tiny SVG with one line of text in the chart font, rasterised through the renderer's PNG path. */
function textPixels(text: string): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80">` +
    `<text x="10" y="60" style="font-size:56px;font-family:${CHART_FONT_FAMILY};">${text}</text></svg>`;
  return decodePng(svgToPng(svg)).pixels;
}

describe('chartOption: action plan ⑬ from the seed', () => {
  const spec = seededSpec(13, '令和2年度 評価 A（達成 166%）');

  it('draws one actual bar per year with the recorded values, and nothing (not 0) for years without one', () => {
    const bars = seriesOf(spec).find((s) => s.type === 'bar');
    expect(bars?.name).toBe('実績');
    expect(values(bars!.data)).toEqual([5270, 4991, null, null, null]);
  });

  it('draws the target line through every year', () => {
    const line = seriesOf(spec).find((s) => s.type === 'line');
    expect(line?.name).toBe('目標');
    expect(values(line!.data)).toEqual([1000, 3000, 7000, 10000, 12000]);
  });

  it('marks each year without an actual with a placeholder at the baseline', () => {
    const placeholders = seriesOf(spec).find((s) => s.type === 'custom');
    expect(placeholders?.data.map((d) => (d as number[])[0])).toEqual([2, 3, 4]);
  });

  it('labels the years in 和暦 and FY, puts the unit on the y axis, and never animates', () => {
    const option = chartOption(spec);
    expect(option.animation).toBe(false);
    const [xAxis] = option.xAxis as Array<{ data: string[] }>;
    expect(xAxis?.data).toEqual(YEARS.map((fy) => `${eraYearLabel(fy).ja}\nFY${fy}`));
    const [yAxis] = option.yAxis as Array<{ name: string; inverse: boolean; max: number }>;
    expect(yAxis).toMatchObject({ name: '(回)', inverse: false });
    expect(yAxis!.max).toBeGreaterThanOrEqual(12000);
  });
});

describe('chartOption: directions, states and layout', () => {
  it('turns the axis over for a lower-is-better indicator and says so, for each panel', () => {
    const spec = seededSpec(11);
    const option = chartOption(spec);
    expect((option.yAxis as Array<{ inverse: boolean }>).map((a) => a.inverse)).toEqual([true, true]);
    const titles = option.title as Array<{ text: string; subtext?: string }>;
    expect(titles.slice(1)).toEqual([
      expect.objectContaining({ text: '最大待ち時間', subtext: '少ないほど良い' }),
      expect.objectContaining({ text: '入所選考時間', subtext: '少ないほど良い' }),
    ]);
    expect(titles.slice(1).every((t) => t.subtext !== undefined)).toBe(true);
    expect((chartOption(seededSpec(13)).title as Array<{ subtext?: string }>)[1]?.subtext).toBeUndefined();
  });

  it('draws two indicators as two panels side by side, each with its own series', () => {
    const option = chartOption(seededSpec(8));
    const grids = option.grid as Array<{ left: number; width: number; top: number }>;
    expect(grids).toHaveLength(2);
    expect(grids[0]!.top).toBe(grids[1]!.top);
    expect(grids[0]!.left + grids[0]!.width).toBeLessThan(grids[1]!.left);
    const bars = (option.series as SeriesOf[]).filter((s) => s.type === 'bar');
    expect(bars.map((b) => [b.xAxisIndex, values(b.data)])).toEqual([
      [0, [44.4, 37.8, null, null, null]],
      [1, [40.7, 35.4, null, null, null]],
    ]);
  });

  it('draws a before-evaluation actual as a grey bar labelled as such, and marks empty years by state', () => {
    // ⑯: targets from FY2022, an actual in FY2020 recorded before evaluation began.
    const series = seriesOf(seededSpec(16));
    const bars = series.find((s) => s.type === 'bar')!;
    expect(values(bars.data)).toEqual([null, 2124, null, null, null]);
    expect((bars.data[1] as { itemStyle?: { color: string } }).itemStyle?.color).toBe('#9ca3af');
    const placeholders = series.find((s) => s.type === 'custom')!;
    expect(placeholders.data.map((d) => (d as number[])[0])).toEqual([0, 2, 3, 4]);
  });

  it('keeps a year’s actual label clear of a target just above its bar', () => {
    // ⑧ FY2019: actual 44.4 under a target of 48, a few pixels apart.
    const series = seriesOf(seededSpec(8));
    const bar = (series[0]!.data[0] as { label: { position: string; distance: number } }).label;
    const target = (series[1]!.data[0] as { label: { position: string } }).label;
    const stacked = bar.position === 'top' && target.position === 'top';
    expect(stacked).toBe(false);
    if (bar.position === 'top' && (target.position === 'left' || target.position === 'right')) {
      expect(bar.distance).toBeGreaterThan(7);
    }
  });

  it('marks a year with neither target nor actual with a dash, not a bar', () => {
    const spec = seededSpec(13);
    const [indicator] = spec.indicators;
    const years = indicator!.years.map((y, i) =>
      i === 4 ? { ...y, target: null, actual: null, state: 'no_target' as const } : y,
    );
    const noTarget = { ...spec, indicators: [{ ...indicator!, years }] };
    const series = seriesOf(noTarget);
    expect(values(series[0]!.data)[4]).toBeNull();
    expect(values(series[1]!.data)[4]).toBeNull();
    expect(series[2]!.data.map((d) => (d as number[])[0])).toEqual([2, 3, 4]);
    expect(svgTexts(renderChartSvg(noTarget))).toContain('—');
  });

  it('refuses a chart with no indicator or more than two', () => {
    const spec = seededSpec(13);
    expect(() => chartOption({ ...spec, indicators: [] })).toThrow(RangeError);
    const one = spec.indicators[0]!;
    expect(() => chartOption({ ...spec, indicators: [one, one, one] })).toThrow(RangeError);
  });
});

describe('renderChartSvg', () => {
  it('writes every label as text: title, grade, indicator, unit, years, legend, values, states', () => {
    const texts = svgTexts(renderChartSvg(seededSpec(13, '令和2年度 評価 A（達成 166%）')));
    for (const expected of [
      '⑬ 施設のＩＣＴ環境の充実',
      '令和2年度 評価 A（達成 166%）',
      '無線LANアクセス回数',
      '(回)',
      '令和元年度',
      'FY2019',
      '令和5年度',
      'FY2023',
      '目標',
      '実績',
      '5,270',
      '4,991',
      '12,000',
      '未入力',
    ]) {
      expect(texts).toContain(expected);
    }
    // Three placeholders, no zero value label for the years without an actual.
    expect(texts.filter((t) => t === '未入力')).toHaveLength(3);
  });

  it('writes negatives with ▲ in Japanese and the lower-is-better note', () => {
    const negative = svgTexts(renderChartSvg(seededSpec(4)));
    expect(negative).toContain('▲16.68');
    expect(negative).toContain('評価期間前');
    expect(svgTexts(renderChartSvg(seededSpec(11)))).toContain('少ないほど良い');
  });

  it('gives the same SVG for the same spec, however many charts came before', () => {
    const spec = seededSpec(8);
    renderChartSvg(seededSpec(13));
    expect(renderChartSvg(spec)).toBe(renderChartSvg(spec));
  });
});

describe('renderChartPng', () => {
  it('is a 1600×900 PNG with a real picture in it: bars, text, many shades', () => {
    const { width, height, pixels } = decodePng(renderChartPng(seededSpec(13)));
    expect([width, height]).toEqual([1600, 900]);
    expect(distinctColours(pixels)).toBeGreaterThan(200);
    // The actual bars' blue is there, and the top-left title area has dark ink on white.
    let blue = 0;
    let ink = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        if (r === 0x25 && g === 0x63 && b === 0xa8) blue++;
        if (y < 90 && x < 700 && r < 80 && g < 80 && b < 80) ink++;
      }
    }
    expect(blue).toBeGreaterThan(10_000);
    expect(ink).toBeGreaterThan(2_000);
  });

  it('warms up without a spec of the caller’s', () => {
    expect(() => warmUpChartRenderer()).not.toThrow();
  });

  it('draws Japanese with real glyphs: different kanji differ, and none looks like a missing glyph', () => {
    const shi = textPixels('施');
    const setsu = textPixels('設');
    const missing = textPixels('\uE000'); // a private-use character: no font has it
    expect(shi.equals(setsu)).toBe(false);
    expect(shi.equals(missing)).toBe(false);
    expect(setsu.equals(missing)).toBe(false);
    expect(distinctColours(shi)).toBeGreaterThan(10);
  });

  it('rasterises with the cut-down font exactly as with the full font files', () => {
    const svg = renderChartSvg(seededSpec(11, '令和2年度 評価 B（達成 50%）'));
    const render = (fontFiles: string[]) =>
      new Resvg(svg, {
        fitTo: { mode: 'original' },
        font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
      }).render().pixels;
    const cut = subsetFontFiles(chartFaces(), svgText(svg));
    expect(render(cut).equals(render(chartFontFiles()))).toBe(true);
  });
});

describe('the bundled font', () => {
  it('has a glyph, regular and bold, for every character of the seeded plan and indicator names and the labels', () => {
    const text = [
      ...seed.actionPlans.flatMap((p) => [
        `${String.fromCodePoint(0x2460 + p.number - 1)} ${p.name}`,
        ...p.indicators.flatMap((i) => [i.name, `(${i.unit})`]),
      ]),
      ...Object.values(JA_LABELS),
      '令和元年度 令和5年度 FY2019 評価 A（達成 166%） ▲1,234.5 — ①⑳',
    ].join('');
    expect(missingGlyphs(text)).toEqual([]);
    expect(missingGlyphs(text, true)).toEqual([]);
    expect(missingGlyphs('\uE000')).toEqual(['\uE000']);
  });
});

describe('formatting helpers', () => {
  it('formats numbers the project’s way', () => {
    expect(formatChartNumber(-16.68, 'ja')).toBe('▲16.68');
    expect(formatChartNumber(174000, 'ja')).toBe('174,000');
    expect(formatChartNumber(-16.68, 'en')).toBe('-16.68');
  });

  it('picks a round axis with room above the largest value and below a negative one', () => {
    expect(niceScale([1000, 12000, 5270])).toEqual({ min: 0, max: 15000, interval: 5000 });
    const negative = niceScale([-16.68, 25]);
    expect(negative.min).toBeLessThan(-16.68);
    expect(negative.max).toBeGreaterThan(25);
    expect(niceScale([])).toMatchObject({ min: 0 });
  });

  it('breaks a label between words, with balanced lines', () => {
    const measure = (s: string) => s.length * 24;
    expect(wrapText('評価期間前', 100, measure)).toEqual(['評価', '期間前']);
    expect(wrapText('未入力', 100, measure)).toEqual(['未入力']);
  });

  it('reads the text an SVG draws, entities decoded', () => {
    expect(svgText('<svg><text>A &amp; B</text><text>&#x65BD;&lt;</text></svg>')).toBe('A & B施<');
  });

  it('names chart files in ASCII', () => {
    expect(chartFileName(13)).toBe('plan-13-chart.png');
    expect(chartFileName(4, 'svg')).toBe('plan-04-chart.svg');
  });
});
