/**
 * `npx tsx bench/chart.ts [--runs N] [--example docs/images/chart-13.png]`: times the chart
 * renderer on action plan ⑬ from the seed, and optionally writes that chart as the example PNG.
 * Not part of `npm test` (its figures depend on the machine and its load).
 *
 * - cold: a fresh process per run (`--runs`, default 5): module load, then the first SVG + PNG;
 * - warm: in this process, after one render, the median of 30 SVG + PNG renders.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { eraYearLabel } from '../src/domain/fiscal-year.ts';
import type { ChartSpec, ChartYear } from '../src/render/chart/index.ts';

interface SeedIndicator {
  name: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  targets: Record<string, number>;
  actuals: Record<string, { value: number }>;
}

/** ⑬ as the messages layer would describe it: real targets and actuals, later years unreported. */
export function exampleSpec(): ChartSpec {
  const seed = JSON.parse(readFileSync('db/seeds/suita-4th.json', 'utf8')) as {
    actionPlans: Array<{ number: number; name: string; indicators: SeedIndicator[] }>;
  };
  const plan = seed.actionPlans.find((p) => p.number === 13)!;
  return {
    locale: 'ja',
    title: `⑬ ${plan.name}`,
    subtitle: '令和2年度 評価 A（達成 166%）',
    indicators: plan.indicators.map((indicator) => ({
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      years: [2019, 2020, 2021, 2022, 2023].map((fy): ChartYear => {
        const actual = indicator.actuals[fy]?.value ?? null;
        const target = indicator.targets[fy] ?? null;
        const era = eraYearLabel(fy);
        return {
          fiscalYear: fy,
          yearLabel: `${era.ja}\n${era.en}`,
          target,
          actual,
          state: actual !== null ? 'value' : target === null ? 'no_target' : 'missing',
        };
      }),
    })),
    labels: { target: '目標', actual: '実績', missing: '未入力', beforeEvaluation: '評価期間前', lowerIsBetter: '少ないほど良い' },
  };
}

interface Timing {
  load: number;
  svg: number;
  png: number;
  /** CPU time (user + system) of the first SVG + PNG: what the render costs when it has a core to itself. */
  cpu: number;
}

async function timeOnce(): Promise<Timing> {
  const started = performance.now();
  const { renderChartSvg, svgToPng } = await import('../src/render/chart/index.ts');
  const loaded = performance.now();
  const cpu = process.cpuUsage();
  const svg = renderChartSvg(exampleSpec());
  const drawn = performance.now();
  svgToPng(svg);
  const used = process.cpuUsage(cpu);
  return { load: loaded - started, svg: drawn - loaded, png: performance.now() - drawn, cpu: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--cold-child')) {
    process.stdout.write(JSON.stringify(await timeOnce()));
    return;
  }
  const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
  const example = args.includes('--example') ? args[args.indexOf('--example') + 1] : undefined;

  const cold = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--cold-child'], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    cold.push(JSON.parse(child.stdout) as Timing);
  }
  const { renderChartPng, renderChartSvg, svgToPng } = await import('../src/render/chart/index.ts');
  const spec = exampleSpec();
  svgToPng(renderChartSvg(spec));
  const warm = { svg: [] as number[], png: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < 30; i++) {
    const cpu = process.cpuUsage();
    const a = performance.now();
    const svg = renderChartSvg(spec);
    const b = performance.now();
    svgToPng(svg);
    warm.svg.push(b - a);
    warm.png.push(performance.now() - b);
    const used = process.cpuUsage(cpu);
    warm.cpu.push((used.user + used.system) / 1000);
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine while measuring`);
  console.log(
    `cold (${runs} fresh processes, median): module load ${ms(median(cold.map((c) => c.load)))}, ` +
      `first SVG ${ms(median(cold.map((c) => c.svg)))} + PNG ${ms(median(cold.map((c) => c.png)))} = ` +
      `${ms(median(cold.map((c) => c.svg + c.png)))} (CPU time ${ms(median(cold.map((c) => c.cpu)))})`,
  );
  console.log(
    `warm (30 renders, median): SVG ${ms(median(warm.svg))} + PNG ${ms(median(warm.png))} = ` +
      `${ms(median(warm.svg.map((s, i) => s + warm.png[i]!)))} (CPU time ${ms(median(warm.cpu))})`,
  );
  if (example) {
    writeFileSync(example, renderChartPng(spec));
    console.log(`wrote ${example}`);
  }
}

await main();
