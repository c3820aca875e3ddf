import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { parseCommand } from '../../commands/grammar.ts';
import { AlertConfigError, alertSettingsOf, loadAlertConfig, reminderSettingsOf, workspaceDefaultsOf } from '../config/alerts.ts';
import { describeConfigError } from '../config/core.ts';
import { messagesFor } from '../messages/index.ts';
import type { CommandResult } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { renderText, type TextDoor } from '../render/text.ts';
import type { ChartResult } from '../render/chart-spec.ts';
import { ChartWriteError, splitOutOption, writeChartFiles } from './chart-out.ts';
import { resolveWorkspace } from '../../commands/settings.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { writeExport } from './export-file.ts';
import { processIo } from './io.ts';

/** How the CLI is invoked, said wherever the messages say `/plan`. */
export const CLI_INVOCATION = 'npm run plan --';

/** The version of the `--json` output's shape (docs/cli.md); raised on any incompatible change. */
export const JSON_FORMAT = 'plan-bot.cli/1';

export function cliDoor(m: Messages): TextDoor {
  const c = m.hardening.cli;
  return {
    invocation: CLI_INVOCATION,
    omitVerbs: ['report'],
    usage: c.usage,
    optionsTitle: c.optionsTitle,
    options: [...c.options, m.visual.chart.cli.outOption],
    notes: [c.exitCodes, c.formsInSlack],
  };
}

/**
 * `npm run plan -- <text> [--json]`: exactly what a person would type after `/plan`,
 * answered in the terminal from the same handlers Slack uses. `--help` prints the CLI's own
 * usage; `--json` prints the result as JSON on stdout (docs/cli.md). Exit 0 on an answer, 1
 * when the input could not be answered, 2 when the bot itself could not start.
 */
export async function planCli(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const words = argv.filter((a) => a !== '--json' && a !== '--help' && a !== '-h');
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
  const option = splitOutOption(words);
  if (!option.ok) {
    process.stderr.write(`${m.visual.chart.cli.outMissing}\n`);
    return 1;
  }
  const door = cliDoor(m);
  const text = wantsHelp ? 'help' : option.rest.join(' ');
  const print = (result: CommandResult, code: number): number => {
    const out = renderText(result, m, door);
    if (json) process.stdout.write(`${JSON.stringify({ format: JSON_FORMAT, ok: code === 0, exitCode: code, result, text: out }, null, 2)}\n`);
    else (code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
    return code;
  };

  // Grammar mistakes are answered before the database is even opened: nothing to write.
  const parsed = parseCommand(text);
  if (!parsed.ok) return print({ kind: 'error', error: { code: 'parse', error: parsed.error } }, 1);
  if (parsed.command.verb === 'help') return print({ kind: 'help' }, 0);
  if (option.out !== null && parsed.command.verb !== 'chart') {
    process.stderr.write(`${m.visual.chart.cli.outWithoutChart}\n`);
    return 1;
  }

  const db = await prepareDatabase(config.database);
  try {
    const settingsDefaults = workspaceDefaultsOf(config);
    const { plan } = await resolveWorkspace(db, config.workspace, settingsDefaults);
    if (!plan) return print({ kind: 'error', error: { code: 'no_plan' } }, 1);
    const ctx = makeContext({
      db,
      workspace: config.workspace,
      settingsDefaults,
      plan,
      now: new Date(),
      dueRule: config.dueRule,
      // Whoever runs the CLI already holds the database file, so it acts as an admin.
      actor: { id: 'cli', isAdmin: true, canOpenForms: false },
      alertSettings: alertSettingsOf(config),
      reminderSettings: reminderSettingsOf(config),
      committee: config.committee,
    });
    const result = await answer(text, ctx);
    if (result.kind === 'chart') return await writeChart(result, option.out, m);
    // `npm run plan -- export csv` writes the file as `npm run export` would, here.
    if (result.kind === 'export') return await writeExport(ctx, result, m, processIo());
    return print(result, result.kind === 'error' || result.kind === 'open_figure_form' ? 1 : 0);
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
