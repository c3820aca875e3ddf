import { parseArgs } from 'node:util';
import { describeConfigError, ConfigError } from '../config/core.ts';
import { isCivilDate, type CivilDate } from '../domain/fiscal-year.ts';
import { messagesFor, type Messages } from '../messages/index.ts';
import { resolveWorkspace } from '../../commands/settings.ts';
import { settingsForChannel } from '../../commands/alerts/settings.ts';
import { installedBotToken } from '../store/workspaces.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { AlertConfigError, alertSettingsOf, loadAlertConfig, reminderSettingsOf, workspaceDefaultsOf, type AlertConfig } from '../config/alerts.ts';
import { isEmptyDigest } from '../../commands/alerts/digest.ts';
import { runAlertJob } from '../../commands/alerts/job.ts';
import type { AlertRunOutcome } from '../../commands/alerts/run.ts';
import type { ReminderRunOutcome } from '../../commands/reminders/run.ts';
import { renderDigestText } from '../render/digest/text.ts';
import { renderReminderPreviewText } from '../render/reminders/preview.ts';
import { slackAlertPorts } from '../slack-web/alert-ports.ts';

/**
 * `npm run alerts -- [--date YYYY-MM-DD] [--dry-run]`: one alert job, for cron or by hand —
 * the channel digest (when ALERT_CHANNEL is set) and the reminder DMs (unless REMINDERS=off).
 * Exit 0 when it posted or had nothing new (or a dry run printed), 1 when Slack refused
 * (nothing ledgered: run it again), 2 when it could not start, 3 when another run held the
 * channel for longer than this one would wait, 4 when Slack did not answer a post: it may
 * have arrived, and the next run checks Slack's history before posting it again.
 */
export const EXIT = { ok: 0, slackFailed: 1, cannotStart: 2, busy: 3, outcomeUnknown: 4 } as const;

/** The channel a dry run previews for when ALERT_CHANNEL is unset: no run ever posted there. */
export const PLACEHOLDER_CHANNEL = 'C0PREVIEW';

export async function alertsCli(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`${messagesFor('ja').alerts.cli.usage}\n`);
    return EXIT.cannotStart;
  }
  if (args.help === true) {
    process.stdout.write(`${messagesFor('ja').alerts.cli.usage}\n`);
    return EXIT.ok;
  }
  const dryRun = args['dry-run'] === true;

  let config: AlertConfig;
  try {
    // A dry run posts nothing, so it needs neither a token nor a channel. With OAuth
    // (SLACK_CLIENT_ID) the token is PLAN_WORKSPACE's installation's, read from the database.
    config = loadAlertConfig(process.env, { token: !dryRun && !process.env.SLACK_CLIENT_ID?.trim(), channel: false });
    // Without a channel there is still work (the reminders), unless those are off too.
    if (!dryRun && config.channel === undefined && !config.reminders.enabled) {
      throw new AlertConfigError([new ConfigError('ALERT_CHANNEL', 'is not set (and REMINDERS=off): there is nothing to send')]);
    }
  } catch (error) {
    if (!(error instanceof AlertConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`plan-bot: ${describeConfigError(problem)}\n`);
    return EXIT.cannotStart;
  }
  const m = messagesFor(config.locale);
  if (dryRun && config.channel === undefined) {
    config = { ...config, channel: PLACEHOLDER_CHANNEL };
    process.stderr.write(`${m.hardening.placeholderChannel(PLACEHOLDER_CHANNEL)}\n`);
  }

  let runDate: CivilDate | undefined;
  if (args.date !== undefined) {
    const date = args.date.normalize('NFKC').trim();
    if (!isCivilDate(date)) {
      process.stderr.write(`${m.errors.badDate(args.date)}\n${m.alerts.cli.usage}\n`);
      return EXIT.cannotStart;
    }
    runDate = date;
  }

  const reminders = reminderSettingsOf(config);
  const db = await prepareDatabase(config.database);
  try {
    // The workspace's own settings (changed in Slack) over the environment's: its plan and alert channel.
    const defaults = workspaceDefaultsOf(config);
    const { settings: workspace, plan } = await resolveWorkspace(db, config.workspace, defaults);
    if (!plan) {
      process.stderr.write(`${m.errors.noPlan}\n`);
      return EXIT.cannotStart;
    }
    const configured = alertSettingsOf(config);
    const settings = workspace.alertChannel ? settingsForChannel(workspace.alertChannel, configured, config.dueRule) : null;
    const token = config.botToken ?? (await installedBotToken(db, config.workspace));
    if (!dryRun && token === undefined) {
      process.stderr.write(`plan-bot: ${describeConfigError(new ConfigError('PLAN_WORKSPACE', `${config.workspace} is not installed: it has no bot token to post with`))}\n`);
      return EXIT.cannotStart;
    }
    const ports = slackAlertPorts({
      token: token ?? '',
      slackApiUrl: config.slackApiUrl,
      messages: m,
      escalateAfter: config.reminders.escalateAfterWorkingDays,
      ...(dryRun
        ? {
            post: async () => {
              throw new Error('a dry run posts nothing');
            },
          }
        : {}),
    });

    let exit: number = EXIT.ok;
    let digestSettings = settings;
    if (settings && !dryRun) {
      // A bot that is not in the channel cannot post there, however often it tries: say how to fix it now.
      const check = await ports.reads.checkChannel(settings.channel);
      if (check.kind === 'not_in_channel' || check.kind === 'not_found') {
        const say = check.kind === 'not_in_channel' ? m.reminders.channel.notInChannel : m.reminders.channel.notFound;
        process.stderr.write(`${say(settings.channel)}\n`);
        digestSettings = null;
        exit = EXIT.slackFailed;
      }
    }

    const outcome = await runAlertJob({
      db,
      plan,
      digest: digestSettings ? { settings: digestSettings, publisher: ports.publisher } : null,
      reminders: reminders ? { settings: reminders, messenger: ports.messenger } : null,
      dryRun,
      ...(runDate ? { runDate } : {}),
    });
    if (outcome.digest) exit = worst(exit, reportDigest(outcome.digest, m));
    if (outcome.reminders) exit = worst(exit, reportReminders(outcome.reminders, m));
    return exit;
  } finally {
    await db.destroy();
  }
}

