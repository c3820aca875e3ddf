import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { AlertConfigError, alertSettingsOf, loadAlertConfig } from '../config/alerts.ts';
import { describeConfigError } from '../config/core.ts';
import { messagesFor, type Messages } from '../messages/index.ts';
import { renderText } from '../render/text.ts';
import type { ChartResult } from '../render/chart-spec.ts';
import { ChartWriteError, splitOutOption, writeChartFiles } from './chart-out.ts';
import { findPlan } from '../store/action-plans.ts';
import { prepareDatabase } from '../store/prepare.ts';

/**
 * `npm run plan -- <text>`: exactly what a person would type after `/plan`, answered
 * in the terminal from the same handlers Slack uses. Exit 0 on an answer, 1 when the
 * input could not be answered, 2 when the bot itself could not start.
 */
export async function planCli(argv: string[]): Promise<number> {
  let config;
  try {
    // The alert settings too, so `alerts` previews what `npm run alerts` would post.
    config = loadAlertConfig(process.env, { token: false, channel: false });
  } catch (error) {
    if (error instanceof AlertConfigError) {
      for (const problem of error.problems) process.stderr.write(`plan-bot: ${describeConfigError(problem)}\n`);
      return 2;
    }
    throw error;
  }
  const m = messagesFor(config.locale);
  const option = splitOutOption(argv);
  if (!option.ok) {
    process.stderr.write(`${m.visual.chart.cli.outMissing}\n`);
    return 1;
  }
  const text = option.rest.join(' ');

  // Grammar mistakes are answered before the database is even opened: nothing to write.
  const parsed = parseCommand(text);
  if (!parsed.ok) {
    process.stderr.write(`${renderText({ kind: 'error', error: { code: 'parse', error: parsed.error } }, m)}\n`);
    return 1;
  }
  if (option.out !== null && parsed.command.verb !== 'chart') {
    process.stderr.write(`${m.visual.chart.cli.outWithoutChart}\n`);
    return 1;
  }

  const db = await prepareDatabase(config.databasePath);
  try {
    const plan = await findPlan(db, config.planCode);
    if (!plan) {
      process.stderr.write(`${renderText({ kind: 'error', error: { code: 'no_plan' } }, m)}\n`);
      return 1;
    }
    const ctx = makeContext({
      db,
      plan,
      now: new Date(),
      dueRule: config.dueRule,
      // Whoever runs the CLI already holds the database file, so it acts as an admin.
      actor: { id: 'cli', isAdmin: true, canOpenForms: false },
      alertSettings: alertSettingsOf(config),
    });
    const result = await answer(text, ctx);
    if (result.kind === 'chart') return await writeChart(result, option.out, m);
    const out = renderText(result, m);
    if (result.kind === 'error' || result.kind === 'open_figure_form') {
      process.stderr.write(`${out}\n`);
      return 1;
    }
    process.stdout.write(`${out}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}


/** The chart as PNG files (exit 0), or why not (exit 1, like any answer that cannot be given). */
async function writeChart(result: ChartResult, out: string | null, m: Messages): Promise<number> {
  if (result.plan.indicators.length === 0) {
    process.stderr.write(`${m.visual.chart.nothingToDraw(m.circled(result.plan.number))}\n`);
    return 1;
  }
  // Loaded only here: ECharts, resvg and the fonts take seconds to load on a busy machine, and
  // every other answer of the CLI needs none of them.
  const { drawChart } = await import('../render/chart-draw.ts');
  try {
    const lines = writeChartFiles(drawChart(result, m), out, m);
    process.stdout.write(`${renderText(result, m)}\n${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ChartWriteError)) throw error;
    process.stderr.write(`${m.visual.chart.cli.writeFailed(error.path, error.reason)}\n`);
    return 1;
  }
}
