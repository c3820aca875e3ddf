import { describe, expect, it } from 'vitest';
import type { AlertRunOutcome } from '../../commands/alerts/run.ts';
import { isWorkingDay, nextRunAt } from '../../src/domain/working-days.ts';
import {
  startAlertScheduler,
  type SchedulerLogger,
  type SetTimer,
} from '../../src/scheduler/schedule.ts';
import { civilDateInTokyo } from '../../src/domain/fiscal-year.ts';
import { tokyo } from '../support/alerts.ts';

const NINE = { hour: 9, minute: 0 };

/** A clock and timer queue the test moves by hand; nothing waits on real time. */
class FakeTime {
  private timers: Array<{ at: number; fire: () => void; cancelled: boolean }> = [];
  constructor(private nowMs: number) {}

  clock = (): Date => new Date(this.nowMs);

  setTimer: SetTimer = (fire, delayMs) => {
    const timer = { at: this.nowMs + delayMs, fire, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  };

  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Fires every timer due up to `until`, in order, letting each run's promise chain settle. */
  async advanceTo(until: Date): Promise<void> {
    for (;;) {
      const due = this.timers
        .filter((t) => !t.cancelled && t.at <= until.getTime())
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.nowMs = due.at;
      due.fire();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.nowMs = until.getTime();
  }
}

const quiet: SchedulerLogger = { info: () => {}, warn: () => {}, error: () => {} };

const nothingNew = (time: FakeTime): AlertRunOutcome => ({
  kind: 'nothing_new',
  runDate: civilDateInTokyo(time.clock()),
  channel: 'C0PLAN',
});

describe('working days', () => {
  it('skips weekends, Japanese public holidays and the city year-end closure', () => {
    expect(isWorkingDay('2024-01-05')).toBe(true); // Friday
    expect(isWorkingDay('2024-01-06')).toBe(false); // Saturday
    expect(isWorkingDay('2024-01-07')).toBe(false); // Sunday
    expect(isWorkingDay('2024-01-08')).toBe(false); // 成人の日
    expect(isWorkingDay('2024-01-09')).toBe(true);
    expect(isWorkingDay('2024-05-06')).toBe(false); // 振替休日
    expect(isWorkingDay('2024-12-27')).toBe(true);
    expect(isWorkingDay('2024-12-30')).toBe(false); // Monday, but 年末年始
    expect(isWorkingDay('2025-01-03')).toBe(false);
    expect(isWorkingDay('2025-01-06')).toBe(true);
  });
});

describe('next run time', () => {
  it('runs today when ALERT_TIME has not passed yet, and never at the very instant it fired', () => {
    expect(nextRunAt(tokyo('2024-07-01', '08:59'), NINE)).toEqual(tokyo('2024-07-01'));
    expect(nextRunAt(tokyo('2024-07-01', '09:00'), NINE)).toEqual(tokyo('2024-07-02'));
  });

  it('goes from Friday after nine past the weekend and 成人の日 to Tuesday', () => {
    expect(nextRunAt(tokyo('2024-01-05', '09:30'), NINE)).toEqual(tokyo('2024-01-09'));
  });

  it('reads ALERT_TIME as Tokyo time whatever the host zone (00:30 JST is the previous day in UTC)', () => {
    const at = nextRunAt(new Date('2024-07-01T12:00:00Z'), { hour: 0, minute: 30 });
    expect(at.toISOString()).toBe('2024-07-01T15:30:00.000Z');
  });

  it('waits out the year-end closure', () => {
    expect(nextRunAt(tokyo('2024-12-27', '10:00'), NINE)).toEqual(tokyo('2025-01-06'));
  });
});

describe('alert scheduler', () => {
  it('fires on a working day at ALERT_TIME, skips a Saturday and a holiday, and re-arms after each run', async () => {
    const time = new FakeTime(tokyo('2024-01-05', '08:00').getTime());
    const ranAt: Date[] = [];
    const scheduler = startAlertScheduler({
      clock: time.clock,
      setTimer: time.setTimer,
      time: NINE,
      logger: quiet,
      run: async () => {
        ranAt.push(time.clock());
        return nothingNew(time);
      },
    });
    expect(scheduler.nextRunAt()).toEqual(tokyo('2024-01-05'));

    await time.advanceTo(tokyo('2024-01-05', '08:59'));
    expect(ranAt).toEqual([]);
    await time.advanceTo(tokyo('2024-01-05', '12:00'));
    expect(ranAt).toEqual([tokyo('2024-01-05')]);
    expect(scheduler.nextRunAt()).toEqual(tokyo('2024-01-09'));

    await time.advanceTo(tokyo('2024-01-09', '12:00'));
    expect(ranAt).toEqual([tokyo('2024-01-05'), tokyo('2024-01-09')]);
    expect(scheduler.nextRunAt()).toEqual(tokyo('2024-01-10'));
    expect(time.pending()).toBe(1);
    await scheduler.stop();
  });

  it('retries a failed run after Retry-After (or the retry delay, if longer), then resumes the daily rhythm', async () => {
    const time = new FakeTime(tokyo('2024-07-01', '08:00').getTime());
    const ranAt: Date[] = [];
    const scheduler = startAlertScheduler({
      clock: time.clock,
      setTimer: time.setTimer,
      time: NINE,
      logger: quiet,
      retry: { delayMs: 10 * 60_000, maxRetries: 3 },
      run: async () => {
        ranAt.push(time.clock());
        if (ranAt.length === 1) {
          return {
            kind: 'failed',
            runDate: '2024-07-01',
            channel: 'C0PLAN',
            failure: 'rate_limited',
            detail: 'rate limited',
            retryAfterSeconds: 1800,
            digest: { runDate: '2024-07-01', groups: [], deferred: [] },
          };
        }
        if (ranAt.length === 2) throw new Error('database is locked');
        return nothingNew(time);
      },
    });
    await time.advanceTo(tokyo('2024-07-02', '08:00'));
    expect(ranAt).toEqual([tokyo('2024-07-01'), tokyo('2024-07-01', '09:30'), tokyo('2024-07-01', '09:40')]);
    expect(scheduler.nextRunAt()).toEqual(tokyo('2024-07-02'));
    await scheduler.stop();
  });

  it('stop() cancels the timer and waits for a run in progress', async () => {
    const time = new FakeTime(tokyo('2024-07-01', '08:00').getTime());
    let finish!: () => void;
    let finished = false;
    const scheduler = startAlertScheduler({
      clock: time.clock,
      setTimer: time.setTimer,
      time: NINE,
      logger: quiet,
      run: () =>
        new Promise<AlertRunOutcome>((resolve) => {
          finish = () => {
            finished = true;
            resolve(nothingNew(time));
          };
        }),
    });
    await time.advanceTo(tokyo('2024-07-01', '09:00'));
    const stopping = scheduler.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(finished).toBe(true);
    expect(scheduler.nextRunAt()).toBeNull();
    expect(time.pending()).toBe(0);
  });
});
