/**
 * The one reminder before a meeting, on a real database: who gets it, when, only once, and
 * again after a failed send. FY2020's review opens on 15 July 2022 for a meeting on 20 August.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type Actor } from '../../../commands/context.ts';
import { submitAssessment } from '../../../commands/review/assessment.ts';
import { runReviewReminders, type ReviewReminder, type SendReminder } from '../../../commands/review/reminders.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { findPlan } from '../../../src/store/action-plans.ts';
import { tempDatabase } from '../../support/temp-db.ts';

const COMMITTEE = ['U0MEMBER1', 'U0MEMBER2', 'U0MEMBER3'];
const OPENED = new Date('2022-07-15T12:00:00+09:00');
/** FY2020's plans the engine grades (A: ①②⑤⑥⑪⑫⑬⑲⑳, C: ⑧⑭, D: ③④). */
const GRADABLE = [1, 2, 3, 4, 5, 6, 8, 11, 12, 13, 14, 19, 20];
const at = (day: string) => new Date(`${day}T09:30:00+09:00`);

let t: Awaited<ReturnType<typeof tempDatabase>>;
let sent: ReviewReminder[];

async function ask(text: string, actor: Actor, now = OPENED) {
  const plan = (await findPlan(t.db))!;
  return answer(text, makeContext({ db: t.db, plan, now, dueRule: DEFAULT_DUE_DATE_RULE, actor, committee: COMMITTEE }));
}

async function grade(memberId: string, numbers: number[]) {
  const plan = (await findPlan(t.db))!;
  const ctx = makeContext({ db: t.db, plan, now: OPENED, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: memberId, isAdmin: false, canOpenForms: true }, committee: COMMITTEE });
  for (const n of numbers) {
    const result = await submitAssessment(ctx, { fiscalYear: 2020, actionPlanNumber: n, grade: 'A', opinion: null });
    expect(result.ok).toBe(true);
  }
}

function run(day: string, send: SendReminder = async (r) => void sent.push(r)) {
  return runReviewReminders({ db: t.db, committee: COMMITTEE, now: at(day), send });
}

beforeEach(async () => {
  t = await tempDatabase();
  sent = [];
  const opened = await ask('review open 2020 meeting 2022-08-20', { id: 'U0ADMIN', isAdmin: true, canOpenForms: true });
  expect(opened.kind).toBe('review');
  await grade('U0MEMBER1', [13]);
  await grade('U0MEMBER2', GRADABLE);
  // A plan nobody can grade (⑦ 評価期間前) asks for no grade.
  await grade('U0MEMBER3', GRADABLE.slice(1));
});

afterEach(async () => {
  await t.cleanup();
});

describe('the reminder before a meeting', () => {
  it('is not sent earlier than a week before the meeting', async () => {
    expect(await run('2022-08-12')).toEqual({ sent: [], failed: [] });
  });

  it('goes a week before, once, to each member still owing a grade, saying how many', async () => {
    const first = await run('2022-08-13');
    expect(first.sent).toEqual([
      { memberId: 'U0MEMBER1', fiscalYear: 2020, meetingDate: '2022-08-20', owed: 12, total: 13 },
      { memberId: 'U0MEMBER3', fiscalYear: 2020, meetingDate: '2022-08-20', owed: 1, total: 13 },
    ]);
    expect((await run('2022-08-14')).sent).toEqual([]);
    expect((await run('2022-08-19')).sent).toEqual([]);
    expect(sent).toHaveLength(2);
  });

  it('tries again on the next run when a send failed, and only for that member', async () => {
    const failing = async (r: ReviewReminder) => {
      if (r.memberId === 'U0MEMBER3') throw new Error('channel_not_found');
      sent.push(r);
    };
    const first = await run('2022-08-13', failing);
    expect(first.sent.map((r) => r.memberId)).toEqual(['U0MEMBER1']);
    expect(first.failed.map((f) => f.reminder.memberId)).toEqual(['U0MEMBER3']);
    expect((await run('2022-08-14')).sent.map((r) => r.memberId)).toEqual(['U0MEMBER3']);
  });

  it('is not sent on or after the meeting day, nor for a closed review', async () => {
    expect((await run('2022-08-20')).sent).toEqual([]);
    await ask('review close 2020', { id: 'U0ADMIN', isAdmin: true, canOpenForms: true });
    expect((await run('2022-08-15')).sent).toEqual([]);
  });
});
