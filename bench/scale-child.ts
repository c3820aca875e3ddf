/**
 * One scale's measurements, in a process of its own so that its peak RSS belongs to that
 * scale alone. Started by bench/scale.ts as
 *   node --import tsx bench/scale-child.ts <db path> <plan code> <expected overdue>
 * and answers with one JSON line on stdout.
 */
import { answer } from '../commands/answer.ts';
import { makeContext } from '../commands/context.ts';
import type { CommandResult } from '../commands/results.ts';
import { computeDigest } from '../commands/alerts/compute.ts';
import type { AlertSettings } from '../commands/alerts/settings.ts';
import { civilDateInTokyo, DEFAULT_DUE_DATE_RULE } from '../src/domain/fiscal-year.ts';
import { findPlan } from '../src/store/action-plans.ts';
import { claimSignedRequest } from '../src/store/signed-requests.ts';
import { openDatabase } from '../src/store/db.ts';
import { BENCH_NOW } from './generate.ts';
import { overdueScanAllPlans } from './overdue-scan.ts';
import type { Operation, ScaleChildResult } from './scale-ops.ts';
import { sampleWithCpu, type SampleOptions, type Summary } from './stats.ts';

async function main(): Promise<void> {
  const [dbPath, code, expectedOverdueText] = process.argv.slice(2);
  if (!dbPath || !code) throw new Error('usage: scale-child.ts <db path> <plan code> <expected overdue>');

  // The bot process carries Bolt (and, once it exists, the Slack app) whatever it answers,
  // so load them: the RSS reported is that of a bot, not of a bare query loop.
  await import('@slack/bolt');
  await import('../src/slack/app.ts');

  const db = openDatabase(dbPath);
  const plan = await findPlan(db, code);
  if (!plan) throw new Error(`no plan ${code} in ${dbPath}`);
  const ctx = makeContext({
    db,
    plan,
    now: BENCH_NOW,
    dueRule: DEFAULT_DUE_DATE_RULE,
    actor: { id: 'U0STAFF', isAdmin: false, canOpenForms: true },
  });
  const rssAtStartBytes = process.memoryUsage().rss;

  const expect = (result: CommandResult, kind: CommandResult['kind'], what: string) => {
    if (result.kind !== kind) throw new Error(`${what} answered ${JSON.stringify(result).slice(0, 300)}`);
    return result;
  };

  // Check once that each operation does the real work before timing it.
  const shown = expect(await answer('13', ctx), 'action_plan', 'show');
  if (shown.kind === 'action_plan' && shown.plan.indicators.length !== 3) throw new Error('show: expected 3 indicators');
  const listed = expect(await answer('list', ctx), 'action_plan_list', 'list');
  if (listed.kind === 'action_plan_list' && listed.items.length !== 20) throw new Error('list: expected 20 items');
  const found = expect(await answer('search 防犯', ctx), 'action_plan_list', 'search');
  if (found.kind === 'action_plan_list' && found.items.length === 0) throw new Error('search: found nothing');
  expect(await answer('overdue', ctx), 'overdue', 'overdue');
  expect(await answer('history 13', ctx), 'history', 'history');
  const scan = await overdueScanAllPlans(db, BENCH_NOW, DEFAULT_DUE_DATE_RULE);
  const expectedOverdue = Number(expectedOverdueText);
  if (Number.isFinite(expectedOverdue) && scan.count !== expectedOverdue) {
    throw new Error(`overdue scan found ${scan.count}, the generator left ${expectedOverdue}`);
  }

  const settings: AlertSettings = {
    channel: 'C0ALERTS',
    time: { hour: 9, minute: 0 },
    dueSoonDays: 14,
    repeatDays: 7,
    dueRule: DEFAULT_DUE_DATE_RULE,
  };
  const runDate = civilDateInTokyo(BENCH_NOW);
  const digest = await computeDigest(db, plan, settings, runDate);
  if (!digest.findings.some((f) => f.rule === 'overdue')) throw new Error('computeDigest found nothing overdue');

  // Budgets keep a slow build from running for minutes; the sample counts are reported.
  const quick: SampleOptions = { warmup: 100, minIterations: 300, maxIterations: 3000, budgetMs: 1000 };
  const heavy: SampleOptions = { warmup: 30, minIterations: 50, maxIterations: 2000, budgetMs: 1000 };
  const scanOptions: SampleOptions = { warmup: 3, minIterations: 20, maxIterations: 1000, budgetMs: 1500 };

  const timings: Record<string, Summary> = {};
  const time = async (op: Operation, fn: () => Promise<unknown>, options: SampleOptions, before?: () => Promise<unknown>) => {
    // Start each operation with a clean heap so one does not pay for another's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    timings[op] = await sampleWithCpu(fn, options, before);
  };
  await time('show', () => answer('13', ctx), quick);
  await time('list', () => answer('list', ctx), heavy);
  // Lists are made from outlines kept until the data changes (src/store/plan-outlines.ts): the
  // first list after any write reads them again. A write (untimed) before each call measures that.
  let writes = 0;
  const write = () =>
    claimSignedRequest(db, { signature: `v0=bench-${++writes}`, expiresAt: new Date(BENCH_NOW.getTime() + 300_000), now: BENCH_NOW });
  await time('listAfterWrite', () => answer('list', ctx), heavy, write);
  await time('search', () => answer('search 防犯', ctx), heavy);
  await time('overduePlan', () => answer('overdue', ctx), heavy);
  await time('history', () => answer('history 13', ctx), quick);
  await time('alertDigest', () => computeDigest(db, plan, settings, runDate), heavy);
  await time('overdueScan', () => overdueScanAllPlans(db, BENCH_NOW, DEFAULT_DUE_DATE_RULE), scanOptions);

  await db.destroy();
  const result: ScaleChildResult = {
    timings,
    rssAtStartBytes,
    // ru_maxrss is in kilobytes on Linux.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    overdueFound: scan.count,
    overdueScanSource: scan.source,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
