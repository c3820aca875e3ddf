import { parseArgs } from 'node:util';
import { describeConfigError } from '../config/core.ts';
import { isCivilDate, type CivilDate } from '../domain/fiscal-year.ts';
import { messagesFor } from '../messages/index.ts';
import { findPlan } from '../store/action-plans.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { AlertConfigError, alertSettingsOf, loadAlertConfig } from '../config/alerts.ts';
import { isEmptyDigest } from '../../commands/alerts/digest.ts';
import { renderDigestText } from '../render/digest/text.ts';
import { runAlerts } from '../../commands/alerts/run.ts';
import { digestPublisher } from '../slack-web/digest-publisher.ts';
import { createSlackPoster } from '../slack-web/post-message.ts';

/**
 * `npm run alerts -- [--date YYYY-MM-DD] [--dry-run]`: one alert run, for cron or by hand.
 * Exit 0 when it posted or had nothing new (or a dry run printed), 1 when Slack refused
 * (nothing ledgered: run it again), 2 when it could not start, 3 when another run held the
 * channel for longer than this one would wait.
 */
export const EXIT = { ok: 0, slackFailed: 1, cannotStart: 2, busy: 3 } as const;

/** The channel a dry run previews for when ALERT_CHANNEL is unset: no run ever posted there. */
export const PLACEHOLDER_CHANNEL = 'C0PREVIEW';

export async function alertsCli(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(`${messagesFor('ja').alerts.cli.usage}\n`);
    return EXIT.cannotStart;
  }
  const dryRun = args['dry-run'] === true;

  let config;
  try {
    // A dry run posts nothing, so it needs neither a token nor a channel.
    config = loadAlertConfig(process.env, { token: !dryRun, channel: !dryRun });
  } catch (error) {
    if (!(error instanceof AlertConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`plan-bot: ${describeConfigError(problem)}\n`);
    return EXIT.cannotStart;
  }
  const m = messagesFor(config.locale);
  if (config.channel === undefined) {
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

  const settings = alertSettingsOf(config)!;
  const db = await prepareDatabase(config.databasePath);
  try {
    const plan = await findPlan(db, config.planCode);
    if (!plan) {
      process.stderr.write(`${m.errors.noPlan}\n`);
      return EXIT.cannotStart;
    }
    const post = dryRun
      ? async () => {
          throw new Error('a dry run posts nothing');
        }
      : createSlackPoster({ token: config.botToken!, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) });
    const outcome = await runAlerts({ db, plan, settings, publisher: digestPublisher(m, post), dryRun, ...(runDate ? { runDate } : {}) });
    const day = m.date(outcome.runDate);
    switch (outcome.kind) {
      case 'dry_run':
        process.stdout.write(
          `${isEmptyDigest(outcome.digest) ? m.alerts.cli.nothingNew(day) : renderDigestText(outcome.digest, m)}\n`,
        );
        return EXIT.ok;
      case 'nothing_new':
        process.stdout.write(`${m.alerts.cli.nothingNew(day)}\n`);
        return EXIT.ok;
      case 'posted':
        process.stdout.write(`${m.alerts.cli.posted(day, outcome.channel, outcome.itemCount, outcome.ts)}\n`);
        if (outcome.digest.deferred.length > 0) {
          process.stdout.write(`${m.alerts.cli.deferred(outcome.digest.deferred.length)}\n`);
        }
        return EXIT.ok;
      case 'failed':
        process.stderr.write(`${m.alerts.cli.failed(outcome.detail)}\n`);
        return EXIT.slackFailed;
      case 'busy':
        process.stderr.write(`${m.alerts.cli.busy(outcome.heldBy.holder, m.instant(outcome.heldBy.claimedAt))}\n`);
        return EXIT.busy;
    }
  } finally {
    await db.destroy();
  }
}

