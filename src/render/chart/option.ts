import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CHART_FONT_FAMILY, chartTextWidth } from './fonts.ts';
import { formatChartNumber, longWords, niceScale, wrapText, type AxisScale } from './format.ts';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  MAX_INDICATORS,
  type ChartIndicator,
  type ChartSpec,
  type ChartYear,
} from './spec.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
>;

const COLOR = {
  text: '#1f2937',
  subtext: '#374151',
  axis: '#4b5563',
  grid: '#e5e7eb',
  baseline: '#6b7280',
  actual: '#2563a8',
  actualUnjudged: '#9ca3af',
  target: '#d9480f',
  targetText: '#b13a0b',
  placeholderFill: '#f3f4f6',
  placeholderStroke: '#9ca3af',
  placeholderText: '#4b5563',
  lowerIsBetter: '#0f766e',
} as const;

/** Type sizes in px on the 1600×900 canvas: read on a phone, where it shrinks to a third. */
const FONT = {
  title: 44,
  titleMin: 36,
  subtitle: 28,
  legend: 26,
  panelTitle: 30,
  panelNote: 24,
  axis: 24,
  actualLabel: 26,
  targetLabel: 24,
  placeholder: 24,
  placeholderMin: 18,
} as const;

const LAYOUT = {
  marginX: 56,
  titleTop: 28,
  panelTitleTop: 152,
  gridTop: 276,
  gridBottom: 104,
  panelGap: 64,
  /** Bar width as a share of a year's column. */
  barShare: 0.46,
  /** Placeholder box width at most this share of a year's column. */
  placeholderShare: 0.96,
  /** Inner padding of a placeholder box: sideways, and above and below the text. */
  placeholderPaddingX: 6,
  placeholderPaddingY: 12,
  targetSymbolSize: 18,
  labelDistance: 7,
  /** Height of a one-line value label, for keeping labels apart. */
  labelHeight: 32,
} as const;

const PLOT_HEIGHT = CHART_HEIGHT - LAYOUT.gridTop - LAYOUT.gridBottom;
const SYMBOL_RADIUS = LAYOUT.targetSymbolSize / 2;

interface Panel {
  indicator: ChartIndicator;
  left: number;
  width: number;
  gridLeft: number;
  gridWidth: number;
  scale: AxisScale;
  inverse: boolean;
}

type PlaceholderKind = 'missing' | 'before_evaluation' | 'dash';

interface Placeholder {
  kind: PlaceholderKind;
  lines: string[];
  fontSize: number;
  width: number;
  height: number;
}

/**
 * Where a year's marks and labels go. Worked out here, in pixels, because the layout is fixed
 * and the axis scale is ours: ECharts then only draws.
 */
interface YearLayout {
  actualPosition: 'top' | 'bottom' | 'insideTop' | 'insideBottom';
  actualDistance: number;
  targetPosition: 'top' | 'bottom' | 'left' | 'right';
  /** A placeholder standing in for a missing actual, and its distance from the baseline. */
  placeholder: (Placeholder & { offset: number }) | null;
}

/**
 * The ECharts option for a spec. Pure: the same spec gives the same option (the callbacks in it
 * only look up precomputed text), so tests can read series values without rendering.
 */
