import { runReviewReminders, type ReminderRun } from '../../commands/review/reminders.ts';
import { nextRunAt, type TimeOfDay } from '../domain/working-days.ts';
import { messagesFor, type Messages } from '../messages/index.ts';
import type { WorkspaceTarget } from './workspace-targets.ts';
import { reviewReminderNotice } from '../render/blocks/review-notices.ts';
import { createSlackPoster, type PostMessage } from '../slack-web/post-message.ts';
import type { PlanDb } from '../store/db.ts';
import { realSetTimer, type SchedulerLogger, type SetTimer, type TimerHandle } from './schedule.ts';

/**
 * The review's one reminder before a meeting (commands/review/reminders.ts), run once every
 * working day. Kept apart from the alert digest's scheduler: it has its own ledger
 * (review_reminder), posts to members rather than a channel, and needs no ALERT_CHANNEL.
 */

/** Half an hour after the default digest, so the two never post at the same minute. */
export const DEFAULT_REMINDER_TIME: TimeOfDay = { hour: 9, minute: 30 };

// setTimeout overflows past 2^31-1 ms (~24.8 days) and fires at once; long waits are split.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ReviewReminderScheduler {
  nextRunAt(): Date | null;
  /** Cancels the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function scheduleReviewReminders(options: {
  db: PlanDb;
  /** PLAN_COMMITTEE; changes made in Slack are read from the database at each run. */
  committee: readonly string[];
  messages: Messages;
  logger: SchedulerLogger;
  /** SLACK_BOT_TOKEN (and SLACK_API_URL), unless `post` is given. */
  botToken?: string;
  slackApiUrl?: string;
  post?: PostMessage;
  /** Many workspaces: each run reminds every installed workspace's committee with its own token and words. */
  workspaces?: () => Promise<WorkspaceTarget[]>;
  time?: TimeOfDay;
  clock?: () => Date;
  setTimer?: SetTimer;
}): ReviewReminderScheduler {
  const { logger } = options;
  if (!options.post && !options.botToken && !options.workspaces) throw new Error('review reminders need SLACK_BOT_TOKEN to post');
  const posterFor = (token: string) => createSlackPoster({ token, ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}) });
  const single = async () => [
    { workspace: undefined, post: options.post ?? posterFor(options.botToken!), messages: options.messages },
  ];
  const runs = options.workspaces
    ? async () =>
        (await options.workspaces!()).map((t) => ({
          workspace: t.workspace,
          post: options.post ?? posterFor(t.token),
          messages: messagesFor(t.settings.locale),
        }))
    : single;
  const clock = options.clock ?? (() => new Date());
  const setTimer = options.setTimer ?? realSetTimer;
  const time = options.time ?? DEFAULT_REMINDER_TIME;
  let timer: TimerHandle | null = null;
  let pendingAt: Date | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOnce = async (): Promise<void> => {
    try {
      for (const { workspace, post, messages } of await runs()) {
        const run: ReminderRun = await runReviewReminders({
          db: options.db,
          ...(workspace ? { workspace } : {}),
          committee: options.committee,
          now: clock(),
          send: async (reminder) => {
            await post({ channel: reminder.memberId, ...reviewReminderNotice(reminder, messages) });
          },
        });
        const where = workspace ? ` in ${workspace}` : '';
        if (run.sent.length) logger.info(`review reminders: sent ${run.sent.length}${where}`);
        for (const { reminder, error } of run.failed) {
          logger.error(`review reminders: could not remind ${reminder.memberId}${where} (FY${reminder.fiscalYear}); will try again`, error);
        }
      }
    } catch (error) {
      logger.error('review reminders: run failed', error);
    }
  };

  const arm = (at: Date): void => {
    if (stopped) return;
    pendingAt = at;
    const delay = at.getTime() - clock().getTime();
    timer = setTimer(() => {
      timer = null;
      if (stopped) return;
      // Early (a split long wait, an adjusted clock): wait for the real time.
      if (clock().getTime() < at.getTime()) return arm(at);
      running = runOnce().finally(() => {
        running = null;
        arm(nextRunAt(clock(), time));
      });
    }, Math.min(Math.max(0, delay), MAX_TIMER_MS));
  };

  arm(nextRunAt(clock(), time));
  return {
    nextRunAt: () => (stopped ? null : pendingAt),
    async stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      pendingAt = null;
      if (running) await running;
    },
  };
}
