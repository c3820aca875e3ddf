import type { Messages } from '../messages/index.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import { alertSettingsOf, reminderSettingsOf, type AlertConfig } from '../config/alerts.ts';
import { runAlertJob } from '../../commands/alerts/job.ts';
import { realSetTimer, startAlertScheduler, type AlertScheduler, type SchedulerLogger, type SetTimer } from './schedule.ts';
import { slackAlertPorts } from '../slack-web/alert-ports.ts';
import type { PostMessage } from '../slack-web/post-message.ts';

/**
 * The alert job as `npm start` runs it: the scheduler, wired to the app's database and the
 * same Slack settings. At ALERT_TIME on working days it posts the channel digest (when
 * ALERT_CHANNEL is set) and sends the reminder DMs (unless REMINDERS=off). Returns null
 * when both are off.
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
  const { config } = options;
  const settings = alertSettingsOf(config);
  const reminders = reminderSettingsOf(config);
  if (settings === null) options.logger.info('alerts: ALERT_CHANNEL is not set, so the channel digest is off');
  if (reminders === null) options.logger.info('alerts: REMINDERS=off, so no reminder DMs are sent');
  if (settings === null && reminders === null) return null;
  if (!options.post && !config.botToken) throw new Error('alerts need SLACK_BOT_TOKEN to post');
  const ports = slackAlertPorts({
    token: config.botToken ?? '',
    slackApiUrl: config.slackApiUrl,
    messages: options.messages,
    escalateAfter: config.reminders.escalateAfterWorkingDays,
    ...(options.post ? { post: options.post } : {}),
  });
  const clock = options.clock ?? (() => new Date());
  return startAlertScheduler({
    clock,
    setTimer: options.setTimer ?? realSetTimer,
    time: config.time,
    logger: options.logger,
    run: () =>
      runAlertJob({
        db: options.db,
        plan: options.plan,
        digest: settings ? { settings, publisher: ports.publisher } : null,
        reminders: reminders ? { settings: reminders, messenger: ports.messenger } : null,
        clock,
      }),
  });
}