export function chartOption(spec: ChartSpec): ChartOption {
  const count = spec.indicators.length;
  if (count < 1 || count > MAX_INDICATORS) {
    throw new RangeError(`a chart draws 1 to ${MAX_INDICATORS} indicators, got ${count}`);
  }
  const panels = layoutPanels(spec);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLOR.text },
    title: [headerTitle(spec), ...panels.map((p) => panelTitle(p, spec))],
    legend: {
      data: [spec.labels.actual, spec.labels.target],
      top: LAYOUT.titleTop + 8,
      right: LAYOUT.marginX,
      itemGap: 36,
      itemWidth: 44,
      itemHeight: 24,
      textStyle: { fontSize: FONT.legend, color: COLOR.text },
      selectedMode: false,
    },
    grid: panels.map((p) => ({ left: p.gridLeft, width: p.gridWidth, top: LAYOUT.gridTop, height: PLOT_HEIGHT })),
    xAxis: panels.map((p, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: p.indicator.years.map((y) => y.yearLabel),
      axisTick: { show: false },
      // The year labels stay under the plot even when 0 is not at the bottom (inverted or negative).
      axisLine: { onZero: false, lineStyle: { color: COLOR.grid, width: 2 } },
      axisLabel: { interval: 0, fontSize: FONT.axis, lineHeight: 30, margin: 16, color: COLOR.axis },
    })),
    yAxis: panels.map((p, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min: p.scale.min,
      max: p.scale.max,
      interval: p.scale.interval,
      inverse: p.inverse,
      name: `(${p.indicator.unit})`,
      // An inverted axis ends at the bottom; the unit belongs on top either way.
      nameLocation: p.inverse ? ('start' as const) : ('end' as const),
      nameGap: 20,
      nameTextStyle: { fontSize: FONT.axis, color: COLOR.axis, align: 'right' as const },
      axisLabel: {
        fontSize: FONT.axis,
        color: COLOR.axis,
        margin: 14,
        formatter: (value: number) => formatChartNumber(value, spec.locale),
      },
      splitLine: { lineStyle: { color: COLOR.grid, width: 1.5 } },
    })),
    series: panels.flatMap((p, i) => panelSeries(p, i, spec)),
  };
}

function layoutPanels(spec: ChartSpec): Panel[] {
  const count = spec.indicators.length;
  const width = (CHART_WIDTH - 2 * LAYOUT.marginX - LAYOUT.panelGap * (count - 1)) / count;
  return spec.indicators.map((indicator, i) => {
    const values = indicator.years.flatMap((y) => [y.target, y.actual]).filter((v) => v !== null);
    const scale = niceScale(values);
    const ticks: string[] = [];
    for (let k = 0; scale.min + k * scale.interval <= scale.max + scale.interval / 2; k++) {
      ticks.push(formatChartNumber(Number((scale.min + k * scale.interval).toPrecision(12)), spec.locale));
    }
    const labelWidth = Math.max(
      ...ticks.map((t) => chartTextWidth(t, FONT.axis)),
      chartTextWidth(`(${indicator.unit})`, FONT.axis) - 12,
    );
    const left = LAYOUT.marginX + i * (width + LAYOUT.panelGap);
    const gridLeft = Math.round(left + labelWidth + 20);
    return {
      indicator,
      left,
      width,
      gridLeft,
      gridWidth: Math.round(left + width - gridLeft - 8),
      scale,
      inverse: indicator.direction === 'lower_is_better',
    };
  });
}

function headerTitle(spec: ChartSpec): TitleComponentOption {
  const legendWidth =
    chartTextWidth(spec.labels.actual, FONT.legend) + chartTextWidth(spec.labels.target, FONT.legend) + 190;
  const available = CHART_WIDTH - 2 * LAYOUT.marginX - legendWidth;
  // A long plan name shrinks a little before it is cut.
  const natural = chartTextWidth(spec.title, FONT.title, true);
  const fontSize = Math.max(FONT.titleMin, Math.min(FONT.title, Math.floor((FONT.title * available) / natural)));
  return {
    text: spec.title,
    ...(spec.subtitle ? { subtext: spec.subtitle } : {}),
    left: LAYOUT.marginX,
    top: LAYOUT.titleTop,
    itemGap: 16,
    textStyle: { fontSize, fontWeight: 'bold', color: COLOR.text, width: available, overflow: 'truncate' },
    subtextStyle: { fontSize: FONT.subtitle, color: COLOR.subtext },
  };
}

function panelTitle(panel: Panel, spec: ChartSpec): TitleComponentOption {
  return {
    text: panel.indicator.name,
    ...(panel.inverse ? { subtext: spec.labels.lowerIsBetter } : {}),
    left: panel.left,
    top: LAYOUT.panelTitleTop,
    itemGap: 10,
    textStyle: {
      fontSize: FONT.panelTitle,
      fontWeight: 'bold',
      color: COLOR.text,
      width: panel.width,
      overflow: 'truncate',
    },
    subtextStyle: { fontSize: FONT.panelNote, fontWeight: 'bold', color: COLOR.lowerIsBetter },
  };
}

