/**
 * How the answers grow with the data: for 1×, 10× and 100× the real plan's size, build a
 * database (bench/generate.ts), then time the real command path in a fresh process per
 * scale (bench/scale-child.ts) so the peak RSS reported is that scale's own.
 *
 *   npx tsx bench/scale.ts            all three scales, prints the table
 *   npx tsx bench/scale.ts 1 10       only those
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runToEnd } from '../test/support/process.ts';
import { CHILD_NODE_FLAGS, sibling } from './runtime.ts';
import { generateScaleDatabase, type GeneratedDatabase } from './generate.ts';
import { OPERATIONS, type Operation, type ScaleChildResult } from './scale-ops.ts';
import { markdownTable, mb, ms } from './stats.ts';

export const DEFAULT_SCALES = [1, 10, 100];

/** The issue's goals, checked against the 100× figures. */
export const GOALS = {
  /** At 1×: the list and a search, which read every figure of the plan. */
  listMedianMs: 1,
  showMedianMs: 2,
  overdueScanMedianMs: 100,
  maxRssBytes: 200 * 1024 * 1024,
};

export interface ScaleRun {
  scale: number;
  counts: GeneratedDatabase['counts'];
  fileBytes: number;
  generateMs: number;
  child: ScaleChildResult;
}

export interface ScaleBench {
  runs: ScaleRun[];
  markdown: string;
  goalsMet: boolean;
  /** At the smallest scale, answer('list') and answer('search 防犯') under GOALS.listMedianMs. */
  listGoalMet: boolean;
}

const FIRST_SCALE_GOAL = new Set<Operation>(['list', 'search']);

const CHILD = sibling('scale-child');
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function runScaleBench(
  options: { scales?: number[]; log?: (line: string) => void } = {},
): Promise<ScaleBench> {
  const scales = options.scales ?? DEFAULT_SCALES;
  const log = options.log ?? (() => {});
  const runs: ScaleRun[] = [];
  for (const scale of scales) {
    log(`scale ${scale}×: generating…`);
    const generated = await generateScaleDatabase({ plans: scale });
    try {
      const fileBytes = statSync(generated.path).size;
      log(
        `scale ${scale}×: ${generated.counts.figures} figures, ${generated.counts.revisions} revisions, ` +
          `${mb(fileBytes)} file, built in ${ms(generated.generateMs)}; measuring…`,
      );
      const child = await runChild(generated.path, generated.benchPlanCode, generated.counts.overdue);
      runs.push({ scale, counts: generated.counts, fileBytes, generateMs: generated.generateMs, child });
    } finally {
      generated.remove();
    }
  }
  const largest = runs.at(-1)!;
  const goalsMet =
    largest.child.timings.show!.medianMs < GOALS.showMedianMs &&
    largest.child.timings.overdueScan!.medianMs < GOALS.overdueScanMedianMs &&
    largest.child.timings.alertDigest!.medianMs < GOALS.overdueScanMedianMs &&
    Math.max(...runs.map((r) => r.child.maxRssBytes)) < GOALS.maxRssBytes;
  const first = runs[0]!.child.timings;
  const listGoalMet = first.list!.medianMs < GOALS.listMedianMs && first.search!.medianMs < GOALS.listMedianMs;
  return { runs, markdown: scaleMarkdown(runs), goalsMet, listGoalMet };
}

async function runChild(dbPath: string, planCode: string, expectedOverdue: number): Promise<ScaleChildResult> {
  const { code, stdout, stderr } = await runToEnd(
    process.execPath,
    ['--expose-gc', ...CHILD_NODE_FLAGS, CHILD, dbPath, planCode, String(expectedOverdue)],
    { cwd: REPO_ROOT },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`scale child exited ${code}: ${stderr.trim() || stdout.trim()}`);
  return JSON.parse(line) as ScaleChildResult;
}

/** Goals on the largest scale's median, except where FIRST_SCALE_GOAL says the smallest. */
const GOAL_MS: Partial<Record<Operation, number>> = {
  list: GOALS.listMedianMs,
  search: GOALS.listMedianMs,
  show: GOALS.showMedianMs,
  alertDigest: GOALS.overdueScanMedianMs,
  overdueScan: GOALS.overdueScanMedianMs,
};

export function scaleMarkdown(runs: ScaleRun[]): string {
  const first = runs[0]!;
  const last = runs.at(-1)!;
  const header = [
    'operation',
    ...runs.map((r) => `${r.scale}× median / p99`),
    `growth ${first.scale}×→${last.scale}× (median)`,
    'goal',
  ];
  const rows: string[][] = (Object.keys(OPERATIONS) as Operation[]).map((op) => {
    const limit = GOAL_MS[op];
    const lastMedian = last.child.timings[op]!.medianMs;
    const judged = FIRST_SCALE_GOAL.has(op) ? first : last;
    const judgedMedian = judged.child.timings[op]!.medianMs;
    return [
      OPERATIONS[op],
      ...runs.map((r) => `${ms(r.child.timings[op]!.medianMs)} / ${ms(r.child.timings[op]!.p99Ms)}`),
      `×${(lastMedian / first.child.timings[op]!.medianMs).toFixed(1)}`,
      limit === undefined ? '' : `${judged.scale}× median < ${limit} ms: ${judgedMedian < limit ? 'met' : '**not met**'}`,
    ];
  });
  const maxRss = Math.max(...runs.map((r) => r.child.maxRssBytes));
  rows.push([
    'peak RSS of the process (at start)',
    ...runs.map((r) => `${mb(r.child.maxRssBytes)} (${mb(r.child.rssAtStartBytes)})`),
    `×${(last.child.maxRssBytes / first.child.maxRssBytes).toFixed(2)}`,
    `< ${mb(GOALS.maxRssBytes)}: ${maxRss < GOALS.maxRssBytes ? 'met' : '**not met**'}`,
  ]);

  const data = markdownTable(
    ['scale', 'plans', 'action plans', 'indicators', 'yearly figures', 'revisions', 'overdue figures', 'file', 'built in'],
    runs.map((r) => [
      `${r.scale}×`,
      String(r.counts.plans),
      String(r.counts.actionPlans),
      String(r.counts.indicators),
      String(r.counts.figures),
      String(r.counts.revisions),
      String(r.counts.overdue),
      mb(r.fileBytes),
      ms(r.generateMs),
    ]),
  );
  const cpu = (['show', 'list', 'search'] as Operation[])
    .map((op) => `${op} ${runs.map((r) => ms(r.child.timings[op]!.cpuPerCallMs)).join(' / ')}`)
    .join(', ');
  const samples = (Object.keys(OPERATIONS) as Operation[])
    .map((op) => `${op} ${runs.map((r) => r.child.timings[op]!.count).join('/')}`)
    .join(', ');
  return [
    data,
    '',
    markdownTable(header, rows),
    '',
    `CPU time per call (mean, ${runs.map((r) => `${r.scale}×`).join(' / ')}), which a busy machine inflates less ` +
      `than wall time: ${cpu}. ` +
      `Samples per operation (${runs.map((r) => `${r.scale}×`).join('/')}): ${samples}. ` +
      `Overdue scan: ${first.child.overdueScanSource}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scales = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const bench = await runScaleBench({
    scales: scales.length ? scales : DEFAULT_SCALES,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${bench.markdown}\n`);
}
