import './node-version.ts';
import './wasm-baseline.ts';
import './heap-growth.ts';
import { AlertConfigError, alertSettingsOf, loadAlertConfig, reminderSettingsOf, type AlertConfig } from '../config/alerts.ts';
import { createSlackReads } from '../slack-web/conversations.ts';
import { scheduleAlerts } from '../scheduler/alert-job.ts';
import { scheduleReviewReminders, type ReviewReminderScheduler } from '../scheduler/review-reminder-job.ts';
import type { AlertScheduler } from '../scheduler/schedule.ts';
import { ConfigError, problemsOf } from '../config/core.ts';
import { messagesFor } from '../messages/index.ts';
import { findPlan } from '../store/action-plans.ts';
import type { PlanDb } from '../store/db.ts';
import { MigrationError } from '../store/migrate.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { createSlackApp, DEFAULT_GRACE_MS } from '../slack/app.ts';
import { describeConfigError, loadSlackConfig, type SlackConfig } from '../config/slack.ts';
import { createLogger, redact } from '../slack/logger.ts';
import { EVENTS_PATH, INSTALL_PATH } from '../slack/receivers.ts';
import { defaultsOf } from '../slack/workspaces.ts';
import { workspaceTargets } from '../scheduler/workspace-targets.ts';
import { LOCAL_WORKSPACE, markInstalled } from '../store/workspaces.ts';
import { exitQuietlyOnBrokenPipe, loadDotEnv } from './process-setup.ts';
import { useProxy } from './proxy-setup.ts';

/**
 * `npm start`: the bot in Slack. Exit 0 after a clean shutdown on SIGTERM/SIGINT, 1 when
 * it could not start (the reason on one line of stderr).
 */
