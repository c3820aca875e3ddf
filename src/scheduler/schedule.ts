import { nextRunAt } from '../domain/working-days.ts';
import type { AlertTime } from '../config/alerts.ts';
import type { AlertRunOutcome } from '../../commands/alerts/run.ts';
import { jobNeedsRetry, type AlertJobOutcome } from '../../commands/alerts/job.ts';
import type { ReminderRunOutcome } from '../../commands/reminders/run.ts';

type Outcome = AlertRunOutcome | AlertJobOutcome;

/**
 * When the alert job runs: at ALERT_TIME, Tokyo time, on the city's working days. The next
 * fire time is a pure function of "now"; the scheduler only sets one timer at a time for it.
 */

export interface TimerHandle {
  cancel(): void;
}

export type SetTimer = (fire: () => void, delayMs: number) => TimerHandle;

export const realSetTimer: SetTimer = (fire, delayMs) => {
  const handle = setTimeout(fire, delayMs);
  return { cancel: () => clearTimeout(handle) };
};

export interface SchedulerLogger {
  info(...message: unknown[]): void;
  warn(...message: unknown[]): void;
  error(...message: unknown[]): void;
}

export interface RetryPolicy {
  /** Wait before retrying a failed run the same day (longer if Slack's Retry-After says so). */
  delayMs: number;
  /** Retries after one scheduled fire; then it waits for the next working day. */
  maxRetries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { delayMs: 15 * 60_000, maxRetries: 3 };

export interface AlertSchedulerOptions {
  clock: () => Date;
  time: AlertTime;
  /** The digest alone, or the whole job (digest and reminders). */
  run: () => Promise<Outcome>;
  logger: SchedulerLogger;
  setTimer?: SetTimer;
  retry?: RetryPolicy;
}

export interface AlertScheduler {
  /** When the pending timer will run the job; null once stopped. */
  nextRunAt(): Date | null;
  /** Cancels the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

// setTimeout overflows past 2^31-1 ms (~24.8 days) and fires at once; long waits are split.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startAlertScheduler(options: AlertSchedulerOptions): AlertScheduler {
  const { clock, time, logger } = options;
  const setTimer = options.setTimer ?? realSetTimer;
  const retry = options.retry ?? DEFAULT_RETRY;
  let timer: TimerHandle | null = null;
  let pendingAt: Date | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const arm = (at: Date, retriesLeft: number): void => {
    if (stopped) return;
    pendingAt = at;
    const delay = at.getTime() - clock().getTime();
    if (delay > MAX_TIMER_MS) {
      timer = setTimer(() => arm(at, retriesLeft), MAX_TIMER_MS);
      return;
    }
    timer = setTimer(() => fire(at, retriesLeft), Math.max(0, delay));
  };

  const fire = (at: Date, retriesLeft: number): void => {
    timer = null;
    if (stopped) return;
    // A timer may fire early (clock adjustments, suspended hosts): wait for the real time.
    if (clock().getTime() < at.getTime()) {
      arm(at, retriesLeft);
      return;
    }
    running = runOnce()
      .then((outcome) => afterRun(outcome, retriesLeft))
      .finally(() => {
        running = null;
      });
  };

  const runOnce = async (): Promise<Outcome | null> => {
    try {
      const outcome = await options.run();
      logger.info(`alerts: ${describeOutcome(outcome)}`);
      return outcome;
    } catch (error) {
      logger.error('alerts: run failed', error);
      return null;
    }
  };

  const afterRun = (outcome: Outcome | null, retriesLeft: number): void => {
    const now = clock();
    const regular = nextRunAt(now, time);
    const verdict =
      outcome === null
        ? { retry: true, retryAfterSeconds: 0 }
        : outcome.kind === 'job'
          ? jobNeedsRetry(outcome)
          : jobNeedsRetry({ kind: 'job', digest: outcome, reminders: null });
    if (verdict.retry && retriesLeft > 0) {
      const waitMs = Math.max(retry.delayMs, verdict.retryAfterSeconds * 1000);
      const retryAt = new Date(now.getTime() + waitMs);
      if (retryAt < regular) {
        logger.warn(`alerts: will retry at ${retryAt.toISOString()}`);
        arm(retryAt, retriesLeft - 1);
        return;
      }
    }
    arm(regular, retry.maxRetries);
  };

  const first = nextRunAt(clock(), time);
  arm(first, retry.maxRetries);
  logger.info(`alerts: first run at ${first.toISOString()}`);

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

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'job') {
    const parts = [];
    if (outcome.digest) parts.push(`digest: ${describeOutcome(outcome.digest)}`);
    if (outcome.reminders) parts.push(`reminders: ${describeReminders(outcome.reminders)}`);
    return parts.join('; ') || 'nothing to do';
  }
  switch (outcome.kind) {
    case 'posted':
      return `posted ${outcome.itemCount} items for ${outcome.runDate} to ${outcome.channel} (ts ${outcome.ts})`;
    case 'nothing_new':
      return `nothing new for ${outcome.runDate}`;
    case 'dry_run':
      return `dry run for ${outcome.runDate}`;
    case 'busy':
      return `another run (${outcome.heldBy.holder}) holds ${outcome.channel}`;
    case 'failed':
      if (outcome.unknownOutcome) return `no answer from Slack (${outcome.detail}); the next run checks the channel before posting`;
      if (outcome.detail === 'not_in_channel') return `posting failed: the bot is not in ${outcome.channel}; run /invite @plan-bot there`;
      return `posting failed (${outcome.detail}); nothing was ledgered`;
  }
}

function describeReminders(outcome: ReminderRunOutcome): string {
  switch (outcome.kind) {
    case 'sent':
      return `sent ${outcome.dms} DMs and ${outcome.escalations} escalations for ${outcome.runDate}`;
    case 'nothing_new':
      return `nothing to send for ${outcome.runDate}`;
    case 'not_working_day':
      return `${outcome.runDate} is not a working day`;
    case 'quiet':
      return 'quiet hours: nothing sent';
    case 'dry_run':
      return `dry run for ${outcome.runDate}`;
    case 'busy':
      return `another run (${outcome.heldBy.holder}) is sending reminders`;
    case 'failed':
      return `stopped after ${outcome.dms + outcome.escalations} sent (${outcome.detail})${
        outcome.unknownOutcome ? '; the next run checks the DM before sending it again' : ''
      }`;
  }
}