function panelSeries(
  panel: Panel,
  index: number,
  spec: ChartSpec,
): Array<BarSeriesOption | LineSeriesOption | CustomSeriesOption> {
  const { years } = panel.indicator;
  const columnWidth = panel.gridWidth / Math.max(1, years.length);
  const actualTexts = years.map((y) => {
    if (y.actual === null) return '';
    const value = formatChartNumber(y.actual, spec.locale);
    return y.state === 'before_evaluation' ? `${value}\n${spec.labels.beforeEvaluation}` : value;
  });
  const layouts = years.map((y, i) =>
    layoutYear(panel, y, placeholderFor(y, columnWidth, spec), sideFor(panel, i), {
      labelWidth: chartTextWidth(actualTexts[i] ?? '', FONT.actualLabel, true),
      barWidth: columnWidth * LAYOUT.barShare,
    }),
  );
  const targetTexts = years.map((y) => (y.target === null ? '' : formatChartNumber(y.target, spec.locale)));
  const axes = { xAxisIndex: index, yAxisIndex: index };

  const bars: BarSeriesOption = {
    type: 'bar',
    name: spec.labels.actual,
    ...axes,
    barWidth: `${LAYOUT.barShare * 100}%`,
    itemStyle: { color: COLOR.actual },
    label: {
      show: true,
      fontSize: FONT.actualLabel,
      fontWeight: 'bold',
      lineHeight: LAYOUT.labelHeight,
      color: COLOR.text,
      formatter: (params: { dataIndex: number }) => actualTexts[params.dataIndex] ?? '',
    },
    // A year without an actual has no bar at all (null), never a bar of height 0.
    data: years.map((y, i) => {
      if (y.actual === null) return null;
      const layout = layouts[i]!;
      const unjudged = y.state === 'before_evaluation';
      const inside = layout.actualPosition === 'insideTop' || layout.actualPosition === 'insideBottom';
      return {
        value: y.actual,
        ...(unjudged ? { itemStyle: { color: COLOR.actualUnjudged } } : {}),
        label: {
          position: layout.actualPosition,
          distance: layout.actualDistance,
          ...(inside ? { color: '#ffffff' } : {}),
          ...(unjudged ? { fontWeight: 'normal' as const, color: COLOR.axis } : {}),
        },
      };
    }),
    markLine: {
      silent: true,
      symbol: 'none',
      label: { show: false },
      lineStyle: { color: COLOR.baseline, width: 2, type: 'solid' },
      data: [{ yAxis: 0 }],
    },
    z: 2,
  };

  const targets: LineSeriesOption = {
    type: 'line',
    name: spec.labels.target,
    ...axes,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: LAYOUT.targetSymbolSize,
    lineStyle: { color: COLOR.target, width: 4 },
    itemStyle: { color: COLOR.target, borderColor: '#ffffff', borderWidth: 3 },
    label: {
      show: true,
      fontSize: FONT.targetLabel,
      fontWeight: 'bold',
      color: COLOR.targetText,
      distance: LAYOUT.labelDistance,
      // A white halo keeps the label readable over a bar or the line.
      textBorderColor: '#ffffff',
      textBorderWidth: 5,
      formatter: (params: { dataIndex: number }) => targetTexts[params.dataIndex] ?? '',
    },
    data: years.map((y, i) =>
      y.target === null ? null : { value: y.target, label: { position: layouts[i]!.targetPosition } },
    ),
    z: 4,
  };

  const series: Array<BarSeriesOption | LineSeriesOption | CustomSeriesOption> = [bars, targets];
  const placeholders = layouts.flatMap((l, i) => (l.placeholder ? [{ ...l.placeholder, yearIndex: i }] : []));
  if (placeholders.length) series.push(placeholderSeries(panel, index, placeholders));
  return series;
}

