/**
 * How the answers grow with the data: for 1×, 10× and 100× the real plan's size, build a
 * database (bench/generate.ts), then time the real command path in a fresh process per
 * scale (bench/scale-child.ts) so the peak RSS reported is that scale's own.
 *
 *   npx tsx bench/scale.ts            all three scales, prints the table
 *   npx tsx bench/scale.ts 1 10       only those
 *
 * The largest scale is measured on PostgreSQL too, beside SQLite, when TEST_DATABASE_URL or
 * DATABASE_URL names a server (bench/postgres.ts copies the same data there); otherwise a note
 * says it was left out.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runToEnd } from '../test/support/process.ts';
import { CHILD_NODE_FLAGS, sibling } from './runtime.ts';
import { generateScaleDatabase, type GeneratedDatabase } from './generate.ts';
import { OPERATIONS, type Operation, type ScaleChildResult } from './scale-ops.ts';
import { benchPostgresUrl, copyToPostgres } from './postgres.ts';
import { markdownTable, mb, ms } from './stats.ts';

export const DEFAULT_SCALES = [1, 10, 100];

/** The goals, checked against the 100× figures. */
export const GOALS = {
  /** At 1×: the list and a search, which read every figure of the plan. */
  listMedianMs: 1,
  showMedianMs: 2,
  overdueScanMedianMs: 100,
  maxRssBytes: 200 * 1024 * 1024,
};

export interface ScaleRun {
  scale: number;
  engine: 'sqlite' | 'postgres';
  counts: GeneratedDatabase['counts'];
  fileBytes: number;
  generateMs: number;
  child: ScaleChildResult;
}

export interface ScaleBench {
  runs: ScaleRun[];
  /** Why PostgreSQL was not measured, when it was not. */
  postgresNote: string | undefined;
  markdown: string;
  goalsMet: boolean;
  /** At the smallest scale, answer('list') and answer('search 防犯') under GOALS.listMedianMs. */
  listGoalMet: boolean;
}

const FIRST_SCALE_GOAL = new Set<Operation>(['list', 'search']);

const CHILD = sibling('scale-child');
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function runScaleBench(
  options: { scales?: number[]; log?: (line: string) => void; postgresUrl?: string } = {},
): Promise<ScaleBench> {
  const scales = options.scales ?? DEFAULT_SCALES;
  const log = options.log ?? (() => {});
  const runs: ScaleRun[] = [];
  const postgresUrl = 'postgresUrl' in options ? options.postgresUrl : benchPostgresUrl();
  const largestScale = Math.max(...scales);
  const postgresNote = postgresUrl
    ? undefined
    : `PostgreSQL was not measured: set TEST_DATABASE_URL (or DATABASE_URL) to a server to add the ${largestScale}× PostgreSQL column.`;
  if (postgresNote) log(postgresNote);
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
      runs.push({ scale, engine: 'sqlite', counts: generated.counts, fileBytes, generateMs: generated.generateMs, child });
      if (postgresUrl && scale === largestScale) {
        log(`scale ${scale}×: copying to PostgreSQL…`);
        const copy = await copyToPostgres(generated.path, postgresUrl);
        try {
          log(`scale ${scale}×: copied in ${ms(copy.copyMs)}; measuring on PostgreSQL…`);
          const onPostgres = await runChild(copy.location, generated.benchPlanCode, generated.counts.overdue);
          runs.push({ scale, engine: 'postgres', counts: generated.counts, fileBytes, generateMs: copy.copyMs, child: onPostgres });
        } finally {
          await copy.remove();
        }
      }
    } finally {
      generated.remove();
    }
  }
  // The goals are SQLite's promise (the default install); PostgreSQL's column is for comparison.
  const largest = runs.filter((r) => r.engine === 'sqlite').at(-1)!;
  const goalsMet =
    largest.child.timings.show!.medianMs < GOALS.showMedianMs &&
    largest.child.timings.overdueScan!.medianMs < GOALS.overdueScanMedianMs &&
    largest.child.timings.alertDigest!.medianMs < GOALS.overdueScanMedianMs &&
    Math.max(...runs.map((r) => r.child.maxRssBytes)) < GOALS.maxRssBytes;
  const first = runs.find((r) => r.engine === 'sqlite')!.child.timings;
  const listGoalMet = first.list!.medianMs < GOALS.listMedianMs && first.search!.medianMs < GOALS.listMedianMs;
  return { runs, postgresNote, markdown: scaleMarkdown(runs, postgresNote), goalsMet, listGoalMet };
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

const label = (r: ScaleRun) => `${r.scale}×${r.engine === 'postgres' ? ' PostgreSQL' : ''}`;

export function scaleMarkdown(runs: ScaleRun[], postgresNote?: string): string {
  const onSqlite = runs.filter((r) => r.engine === 'sqlite');
  const first = onSqlite[0]!;
  const last = onSqlite.at(-1)!;
  const header = [
    'operation',
    ...runs.map((r) => `${label(r)} median / p99`),
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
      label(r),
      String(r.counts.plans),
      String(r.counts.actionPlans),
      String(r.counts.indicators),
      String(r.counts.figures),
      String(r.counts.revisions),
      String(r.counts.overdue),
      r.engine === 'postgres' ? '(server)' : mb(r.fileBytes),
      r.engine === 'postgres' ? `${ms(r.generateMs)} (copied)` : ms(r.generateMs),
    ]),
  );
  const cpu = (['show', 'list', 'search'] as Operation[])
    .map((op) => `${op} ${runs.map((r) => ms(r.child.timings[op]!.cpuPerCallMs)).join(' / ')}`)
    .join(', ');
  const samples = (Object.keys(OPERATIONS) as Operation[])
    .map((op) => `${op} ${runs.map((r) => r.child.timings[op]!.count).join('/')}`)
    .join(', ');
  const engines = runs.some((r) => r.engine === 'postgres')
    ? 'The PostgreSQL column runs the same operations in the same kind of process over the same rows, copied into a schema of its own on the server (bench/postgres.ts); growth and goals are SQLite\'s.'
    : (postgresNote ?? '');
  return [
    data,
    '',
    markdownTable(header, rows),
    '',
    `CPU time per call (mean, ${runs.map(label).join(' / ')}), which a busy machine inflates less ` +
      `than wall time: ${cpu}. ` +
      `Samples per operation (${runs.map(label).join('/')}): ${samples}. ` +
      `Overdue scan: ${first.child.overdueScanSource}.`,
    ...(engines ? ['', engines] : []),
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
