import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { init, setPlatformAPI, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_FONT_FAMILY, chartFaces, chartFontFiles, chartTextWidth } from './fonts.ts';
import { chartOption } from './option.ts';
import { subsetFontFiles, svgText } from './subset.ts';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from './spec.ts';

use([BarChart, LineChart, CustomChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

// Without a canvas ECharts guesses text widths from Helvetica's; the legend, label boxes and
// truncation line up only when it measures with the font resvg will draw with. This is the only
// ECharts user in the process, so setting the platform hook globally is safe.
setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const bold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '');
    return { width: chartTextWidth(text, size, bold) };
  },
});

/** The chart as SVG text (1600×900), drawn by ECharts' server-side SVG renderer. */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption(chartOption(spec));
    // ZRender numbers its instances (zr0, zr1, …) into ids, and keeps a process-wide counter for
    // class names that only its hover styles use (meaningless in an image). Pinning the one and
    // dropping the other makes the same spec give the same SVG however many charts came before.
    return chart
      .renderToSVGString()
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/(id="|url\(#|href="#)zr\d+-/g, '$1zr0-');
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises chart SVG with resvg, using only the bundled Japanese font (never system fonts),
 * cut down to the characters this SVG draws (see subset.ts).
 */
export function svgToPng(svg: string): Buffer {
  const options: ResvgRenderOptions = {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: {
      fontFiles: fontFilesFor(svg),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    logLevel: 'off',
  };
  return new Resvg(svg, options).render().asPng();
}

function fontFilesFor(svg: string): string[] {
  try {
    return subsetFontFiles(chartFaces(), svgText(svg));
  } catch {
    // No writable temporary folder, say: the full files draw the same, only slower.
    return chartFontFiles();
  }
}

/** The chart as a PNG (1600×900). */
export function renderChartPng(spec: ChartSpec): Buffer {
  return svgToPng(renderChartSvg(spec));
}


/**
 * Loads the fonts and runs every stage once on a small chart, so the first real chart a user asks
 * for is not also the one that pays for reading the fonts and warming up the code (call at start).
 */
export function warmUpChartRenderer(): void {
  svgToPng(
    renderChartSvg({
      locale: 'ja',
      title: '0',
      indicators: [
        {
          name: '0',
          unit: '%',
          direction: 'higher_is_better',
          years: [
            { fiscalYear: 2019, yearLabel: '0', target: 1, actual: 1, state: 'value' },
            { fiscalYear: 2020, yearLabel: '0', target: 1, actual: null, state: 'missing' },
          ],
        },
      ],
      labels: { target: '0', actual: '0', missing: '0', beforeEvaluation: '0', lowerIsBetter: '0' },
    }),
  );
}