function placeholderFor(year: ChartYear, columnWidth: number, spec: ChartSpec): Placeholder | null {
  if (year.actual !== null) return null;
  if (year.state === 'no_target') {
    return { kind: 'dash', lines: ['—'], fontSize: 30, width: columnWidth * LAYOUT.barShare, height: 36 };
  }
  const kind = year.state === 'before_evaluation' ? 'before_evaluation' : 'missing';
  const text = kind === 'before_evaluation' ? spec.labels.beforeEvaluation : spec.labels.missing;
  const maxWidth = columnWidth * LAYOUT.placeholderShare;
  const textRoom = maxWidth - 2 * LAYOUT.placeholderPaddingX;
  // A word wider than the box (a long English word in a two-panel chart) shrinks the type a
  // little rather than being cut.
  const longest = Math.max(...longWords(text).map((w) => chartTextWidth(w, FONT.placeholder)));
  const fontSize = Math.max(FONT.placeholderMin, Math.min(FONT.placeholder, Math.floor((FONT.placeholder * textRoom) / longest)));
  const measure = (line: string) => chartTextWidth(line, fontSize);
  const lines = wrapText(text, textRoom, measure);
  const textWidth = Math.max(...lines.map(measure));
  const width = Math.min(maxWidth, Math.max(columnWidth * LAYOUT.barShare, textWidth + 2 * LAYOUT.placeholderPaddingX + 16));
  const lineHeight = Math.round(fontSize * 1.25);
  return { kind, lines, fontSize, width, height: lines.length * lineHeight + 2 * LAYOUT.placeholderPaddingY };
}

type Span = readonly [number, number];

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] + 2 && b[0] < a[1] + 2;
}

/** Pixels from the bottom of the plot at which `value` sits (an inverted axis counts from the top). */
function pixelOf(panel: Panel, value: number): number {
  const { min, max } = panel.scale;
  const share = panel.inverse ? (max - value) / (max - min) : (value - min) / (max - min);
  return share * PLOT_HEIGHT;
}

/**
 * Keeps a year's actual label, target label, target marker and placeholder apart. Reasoned along
 * the bar's own direction ("outward" from the baseline), so one rule serves bars that grow up,
 * bars below zero and bars hanging from an inverted axis.
 */
function layoutYear(
  panel: Panel,
  year: ChartYear,
  placeholder: Placeholder | null,
  side: 'left' | 'right',
  fit: { labelWidth: number; barWidth: number },
): YearLayout {
  const base = pixelOf(panel, 0);
  const natural = panel.inverse ? -1 : 1;
  const grows = year.actual === null ? natural : Math.sign(pixelOf(panel, year.actual) - base) || natural;
  const outward = (value: number) => (pixelOf(panel, value) - base) * grows;
  const room: Span = grows > 0 ? [-base, PLOT_HEIGHT - base] : [base - PLOT_HEIGHT, base];
  // Screen names for "away from the baseline" and "towards it".
  const away = grows > 0 ? 'top' : 'bottom';
  const towards = grows > 0 ? 'bottom' : 'top';
  const L = LAYOUT.labelHeight;
  const reach = SYMBOL_RADIUS + LAYOUT.labelDistance;

  const t = year.target === null ? null : outward(year.target);
  const marker: Span | null = t === null ? null : [t - SYMBOL_RADIUS, t + SYMBOL_RADIUS];
  const targetAway: Span | null = t === null ? null : [t + reach, t + reach + L];
  const targetTowards: Span | null = t === null ? null : [t - reach - L, t - reach];
  const targetBeside: Span | null = t === null ? null : [t - L / 2 - 2, t + L / 2 + 2];
  const inRoom = (s: Span) => s[0] >= room[0] && s[1] <= room[1];

  if (year.actual === null) {
    if (!placeholder) return { actualPosition: away, actualDistance: LAYOUT.labelDistance, targetPosition: 'top', placeholder: null };
    let offset = 4;
    let box: Span = [offset, offset + placeholder.height];
    let targetPosition: YearLayout['targetPosition'] = 'top';
    if (marker && targetAway && targetTowards) {
      if (overlaps(marker, box)) {
        // The target sits where the placeholder would stand: the box moves past the marker.
        offset = Math.round(marker[1] + 8);
        box = [offset, offset + placeholder.height];
        if (box[1] > room[1]) {
          offset = 4;
          box = [offset, offset + placeholder.height];
        }
      }
      if (!overlaps(targetAway, box) && inRoom(targetAway)) targetPosition = away;
      else if (!overlaps(targetTowards, box) && targetTowards[0] >= 0) targetPosition = towards;
      else targetPosition = side;
    }
    return {
      actualPosition: away,
      actualDistance: LAYOUT.labelDistance,
      targetPosition,
      placeholder: { ...placeholder, offset },
    };
  }

  const tip = outward(year.actual);
  const lines = year.state === 'before_evaluation' ? 2 : 1;
  const actualAt = (distance: number): Span => [tip + distance, tip + distance + L * lines];
  const plain = actualAt(LAYOUT.labelDistance);
  if (!marker || !targetAway || !targetTowards || !targetBeside) {
    return { actualPosition: away, actualDistance: LAYOUT.labelDistance, targetPosition: 'top', placeholder: null };
  }
  // Target labels sit on the same side in every year where they can (above the markers, or
  // below them on an inverted axis), even next to a bar that goes below zero.
  const options: Array<[Span, 'top' | 'bottom']> = [
    [targetAway, away],
    [targetTowards, towards],
  ];
  if (grows !== natural) options.reverse();
  const withTarget = (actualSpan: Span, actualPosition: YearLayout['actualPosition']): YearLayout | null => {
    if (overlaps(actualSpan, marker)) return null;
    for (const [span, position] of options) {
      if (!overlaps(actualSpan, span) && inRoom(span)) {
        return { actualPosition, actualDistance: LAYOUT.labelDistance, targetPosition: position, placeholder: null };
      }
    }
    return null;
  };
  const outside = withTarget(plain, away);
  if (outside) return outside;
  // The actual's value inside the top of its bar, in white, when the bar has room for it.
  const inner: Span = [tip - LAYOUT.labelDistance - L, tip - LAYOUT.labelDistance];
  if (lines === 1 && inner[0] >= 4 && fit.labelWidth <= fit.barWidth - 8) {
    const inside = withTarget(inner, grows > 0 ? 'insideTop' : 'insideBottom');
    if (inside) return inside;
  }
  // Too close to stack: the target label goes beside its marker and the actual's label clears both.
  const distance = overlaps(plain, targetBeside)
    ? Math.max(LAYOUT.labelDistance, Math.ceil(targetBeside[1] + 2 - tip))
    : LAYOUT.labelDistance;
  return { actualPosition: away, actualDistance: distance, targetPosition: side, placeholder: null };
}

