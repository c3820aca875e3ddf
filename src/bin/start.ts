import { AlertConfigError, alertSettingsOf, loadAlertConfig, type AlertConfig } from '../config/alerts.ts';
import { scheduleAlerts } from '../scheduler/alert-job.ts';
import type { AlertScheduler } from '../scheduler/schedule.ts';
import { ConfigError } from '../config/core.ts';
import { messagesFor } from '../messages/index.ts';
import { findPlan } from '../store/action-plans.ts';
import type { PlanDb } from '../store/db.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { createSlackApp, DEFAULT_GRACE_MS } from '../slack/app.ts';
import { describeConfigError, loadSlackConfig, type SlackConfig } from '../config/slack.ts';
import { createLogger, redact } from '../slack/logger.ts';
import { EVENTS_PATH } from '../slack/receivers.ts';

/**
 * `npm start`: the bot in Slack. Exit 0 after a clean shutdown on SIGTERM/SIGINT, 1 when
 * it could not start (the reason on one line of stderr).
 */
async function main(): Promise<number> {
  let config: SlackConfig;
  let alertConfig: AlertConfig;
  try {
    config = loadSlackConfig();
    // The same variables `npm run alerts` reads; alerts are off when ALERT_CHANNEL is unset.
    alertConfig = loadAlertConfig(process.env, { token: true, channel: false });
  } catch (error) {
    if (error instanceof ConfigError) return fail(describeConfigError(error));
    if (error instanceof AlertConfigError) return fail(describeConfigError(error.problems[0]!));
    throw error;
  }
  const logger = createLogger({ secrets: [config.botToken, config.signingSecret, config.appToken] });

  // Like the CLI: the first start creates, migrates and seeds the database.
  let db: PlanDb;
  try {
    db = await prepareDatabase(config.databasePath);
  } catch (error) {
    return fail(
      `DATABASE_PATH ${config.databasePath} could not be opened (${error instanceof Error ? error.message : String(error)}): ` +
        'point it at a writable file',
    );
  }
  const plan = await findPlan(db, config.planCode);
  if (!plan) {
    await db.destroy();
    return fail(
      config.planCode
        ? `PLAN_CODE ${config.planCode} is not in ${config.databasePath}: unset PLAN_CODE or use a plan code that exists`
        : `no plan found in ${config.databasePath}: check DATABASE_PATH`,
    );
  }

  const alertSettings = alertSettingsOf(alertConfig);
  let alerts: AlertScheduler | null = null;
  const bot = createSlackApp({ config, db, plan, clock: () => new Date(), logger, alertSettings });
  try {
    const listening = await bot.start();
    logger.info(
      listening.mode === 'http'
        ? `plan-bot is listening on port ${listening.port} at POST ${EVENTS_PATH} (HTTP mode)`
        : 'plan-bot is connected to Slack (Socket Mode)',
      `— plan ${plan.code}, locale ${config.locale}, database ${config.databasePath}`,
    );
    alerts = scheduleAlerts({ db, plan, config: alertConfig, messages: messagesFor(config.locale), logger });
    const next = alerts?.nextRunAt();
    if (next) logger.info(`alerts: next digest to ${alertSettings!.channel} at ${next.toISOString()}`);
    void warmUpCharts(logger);
  } catch (error) {
    await bot.stop(0).catch(() => undefined);
    await db.destroy();
    if (error instanceof ConfigError) return fail(describeConfigError(error));
    return fail(`could not connect to Slack: ${error instanceof Error ? error.message : String(error)}`);
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info(`${signal}: no new requests; finishing the ones in flight`);
  // Should anything hang, a supervisor must still see the process go.
  setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, DEFAULT_GRACE_MS * 2).unref();
  // The scheduler first: a digest being posted finishes and is ledgered before the database closes.
  await alerts?.stop();
  await bot.stop();
  await db.destroy();
  logger.info('stopped; database closed');
  return 0;
}

/**
 * Loads the chart renderer, reads the fonts (9 MB) and draws a tiny chart once, so no one's first
 * chart pays for it. After connecting, so the bot is up as soon as before; a request arriving in
 * that moment (a few hundred milliseconds) waits for it. A failure only costs the first chart its
 * speed: charts report their own errors.
 */
async function warmUpCharts(logger: ReturnType<typeof createLogger>): Promise<void> {
  const started = performance.now();
  try {
    const { warmUpChartRenderer } = await import('../render/chart/index.ts');
    await new Promise((resolve) => setImmediate(resolve));
    warmUpChartRenderer();
    logger.info(`charts: renderer ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    logger.warn(`charts: the renderer could not be warmed up (${error instanceof Error ? error.message : String(error)})`);
  }
}

function fail(line: string): number {
  process.stderr.write(`plan-bot: ${redact(line, [])}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Messages only: a stack could quote a request, and those carry tokens.
    process.exit(fail(error instanceof Error ? error.message : String(error)));
  },
);
