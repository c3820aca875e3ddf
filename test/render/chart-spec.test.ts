/**
 * From the use case to the picture: `/plan 13 chart`'s result, read from a real seeded database,
 * worded by the messages (Japanese and English) and drawn; the SVG is read for its words and the
 * ECharts option for one point per fiscal year with the stored values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../commands/context.ts';
import type { CommandResult } from '../../commands/results.ts';
import { runCommand } from '../../commands/run.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { en } from '../../src/messages/en.ts';
import { ja } from '../../src/messages/ja.ts';
import { chartOption, renderChartSvg } from '../../src/render/chart/index.ts';
import { drawChart } from '../../src/render/chart-draw.ts';
import { chartPictures, type ChartResult } from '../../src/render/chart-spec.ts';
import { chartComment, chartMessage } from '../../src/render/blocks/chart.ts';
import { renderText } from '../../src/render/text.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { decodePng, distinctColours, pngSize } from '../support/png.ts';
import { tempDatabase } from '../support/temp-db.ts';

let t: Awaited<ReturnType<typeof tempDatabase>>;
/** 1 Aug 2024: every year of the plan has closed and passed its due date (30 June). */
const NOW = new Date('2024-08-01T09:00:00+09:00');

beforeAll(async () => {
  t = await tempDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

async function chartOf(number: number): Promise<ChartResult> {
  const plan = (await findPlan(t.db))!;
  const ctx = makeContext({ db: t.db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0', isAdmin: false, canOpenForms: true } });
  const result: CommandResult = await runCommand({ verb: 'chart', number }, ctx);
  if (result.kind !== 'chart') throw new Error(`no chart for ${number}: ${JSON.stringify(result)}`);
  return result;
}

type Series = { type: string; name?: string; data: unknown[] };
const valuesOf = (data: unknown[]) => data.map((d) => (d === null || d === undefined ? null : (d as { value: number | null }).value ?? null));
const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the chart of an action plan, from the database', () => {
  it('gives ⑬ its name, its grade, the years not entered, and one point per fiscal year with the stored values', async () => {
    const { title, grade, pictures } = chartPictures(await chartOf(13), ja);
    expect(title).toBe('⑬ 施設のＩＣＴ環境の充実');
    expect(grade).toBe('令和2年度 評価 A（→ 変わらず）');
    expect(pictures).toHaveLength(1);
    const [picture] = pictures;
    expect(picture!.filename).toBe('plan-13-chart.png');
    expect(picture!.spec.subtitle).toBe('令和2年度 評価 A（→ 変わらず）　未入力：令和3年度、令和4年度、令和5年度');
    const [indicator] = picture!.spec.indicators;
    expect(indicator).toMatchObject({ name: '無線LANアクセス回数', unit: '回', direction: 'higher_is_better' });
    expect(indicator!.years.map((y) => y.yearLabel)).toEqual([
      '令和元年度\nFY2019',
      '令和2年度\nFY2020',
      '令和3年度\nFY2021',
      '令和4年度\nFY2022',
      '令和5年度\nFY2023',
    ]);
    expect(indicator!.years.map((y) => y.state)).toEqual(['value', 'value', 'missing', 'missing', 'missing']);

    const series = chartOption(picture!.spec).series as Series[];
    const bars = series.filter((s) => s.type === 'bar');
    const lines = series.filter((s) => s.type === 'line');
    expect(bars).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(valuesOf(bars[0]!.data)).toEqual([5270, 4991, null, null, null]);
    expect(valuesOf(lines[0]!.data)).toEqual([1000, 3000, 7000, 10000, 12000]);

    const texts = svgTexts(renderChartSvg(picture!.spec));
    expect(texts.join('')).toContain('施設のＩＣＴ環境の充実');
    for (const label of ['目標', '実績', '未入力', '(回)', '5,270', '4,991', '12,000', 'FY2019', 'FY2023']) {
      expect(texts, label).toContain(label);
    }
    expect(texts.filter((x) => x === '未入力')).toHaveLength(3);
    expect(texts.some((x) => x.includes('令和2年度 評価 A'))).toBe(true);
  });

  it('draws ⑯’s years before evaluation apart from zero, and its 2,124 of FY2020 as ungraded', async () => {
    const { pictures, grade } = chartPictures(await chartOf(16), ja);
    expect(grade).toBe('評価 —（実績未入力）');
    const years = pictures[0]!.spec.indicators[0]!.years;
    expect(years.map((y) => [y.fiscalYear, y.state, y.actual])).toEqual([
      [2019, 'before_evaluation', null],
      [2020, 'before_evaluation', 2124],
      [2021, 'before_evaluation', null],
      [2022, 'missing', null],
      [2023, 'missing', null],
    ]);
    const texts = svgTexts(renderChartSvg(pictures[0]!.spec));
    expect(texts.filter((x) => x === '評価期間前').length).toBeGreaterThanOrEqual(3);
    expect(texts).toContain('2,124');
    expect(texts).not.toContain('0 ');
  });

  it('keeps ⑪’s two lower-is-better indicators side by side in one picture, saying which way is better', async () => {
    const { pictures } = chartPictures(await chartOf(11), ja);
    expect(pictures).toHaveLength(1);
    expect(pictures[0]!.spec.indicators.map((i) => i.direction)).toEqual(['lower_is_better', 'lower_is_better']);
    expect(svgTexts(renderChartSvg(pictures[0]!.spec))).toContain('少ないほど良い');
  });

  it('speaks English with the English names, units and era years', async () => {
    const { title, grade, pictures } = chartPictures(await chartOf(13), en);
    expect(title.startsWith('⑬ ')).toBe(true);
    expect(title).not.toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(grade).toBe('FY2020: grade A (→ unchanged)');
    const [indicator] = pictures[0]!.spec.indicators;
    expect(indicator!.name).not.toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(indicator!.unit).toBe('times');
    expect(indicator!.years[0]!.yearLabel).toBe('FY2019\nReiwa 1');
    expect(pictures[0]!.spec.labels).toMatchObject({ target: 'Target', actual: 'Actual', missing: 'no data' });
    expect(pictures[0]!.altText).toContain('FY2019–FY2023');
  });

  it('splits an action plan with more indicators than one picture holds into numbered pictures, in order', async () => {
    const result = await chartOf(8);
    const three = { ...result, plan: { ...result.plan, indicators: [...result.plan.indicators, result.plan.indicators[0]!] } };
    const { pictures } = chartPictures(three, ja);
    expect(pictures.map((p) => [p.filename, p.spec.title, p.spec.indicators.length])).toEqual([
      ['plan-08-chart-1.png', '⑧ 健康増進支援のためのシステム導入（1/2）', 2],
      ['plan-08-chart-2.png', '⑧ 健康増進支援のためのシステム導入（2/2）', 1],
    ]);
  });

  it('draws a 1600×900 PNG that is not blank', async () => {
    const drawn = drawChart(await chartOf(13), ja);
    expect(drawn.files).toHaveLength(1);
    const png = drawn.files[0]!.bytes;
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
    const { pixels } = decodePng(png);
    // White background, blue bars, orange targets, grey placeholders and anti-aliased type.
    expect(distinctColours(pixels)).toBeGreaterThan(50);
    expect(pixels.readUInt32BE(0)).toBe(0xffffffff);
  });

  it('words the chart for Slack (who asked is named) and for the terminal', async () => {
    const result = await chartOf(13);
    expect(chartComment(chartPictures(result, ja), ja, 'U0STAFF')).toBe('*⑬ 施設のＩＣＴ環境の充実*　令和2年度 評価 A（→ 変わらず）\n<@U0STAFF> さんが表示');
    expect(chartMessage(result, ja).text).toBe('⑬ 施設のＩＣＴ環境の充実 — 令和2年度 評価 A（→ 変わらず）');
    expect(renderText(result, ja)).toBe('⑬ 施設のＩＣＴ環境の充実\n令和2年度 評価 A（→ 変わらず）');
  });
});
