import type { CommandResult, IndicatorView, YearView } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { chartFileName } from './chart/file-name.ts';
import { MAX_INDICATORS, type ChartIndicator, type ChartSpec, type ChartYearState } from './chart/spec.ts';
import { gradeLine } from './grading.ts';
import { truncateText } from './truncate.ts';

/**
 * An action plan's chart result → what the chart renderer draws and what Slack (or a file)
 * calls it, every word from the messages. Words only: drawing is `chart-draw.ts`, so that the
 * renderers of text and Block Kit do not load ECharts and resvg. An action plan with more indicators than one image
 * holds gets one image per pair, in order; none gets no image at all (the door says so).
 */

export type ChartResult = Extract<CommandResult, { kind: 'chart' }>;

export interface ChartPicture {
  spec: ChartSpec;
  filename: string;
  /** The file's title in Slack. */
  title: string;
  /** What a screen reader says instead of the image (Slack takes up to 1,000 characters). */
  altText: string;
}

export interface ChartPictures {
  /** `⑬ 施設のＩＣＴ環境の充実`. */
  title: string;
  /** `令和2年度の評価 A`, or `評価：—`. */
  grade: string;
  pictures: ChartPicture[];
}

const ALT_TEXT_MAX = 1000;

export function chartPictures(result: ChartResult, m: Messages): ChartPictures {
  const p = result.plan;
  const c = m.visual.chart;
  const title = c.title(m.circled(p.number), m.locale === 'en' ? (p.nameEn ?? p.name) : p.name);
  const grade = gradeLine(p.grading, m);
  const missing = p.grading.missingYears.length
    ? m.visual.grade.missing(m.join(p.grading.missingYears.map((fy) => m.fiscalYear(fy))))
    : null;
  const subtitle = missing ? `${grade}　${missing}` : grade;
  const groups = chunk(p.indicators, MAX_INDICATORS);
  const pictures = groups.map((indicators, i): ChartPicture => {
    const pictureTitle = groups.length > 1 ? c.part(title, i + 1, groups.length) : title;
    const years = indicators.flatMap((ind) => ind.years.map((y) => y.fiscalYear));
    const span = c.yearsSpan(m.fiscalYear(Math.min(...years)), m.fiscalYear(Math.max(...years)));
    const base = chartFileName(p.number);
    return {
      spec: {
        locale: m.locale,
        title: pictureTitle,
        subtitle,
        indicators: indicators.map((ind) => chartIndicator(ind, m)),
        labels: { ...c.labels },
      },
      filename: groups.length > 1 ? base.replace(/\.png$/, `-${i + 1}.png`) : base,
      title: c.fileTitle(pictureTitle),
      altText: truncateText(c.altText(pictureTitle, subtitle, span), ALT_TEXT_MAX),
    };
  });
  return { title, grade, pictures };
}

function chartIndicator(ind: IndicatorView, m: Messages): ChartIndicator {
  const english = m.locale === 'en';
  return {
    name: english ? (ind.nameEn ?? ind.name) : ind.name,
    unit: english ? (ind.unitEn ?? m.unitName(ind.unit)) : ind.unit,
    direction: ind.direction,
    years: ind.years.map((y) => ({
      fiscalYear: y.fiscalYear,
      yearLabel: m.visual.chart.yearLabel(y.fiscalYear),
      target: y.target,
      actual: y.actual,
      state: yearState(y),
    })),
  };
}

/**
 * 評価期間前 first (the source's word wins even over a recorded figure), then a recorded actual;
 * a year without an actual is "not entered" whether it is overdue or not yet due: never a zero.
 */
export function yearState(y: Pick<YearView, 'beforeEvaluation' | 'actual' | 'target' | 'grade'>): ChartYearState {
  // The grading's own rule: marked so by the source, or before the indicator's first target.
  if (y.beforeEvaluation || y.grade.reason === 'before_evaluation_period') return 'before_evaluation';
  if (y.actual !== null) return 'value';
  if (y.target === null) return 'no_target';
  return 'missing';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