/** Of two exit codes, the one that asks the most of the operator. */
function worst(a: number, b: number): number {
  const rank = [EXIT.ok, EXIT.busy, EXIT.slackFailed, EXIT.outcomeUnknown, EXIT.cannotStart];
  return rank.indexOf(a as never) >= rank.indexOf(b as never) ? a : b;
}

function reportDigest(outcome: AlertRunOutcome, m: Messages): number {
  const day = m.date(outcome.runDate);
  switch (outcome.kind) {
    case 'dry_run':
      process.stdout.write(`${isEmptyDigest(outcome.digest) ? m.alerts.cli.nothingNew(day) : renderDigestText(outcome.digest, m)}\n`);
      return EXIT.ok;
    case 'nothing_new':
      if (outcome.recovered) process.stdout.write(`${m.reminders.cli.recovered(outcome.recovered)}\n`);
      process.stdout.write(`${m.alerts.cli.nothingNew(day)}\n`);
      return EXIT.ok;
    case 'posted':
      if (outcome.recovered > 0) process.stdout.write(`${m.reminders.cli.recovered(outcome.recovered)}\n`);
      if (outcome.repeated) process.stdout.write(`${m.reminders.cli.repeated}\n`);
      process.stdout.write(`${m.alerts.cli.posted(day, outcome.channel, outcome.itemCount, outcome.ts)}\n`);
      if (outcome.digest.deferred.length > 0) process.stdout.write(`${m.alerts.cli.deferred(outcome.digest.deferred.length)}\n`);
      return EXIT.ok;
    case 'failed':
      if (outcome.unknownOutcome) {
        process.stderr.write(`${m.reminders.cli.digestUnknown(outcome.detail)}\n`);
        return EXIT.outcomeUnknown;
      }
      process.stderr.write(
        `${outcome.detail === 'not_in_channel' ? m.reminders.channel.notInChannel(outcome.channel) : m.alerts.cli.failed(outcome.detail)}\n`,
      );
      return EXIT.slackFailed;
    case 'busy':
      process.stderr.write(`${m.alerts.cli.busy(outcome.heldBy.holder, m.instant(outcome.heldBy.claimedAt))}\n`);
      return EXIT.busy;
  }
}

function reportReminders(outcome: ReminderRunOutcome, m: Messages): number {
  const day = m.date(outcome.runDate);
  switch (outcome.kind) {
    case 'dry_run':
      process.stdout.write(`\n${renderReminderPreviewText({ kind: 'preview', runDate: outcome.runDate, runAt: null, plan: outcome.plan }, m)}\n`);
      return EXIT.ok;
    case 'not_working_day':
      process.stdout.write(`${m.reminders.cli.notWorkingDay(day)}\n`);
      return EXIT.ok;
    case 'quiet':
      process.stdout.write(`${m.reminders.cli.quiet}\n`);
      return EXIT.ok;
    case 'nothing_new':
      process.stdout.write(`${m.reminders.cli.nothing(day)}\n`);
      return EXIT.ok;
    case 'sent':
      process.stdout.write(`${m.reminders.cli.sent(day, outcome.dms, outcome.escalations)}\n`);
      return EXIT.ok;
    case 'busy':
      process.stderr.write(`${m.reminders.cli.busy(outcome.heldBy.holder, m.instant(outcome.heldBy.claimedAt))}\n`);
      return EXIT.busy;
    case 'failed':
      if (outcome.unknownOutcome) {
        process.stderr.write(`${m.reminders.cli.unknown(outcome.detail)}\n`);
        return EXIT.outcomeUnknown;
      }
      process.stderr.write(`${m.reminders.cli.failed(outcome.detail, outcome.dms + outcome.escalations)}\n`);
      return EXIT.slackFailed;
  }
}