async function main(): Promise<number> {
  exitQuietlyOnBrokenPipe();
  try {
    loadDotEnv();
  } catch (error) {
    return fail((error as Error).message);
  }
  // Every bad variable at once, one line each, so they are all fixed in one round.
  const problems: ConfigError[] = [];
  let config: SlackConfig | undefined;
  let alertConfig: AlertConfig | undefined;
  try {
    config = loadSlackConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...problemsOf(error));
  }
  try {
    // The same variables `npm run alerts` reads; alerts are off when ALERT_CHANNEL is unset.
    // With OAuth the tokens are the installations', so none is read from the environment.
    alertConfig = loadAlertConfig(process.env, { token: !process.env.SLACK_CLIENT_ID?.trim(), channel: false });
  } catch (error) {
    if (!(error instanceof AlertConfigError)) throw error;
    for (const p of error.problems) if (!problems.some((q) => q.variable === p.variable)) problems.push(p);
  }
  if (problems.length > 0 || !config || !alertConfig) return fail(...problems.map(describeConfigError));

  const logger = createLogger({ secrets: [config.botToken, config.signingSecret, config.appToken, config.oauth?.clientSecret, config.oauth?.stateSecret] });
  // A rejection nobody awaited is a bug to log, not a reason to drop every conversation in flight.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection (the bot keeps running):', reason));
  useProxy(config.httpsProxy);
  if (config.admins.length === 0 && !config.oauth) {
    logger.warn(
      'PLAN_ADMINS is not set: nobody can record figures or add owners until it lists at least one Slack user id (e.g. PLAN_ADMINS=U0123ABCD)',
    );
  }

  // Like the CLI: the first start creates, migrates and seeds the database.
  let db: PlanDb;
  try {
    db = await prepareDatabase(config.database);
  } catch (error) {
    if (error instanceof MigrationError) {
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      return fail(`${config.databaseLabel}: ${error.message}${error.name === 'MigrationError' ? cause : ''}`);
    }
    return fail(
      `${config.databaseLabel} could not be opened (${error instanceof Error ? error.message : String(error)}): ` +
        (config.database === config.databasePath ? 'point it at a writable file' : 'check that the server is up and the URL right'),
    );
  }
  // The token mode answers about one plan, which must be there; with OAuth each workspace gets its own at install.
  const plan = await findPlan(db, config.planCode, LOCAL_WORKSPACE);
  if (!plan && !config.oauth) {
    await db.destroy();
    return fail(
      config.planCode
        ? `PLAN_CODE ${config.planCode} is not in ${config.databaseLabel}: unset PLAN_CODE or use a plan code that exists`
        : `no plan found in ${config.databaseLabel}: check ${config.databaseLabel.split(' ')[0]}`,
    );
  }

  // Listened for before anything starts: a supervisor's SIGTERM during start-up (the channel
  // check, the schedulers) still ends in an orderly stop rather than Node's default kill.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  const alertSettings = alertSettingsOf(alertConfig);
  let alerts: AlertScheduler | null = null;
  let reviewReminders: ReviewReminderScheduler | null = null;
  const reminderSettings = reminderSettingsOf(alertConfig);
  const bot = createSlackApp({ config, db, ...(plan && !config.oauth ? { plan } : {}), clock: () => new Date(), logger, alertSettings, reminderSettings });
  const defaults = defaultsOf({ config, alertSettings, ...(plan ? { plan } : {}) });
  const workspaces = () => workspaceTargets(db, { defaults, token: config.botToken });
  try {
    const listening = await bot.start();
    logger.info(
      listening.mode === 'http'
        ? `plan-bot is listening on port ${listening.port} at POST ${EVENTS_PATH} (HTTP mode)`
        : 'plan-bot is connected to Slack (Socket Mode)',
      config.oauth
        ? `— many workspaces: install at GET ${INSTALL_PATH}; locale ${config.locale}, database ${config.databaseLabel}`
        : `— plan ${plan!.code}, locale ${config.locale}, database ${config.databaseLabel}`,
    );
    // The token works (start checked it), so the workspace is installed, whatever an earlier uninstall said.
    if (!config.oauth) await markInstalled(db, LOCAL_WORKSPACE);
    alerts = scheduleAlerts({ db, config: alertConfig, messages: messagesFor(config.locale), logger, workspaces });
    const next = alerts?.nextRunAt();
    if (next && alertSettings) logger.info(`alerts: next digest to ${alertSettings.channel} at ${next.toISOString()}`);
    if (next && reminderSettings) logger.info(`alerts: next reminders at ${next.toISOString()}`);
    if (alertSettings && config.botToken) await warnAboutAlertChannel(config, config.botToken, alertSettings.channel, logger);
    reviewReminders = scheduleReviewReminders({
      db,
      committee: config.committee,
      messages: messagesFor(config.locale),
      logger,
      workspaces,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    });
    // The chart renderer is not warmed up here: ECharts, resvg and the fonts would hold ~45 MB in
    // every bot for the few who draw charts (#14). The first chart pays ~0.5 s instead, behind
    // the "drawing…" it is acknowledged with.
  } catch (error) {
    await bot.stop(0).catch(() => undefined);
    await db.destroy();
    if (error instanceof ConfigError) return fail(describeConfigError(error));
    // SlackUnreachableError and SocketModeUnreachableError already say where and why.
    if (error instanceof Error && /Unreachable/.test(error.name)) return fail(error.message);
    return fail(`could not connect to Slack: ${error instanceof Error ? error.message : String(error)}`);
  }

  const signal = await stopSignal;
  logger.info(`${signal}: no new requests; finishing the ones in flight`);
  // Should anything hang, a supervisor must still see the process go.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, DEFAULT_GRACE_MS * 2).unref();
  // The scheduler first: a digest being posted finishes and is ledgered before the database closes.
  await alerts?.stop();
  await reviewReminders?.stop();
  await bot.stop();
  await db.destroy();
  logger.info('stopped; database closed');
  return 0;
}

/** A bot that is not in the alert channel cannot post there: say how to fix it at start, not at 9:00. */
async function warnAboutAlertChannel(config: SlackConfig, token: string, channel: string, logger: ReturnType<typeof createLogger>): Promise<void> {
  const reads = createSlackReads({ token, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) });
  const check = await reads.checkChannel(channel);
  const m = messagesFor(config.locale);
  if (check.kind === 'not_in_channel') logger.warn(`alerts: ${m.reminders.channel.notInChannel(channel)}`);
  else if (check.kind === 'not_found') logger.warn(`alerts: ${m.reminders.channel.notFound(channel)}`);
  else if (check.kind === 'unknown') logger.warn(`alerts: could not check the alert channel ${channel} (${check.detail})`);
}

function fail(...lines: string[]): number {
  for (const line of lines) process.stderr.write(`plan-bot: ${redact(line, [])}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Messages only: a stack could quote a request, and those carry tokens.
    process.exit(fail(error instanceof Error ? error.message : String(error)));
  },
);
