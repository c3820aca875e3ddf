import type { Messages } from '../messages/index.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import { alertSettingsOf, type AlertConfig } from '../config/alerts.ts';
import { runAlerts } from '../../commands/alerts/run.ts';
import { realSetTimer, startAlertScheduler, type AlertScheduler, type SchedulerLogger, type SetTimer } from './schedule.ts';
import { digestPublisher } from '../slack-web/digest-publisher.ts';
import { createSlackPoster, type PostMessage } from '../slack-web/post-message.ts';

/**
 * The alert job as `npm start` runs it: the scheduler, wired to the app's database and the
 * same Slack settings. Returns null when ALERT_CHANNEL is unset (alerts off).
 */
export function scheduleAlerts(options: {
  db: PlanDb;
  plan: Plan;
  config: AlertConfig;
  messages: Messages;
  logger: SchedulerLogger;
  clock?: () => Date;
  setTimer?: SetTimer;
  /** Default: chat.postMessage with SLACK_BOT_TOKEN (and SLACK_API_URL, if set). */
  post?: PostMessage;
}): AlertScheduler | null {
  const settings = alertSettingsOf(options.config);
  if (settings === null) {
    options.logger.info('alerts: ALERT_CHANNEL is not set, so alerts are off');
    return null;
  }
  const { config } = options;
  if (!options.post && !config.botToken) throw new Error('alerts need SLACK_BOT_TOKEN to post');
  const post =
    options.post ??
    createSlackPoster({ token: config.botToken!, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) });
  const clock = options.clock ?? (() => new Date());
  return startAlertScheduler({
    clock,
    setTimer: options.setTimer ?? realSetTimer,
    time: settings.time,
    logger: options.logger,
    run: () =>
      runAlerts({ db: options.db, plan: options.plan, settings, publisher: digestPublisher(options.messages, post), clock }),
  });
}
