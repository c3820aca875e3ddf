export { chartOption, type ChartOption } from './option.ts';
export { CHART_FONT_FAMILY, chartFontFiles, chartTextWidth, missingGlyphs } from './fonts.ts';
export { renderChartPng, renderChartSvg, svgToPng, warmUpChartRenderer } from './render.ts';
export { chartFileName } from './file-name.ts';
export { formatChartNumber } from './format.ts';
export {
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartDirection,
  type ChartIndicator,
  type ChartLabels,
  type ChartLocale,
  type ChartSpec,
  type ChartYear,
  type ChartYearState,
} from './spec.ts';
