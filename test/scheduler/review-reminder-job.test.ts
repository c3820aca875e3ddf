/**
 * The review reminder as `npm start` runs it: a timer at 09:30 Tokyo on working days, posting
 * through SLACK_API_URL (the Web API stand-in) to each member who still owes grades.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { scheduleReviewReminders } from '../../src/scheduler/review-reminder-job.ts';
import type { SetTimer } from '../../src/scheduler/schedule.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { textsUnder } from '../support/block-texts.ts';
import { tempDatabase } from '../support/temp-db.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const tokyo = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`);
const COMMITTEE = ['U0MEMBER1'];

let standIn: SlackApiStandIn;
let t: Awaited<ReturnType<typeof tempDatabase>>;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});
afterAll(() => standIn.close());
beforeEach(async () => {
  standIn.reset();
  t = await tempDatabase();
  const plan = (await findPlan(t.db))!;
  const ctx = makeContext({
    db: t.db,
    plan,
    now: tokyo('2022-07-15', '10:00'),
    dueRule: DEFAULT_DUE_DATE_RULE,
    actor: { id: 'U0ADMIN', isAdmin: true, canOpenForms: true },
    committee: COMMITTEE,
  });
  expect((await answer('review open 2020 meeting 2022-08-22', ctx)).kind).toBe('review');
});
afterEach(() => t.cleanup());

describe('the review reminder job', () => {
  it('fires at 09:30 on working days and DMs a member who has not graded, once', async () => {
    // Friday 12 August 2022: ten days before the Monday meeting, not yet due.
    let now = tokyo('2022-08-12', '08:00');
    const timers: Array<{ fire: () => void; delayMs: number }> = [];
    const setTimer: SetTimer = (fire, delayMs) => {
      timers.push({ fire, delayMs });
      return { cancel: () => {} };
    };
    const scheduler = scheduleReviewReminders({
      db: t.db,
      committee: COMMITTEE,
      messages: messagesFor('ja'),
      logger: quiet,
      botToken: 'xoxb-test',
      slackApiUrl: standIn.url,
      clock: () => now,
      setTimer,
    });
    expect(timers[0]!.delayMs).toBe(90 * 60_000);

    now = tokyo('2022-08-12', '09:30');
    timers[0]!.fire();
    await expect.poll(() => timers.length).toBe(2);
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);
    // The weekend is skipped: next is Monday 15 August, within the week before the meeting.
    expect(scheduler.nextRunAt()).toEqual(tokyo('2022-08-15', '09:30'));

    now = tokyo('2022-08-15', '09:30');
    timers[1]!.fire();
    const dm = await standIn.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0MEMBER1');
    expect(textsUnder(dm.body.blocks)).toContain(messagesFor('ja').review.notices.reminder('令和2年度', '2022年8月22日', 13, 13));
    expect(dm.token).toBe('xoxb-test');
    await expect.poll(() => timers.length).toBe(3);

    now = tokyo('2022-08-16', '09:30');
    timers[2]!.fire();
    await expect.poll(() => timers.length).toBe(4);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    await scheduler.stop();
    expect(scheduler.nextRunAt()).toBeNull();
  });

  it('does not start without a token to post with', () => {
    expect(() => scheduleReviewReminders({ db: t.db, committee: COMMITTEE, messages: messagesFor('ja'), logger: quiet })).toThrow(
      /SLACK_BOT_TOKEN/,
    );
  });
});