/**
 * The side of a target marker where its label meets less of the target line: where there is no
 * neighbouring target, else where the line leaves most steeply.
 */
function sideFor(panel: Panel, index: number): 'left' | 'right' {
  const { years } = panel.indicator;
  const here = years[index]?.target ?? null;
  const before = years[index - 1]?.target ?? null;
  const after = years[index + 1]?.target ?? null;
  if (here === null || after === null) return 'right';
  if (before === null) return 'left';
  const rise = (other: number) => Math.abs(pixelOf(panel, other) - pixelOf(panel, here));
  return rise(after) >= rise(before) ? 'right' : 'left';
}

function placeholderSeries(
  panel: Panel,
  index: number,
  placeholders: Array<Placeholder & { offset: number; yearIndex: number }>,
): CustomSeriesOption {
  // Screen y grows downwards; a placeholder stands up from the baseline, or hangs from an inverted one.
  const down = panel.inverse;
  return {
    type: 'custom',
    xAxisIndex: index,
    yAxisIndex: index,
    silent: true,
    z: 3,
    data: placeholders.map((p) => [p.yearIndex, 0]),
    renderItem: (params, api) => {
      const placeholder = placeholders[params.dataIndex];
      if (!placeholder) return null;
      const [x = 0, baseline = 0] = api.coord([api.value(0), 0]);
      const { width, height, offset } = placeholder;
      const top = down ? baseline + offset : baseline - offset - height;
      const text = {
        type: 'text' as const,
        style: {
          text: placeholder.lines.join('\n'),
          x,
          y: top + height / 2,
          align: 'center' as const,
          verticalAlign: 'middle' as const,
          lineHeight: Math.round(placeholder.fontSize * 1.25),
          fontSize: placeholder.fontSize,
          fontFamily: CHART_FONT_FAMILY,
          fill: placeholder.kind === 'dash' ? COLOR.placeholderStroke : COLOR.placeholderText,
        },
      };
      if (placeholder.kind === 'dash') return text;
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: x - width / 2, y: top, width, height, r: 6 },
            style: { fill: COLOR.placeholderFill, stroke: COLOR.placeholderStroke, lineWidth: 2, lineDash: [8, 6] },
          },
          text,
        ],
      };
    },
  };
}
