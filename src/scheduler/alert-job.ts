import { messagesFor, type Messages } from '../messages/index.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import { alertSettingsOf, reminderSettingsOf, type AlertConfig, type AlertSettings } from '../config/alerts.ts';
import { jobNeedsRetry, runAlertJob, type AlertJobOutcome } from '../../commands/alerts/job.ts';
import { settingsForChannel } from '../../commands/alerts/settings.ts';
import { realSetTimer, startAlertScheduler, type AlertScheduler, type SchedulerLogger, type SetTimer } from './schedule.ts';
import { slackAlertPorts } from '../slack-web/alert-ports.ts';
import type { PostMessage } from '../slack-web/post-message.ts';
import type { WorkspaceTarget } from './workspace-targets.ts';

/**
 * The alert job as `npm start` runs it: the scheduler, wired to the app's database and the
 * same Slack settings. At ALERT_TIME on working days it posts the channel digest (when
 * ALERT_CHANNEL is set) and sends the reminder DMs (unless REMINDERS=off). Returns null
 * when both are off.
 *
 * With `workspaces` (many workspaces, #18) each run serves every installed workspace in turn,
 * each with its own token, plan, alert channel and language; a workspace whose digest or
 * reminders failed makes the whole run retry, which the ledgers make safe for the others.
 */
export function scheduleAlerts(options: {
  db: PlanDb;
  /** The one plan of the token mode; unused with `workspaces`. */
  plan?: Plan;
  config: AlertConfig;
  messages: Messages;
  logger: SchedulerLogger;
  clock?: () => Date;
  setTimer?: SetTimer;
  /** Default: chat.postMessage with SLACK_BOT_TOKEN (and SLACK_API_URL, if set). */
  post?: PostMessage;
  workspaces?: () => Promise<WorkspaceTarget[]>;
}): AlertScheduler | null {
  const { config } = options;
  const settings = alertSettingsOf(config);
  const reminders = reminderSettingsOf(config);
  const clock = options.clock ?? (() => new Date());
  const portsFor = (token: string, messages: Messages) =>
    slackAlertPorts({
      token,
      slackApiUrl: config.slackApiUrl,
      messages,
      escalateAfter: config.reminders.escalateAfterWorkingDays,
      ...(options.post ? { post: options.post } : {}),
    });
  const runFor = (plan: Plan, digest: AlertSettings | null, ports: ReturnType<typeof portsFor>) =>
    runAlertJob({
      db: options.db,
      plan,
      digest: digest ? { settings: digest, publisher: ports.publisher } : null,
      reminders: reminders ? { settings: reminders, messenger: ports.messenger } : null,
      clock,
    });

  let run: () => Promise<AlertJobOutcome>;
  if (options.workspaces) {
    const workspaces = options.workspaces;
    run = async () => {
      const outcomes: AlertJobOutcome[] = [];
      for (const target of await workspaces()) {
        const channel = target.settings.alertChannel;
        const digest = channel ? settingsForChannel(channel, settings, config.dueRule) : null;
        const outcome = await runFor(target.plan, digest, portsFor(target.token, messagesFor(target.settings.locale)));
        outcomes.push(outcome);
      }
      return outcomes.find((o) => jobNeedsRetry(o).retry) ?? outcomes[0] ?? { kind: 'job', digest: null, reminders: null };
    };
  } else {
    if (settings === null) options.logger.info('alerts: ALERT_CHANNEL is not set, so the channel digest is off');
    if (reminders === null) options.logger.info('alerts: REMINDERS=off, so no reminder DMs are sent');
    if (settings === null && reminders === null) return null;
    if (!options.post && !config.botToken) throw new Error('alerts need SLACK_BOT_TOKEN to post');
    if (!options.plan) throw new Error('alerts need the plan to watch');
    const plan = options.plan;
    const ports = portsFor(config.botToken ?? '', options.messages);
    run = () => runFor(plan, settings, ports);
  }
  return startAlertScheduler({ clock, setTimer: options.setTimer ?? realSetTimer, time: config.time, logger: options.logger, run });
}
