/**
 * The committee's review through its handlers, on a real seeded SQLite file: opening (the lock
 * and the snapshot), grading, responding, agreeing, closing, and what each refuses. The clock
 * stands at 15 July 2022: FY2020 is complete in the seed, FY2021 has no actuals yet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type Actor, type CommandContext } from '../../../commands/context.ts';
import { submitFigure, type SubmitFigureInput } from '../../../commands/record-figure.ts';
import { submitAssessment, prepareAssessmentForm } from '../../../commands/review/assessment.ts';
import { prepareResponseForm, submitResponse } from '../../../commands/review/response.ts';
import type { ReviewAnswer, ReviewProblem } from '../../../commands/review/results.ts';
import type { CommandResult } from '../../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlan } from '../../../src/store/action-plans.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { tempDatabase } from '../../support/temp-db.ts';
import { revisionCount } from '../../support/record-figure-form.ts';

const ADMIN: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const OWNER: Actor = { id: 'U0OWNER13', isAdmin: false, canOpenForms: true };
const MEMBER: Actor = { id: 'U0MEMBER1', isAdmin: false, canOpenForms: true };
const OTHER_MEMBER: Actor = { id: 'U0MEMBER2', isAdmin: false, canOpenForms: true };
const STRANGER: Actor = { id: 'U0STRANGER', isAdmin: false, canOpenForms: true };
const CLI: Actor = { id: 'cli', isAdmin: true, canOpenForms: false };
const COMMITTEE = ['U0MEMBER1', 'U0MEMBER2'];
const NOW = new Date('2022-07-15T12:00:00+09:00');

let t: Awaited<ReturnType<typeof tempDatabase>>;
let keys = 0;

beforeEach(async () => {
  t = await tempDatabase();
  const plan = (await findPlan(t.db))!;
  const thirteen = (await loadActionPlan(t.db, plan.id, 13))!;
  await addOwner(t.db, { actionPlanId: thirteen.id, userId: OWNER.id, addedBy: ADMIN.id, now: NOW });
});

afterEach(async () => {
  await t.cleanup();
});

async function ctx(actor: Actor, options: { requestKey?: string; now?: Date } = {}): Promise<CommandContext> {
  const plan = (await findPlan(t.db))!;
  return makeContext({
    db: t.db,
    plan,
    now: options.now ?? NOW,
    dueRule: DEFAULT_DUE_DATE_RULE,
    actor,
    committee: COMMITTEE,
    requestKey: options.requestKey ?? `test-${++keys}`,
  });
}

async function ask(text: string, actor: Actor = ADMIN, requestKey?: string): Promise<CommandResult> {
  return answer(text, await ctx(actor, requestKey ? { requestKey } : {}));
}

function review<T extends ReviewAnswer['type']>(result: CommandResult, type: T): Extract<ReviewAnswer, { type: T }> {
  if (result.kind !== 'review' || result.review.type !== type) throw new Error(`expected review ${type}, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.review as Extract<ReviewAnswer, { type: T }>;
}

function problem(result: CommandResult): ReviewProblem | string {
  if (result.kind !== 'error') throw new Error(`expected a refusal, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.error.code === 'review' ? result.error.problem : result.error.code;
}

async function rows(table: 'review' | 'review_assessment' | 'review_response' | 'review_agreed_grade' | 'review_closure' | 'target_revision' | 'committee_change') {
  const { n } = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

async function figureInput(c: CommandContext, number: number, fields: Partial<SubmitFigureInput> = {}): Promise<SubmitFigureInput> {
  const record = (await loadActionPlan(t.db, c.plan.id, number))!;
  return {
    planId: c.plan.id,
    actionPlanNumber: number,
    indicatorId: record.indicators[0]!.id,
    fiscalYear: 2020,
    value: '5,000',
    note: null,
    source: 'slack',
    ...fields,
  };
}

async function assess(actor: Actor, number: number, grade: string | null, opinion: string | null, requestKey?: string) {
  const c = await ctx(actor);
  return submitAssessment(c, { planId: c.plan.id, fiscalYear: 2020, actionPlanNumber: number, grade, opinion, requestKey: requestKey ?? `view-${++keys}` });
}

describe('opening a review', () => {
  it('locks FY2020 with a snapshot of its figures and the engine’s grades, naming the members to tell', async () => {
    const opened = review(await ask('review open 2020 meeting 2022-08-20'), 'opened');
    expect(opened).toMatchObject({ duplicate: false, missing: [], members: COMMITTEE });
    expect(opened.review).toMatchObject({ fiscalYear: 2020, openedBy: ADMIN.id, meetingDate: '2022-08-20', openReason: null, closed: null });

    const summary = review(await ask('review 2020', STRANGER), 'summary');
    expect(summary.rows).toHaveLength(20);
    const grade = (n: number) => summary.rows.find((r) => r.actionPlan.number === n)!.computed;
    expect([grade(13), grade(8), grade(14), grade(3), grade(4), grade(7)]).toEqual(['A', 'C', 'C', 'D', 'D', null]);
    expect(summary.memberCount).toBe(2);

    const sheet = review(await ask('review 2020 13', STRANGER), 'sheet');
    expect(sheet.sheet.actionPlan.indicators[0]).toMatchObject({ name: '無線LANアクセス回数', target: 3000, actual: 4991, grade: 'A' });
    expect(sheet.sheet.actionPlan.narrative).toContain('公衆無線LAN');
  });

  it('refuses a second opening, naming who opened it and when', async () => {
    review(await ask('review open 2020'), 'opened');
    expect(problem(await ask('review open 2020'))).toMatchObject({ code: 'already_open', fiscalYear: 2020, openedBy: ADMIN.id, closed: false });
    expect(await rows('review')).toBe(1);
  });

  it('answers a replayed request as already done, storing one review', async () => {
    review(await ask('review open 2020', ADMIN, 'slack-trigger:T1'), 'opened');
    expect(review(await ask('review open 2020', ADMIN, 'slack-trigger:T1'), 'opened').duplicate).toBe(true);
    expect(await rows('review')).toBe(1);
  });

  it('refuses a year with missing actuals, listing them, unless an admin gives a reason', async () => {
    const refused = problem(await ask('review open 2021'));
    expect(refused).toMatchObject({ code: 'missing_actuals', fiscalYear: 2021 });
    const missing = (refused as Extract<ReviewProblem, { code: 'missing_actuals' }>).missing;
    expect(missing).toContainEqual({ actionPlanNumber: 13, indicatorName: '無線LANアクセス回数', kind: 'no_actual' });
    expect(await rows('review')).toBe(0);

    const opened = review(await ask('review open 2021 force 担当課の集計が遅れているため'), 'opened');
    expect(opened.review.openReason).toBe('担当課の集計が遅れているため');
    expect(opened.missing).toEqual(missing);
    expect(review(await ask('review 2021'), 'summary').missing).toEqual(missing);
  });

  it('refuses owners, the CLI, a year not closed, one outside the plan and a meeting already past', async () => {
    expect(problem(await ask('review open 2020', OWNER))).toBe('admins_only');
    expect(problem(await ask('review open 2020', CLI))).toEqual({ code: 'open_from_slack' });
    expect(problem(await ask('review open 2022'))).toEqual({ code: 'year_not_closed', fiscalYear: 2022 });
    expect(problem(await ask('review open 2018'))).toEqual({ code: 'outside_plan', fiscalYear: 2018, first: 2019, last: 2023 });
    expect(problem(await ask('review open 2020 meeting 2022-07-14'))).toEqual({ code: 'meeting_in_past', date: '2022-07-14' });
    expect(await rows('review')).toBe(0);
  });

  it('says which years have a review when asked for one that has none', async () => {
    review(await ask('review open 2020'), 'opened');
    expect(problem(await ask('review 2019', STRANGER))).toEqual({ code: 'no_review', fiscalYear: 2019, years: [2020] });
    expect(review(await ask('review', STRANGER), 'list').reviews.map((r) => r.fiscalYear)).toEqual([2020]);
    expect(problem(await ask('review 2020 99', STRANGER))).toEqual({ code: 'not_in_review', fiscalYear: 2020, number: 99 });
  });
});

describe('a locked year', () => {
  beforeEach(async () => {
    review(await ask('review open 2020'), 'opened');
  });

  it('refuses its actuals to an owner, and to an admin without a reason, storing nothing', async () => {
    const before = await revisionCount(t.db);
    const owner = await ctx(OWNER);
    expect(await submitFigure(owner, await figureInput(owner, 13), { admins: [ADMIN.id] })).toEqual({
      ok: false,
      fieldErrors: { fiscalYear: { code: 'year_locked', fiscalYear: 2020 } },
    });
    const admin = await ctx(ADMIN);
    expect(await submitFigure(admin, await figureInput(admin, 13), { admins: [ADMIN.id] })).toEqual({
      ok: false,
      fieldErrors: { note: { code: 'correction_reason_required', fiscalYear: 2020 } },
    });
    expect(await revisionCount(t.db)).toBe(before);
    // The year after is not locked: its owner records as before.
    expect((await submitFigure(owner, await figureInput(owner, 13, { fiscalYear: 2021 }), { admins: [ADMIN.id] })).ok).toBe(true);
  });

  it('takes an admin’s correction with a reason, flagged 修正あり everywhere, while the review keeps its snapshot', async () => {
    const admin = await ctx(ADMIN);
    const saved = await submitFigure(admin, await figureInput(admin, 13, { value: '5,010', note: '集計漏れ（1施設）を加算' }), { admins: [ADMIN.id] });
    expect(saved.ok).toBe(true);

    const shown = await ask('13', STRANGER);
    if (shown.kind !== 'action_plan') throw new Error(shown.kind);
    const fy2020 = shown.plan.indicators[0]!.years.find((y) => y.fiscalYear === 2020)!;
    expect(fy2020).toMatchObject({ actual: 5010, corrected: true, targetRevised: false });
    expect(shown.plan.indicators[0]!.years.find((y) => y.fiscalYear === 2019)!.corrected).toBe(false);

    const history = await ask('history 13', STRANGER);
    if (history.kind !== 'history') throw new Error(history.kind);
    expect(history.entries.find((e) => e.value === 5010)).toMatchObject({ correction: '集計漏れ（1施設）を加算', current: true });
    expect(history.entries.find((e) => e.value === 4991)).toMatchObject({ correction: null, current: false });

    const summary = review(await ask('review 2020', STRANGER), 'summary');
    expect(summary.rows.find((r) => r.actionPlan.number === 13)!.corrected).toBe(true);
    expect(summary.corrections).toEqual([
      expect.objectContaining({ actionPlanNumber: 13, before: 4991, value: 5010, reason: '集計漏れ（1施設）を加算', correctedBy: ADMIN.id }),
    ]);
    const sheet = review(await ask('review 2020 13', STRANGER), 'sheet');
    expect(sheet.sheet.actionPlan.indicators[0]!.actual).toBe(4991);
    expect(sheet.sheet.corrections).toHaveLength(1);
  });
});

describe('target revisions', () => {
  it('keep the old target, mark the current one 見直し後, and show both in the history', async () => {
    const revised = review(await ask('review target 13 2022 9,000 reason 中間見直しによる decision 第3回懇談会（2022年2月10日）'), 'target_revised');
    expect(revised).toMatchObject({ previous: 10000, target: 9000, fiscalYear: 2022, duplicate: false });

    const shown = await ask('13', STRANGER);
    if (shown.kind !== 'action_plan') throw new Error(shown.kind);
    expect(shown.plan.indicators[0]!.years.find((y) => y.fiscalYear === 2022)).toMatchObject({ target: 9000, targetRevised: true });
    expect(shown.plan.indicators[0]!.years.find((y) => y.fiscalYear === 2023)).toMatchObject({ target: 12000, targetRevised: false });

    const history = await ask('history 13', STRANGER);
    if (history.kind !== 'history') throw new Error(history.kind);
    expect(history.targetRevisions).toEqual([
      expect.objectContaining({ fiscalYear: 2022, previous: 10000, target: 9000, reason: '中間見直しによる', revisedBy: ADMIN.id }),
    ]);
  });

  it('store a replayed request once', async () => {
    const text = 'review target 13 2022 9000 reason 見直し decision 懇談会';
    review(await ask(text, ADMIN, 'slack-trigger:T9'), 'target_revised');
    expect(review(await ask(text, ADMIN, 'slack-trigger:T9'), 'target_revised').duplicate).toBe(true);
    expect(await rows('target_revision')).toBe(1);
  });

  it('are refused to owners, for a locked year, for an unnamed indicator and for a value that is no number', async () => {
    expect(problem(await ask('review target 13 2022 9000 reason r decision d', OWNER))).toBe('admins_only');
    review(await ask('review open 2020'), 'opened');
    expect(problem(await ask('review target 13 2020 9000 reason r decision d'))).toEqual({ code: 'target_locked', fiscalYear: 2020 });
    expect(problem(await ask('review target 8 2022 50 reason r decision d'))).toEqual({ code: 'which_indicator', number: 8, count: 2 });
    expect(problem(await ask('review target 8-3 2022 50 reason r decision d'))).toEqual({ code: 'no_such_indicator', number: 8, position: 3, count: 2 });
    expect(problem(await ask('review target 13 2022 たくさん reason r decision d'))).toMatchObject({ code: 'bad_target' });
    expect(await rows('target_revision')).toBe(0);
    expect(review(await ask('review target 8-2 2022 70 reason r decision d'), 'target_revised').previous).not.toBeNull();
  });
});

describe('members grading and commenting', () => {
  beforeEach(async () => {
    review(await ask('review open 2020 meeting 2022-08-20'), 'opened');
  });

  it('keeps every change with who and when, showing each member’s latest, named', async () => {
    expect(await assess(MEMBER, 13, 'A', '順調です')).toMatchObject({ ok: true, saved: { grade: 'A', opinion: '順調です', replaced: false } });
    expect(await assess(MEMBER, 13, 'B', '利用が伸び悩んでいる')).toMatchObject({ ok: true, saved: { grade: 'B', replaced: true } });
    expect(await assess(OTHER_MEMBER, 13, 'A', null)).toMatchObject({ ok: true });
    expect(await rows('review_assessment')).toBe(3);

    const sheet = review(await ask('review 2020 13', STRANGER), 'sheet').sheet;
    expect(sheet.assessments).toEqual([
      expect.objectContaining({ memberId: MEMBER.id, grade: 'B', opinion: '利用が伸び悩んでいる', earlier: 1 }),
      expect.objectContaining({ memberId: OTHER_MEMBER.id, grade: 'A', opinion: null, earlier: 0 }),
    ]);
    const row = review(await ask('review 2020', STRANGER), 'summary').rows.find((r) => r.actionPlan.number === 13)!;
    expect(row).toMatchObject({ memberGrades: [{ grade: 'A', count: 1 }, { grade: 'B', count: 1 }], opinions: 1 });

    const form = await prepareAssessmentForm(await ctx(MEMBER), 2020, 13);
    expect(form).toMatchObject({ ok: true, form: { grades: ['A', 'B', 'C', 'D'], computed: 'A', current: { grade: 'B', opinion: '利用が伸び悩んでいる' } } });
  });

  it('refuses someone not on the committee, before the form and on submission', async () => {
    expect(await prepareAssessmentForm(await ctx(STRANGER), 2020, 13)).toEqual({ ok: false, problem: { code: 'members_only' } });
    expect(await assess(STRANGER, 13, 'A', 'x')).toEqual({ ok: false, problem: { code: 'members_only' } });
    expect(await assess(ADMIN, 13, 'A', 'x')).toEqual({ ok: false, problem: { code: 'members_only' } });
    expect(await rows('review_assessment')).toBe(0);
  });

  it('takes a member added in Slack, and refuses one removed', async () => {
    expect(review(await ask('committee add <@U0NEWMEMBER|suzuki>'), 'committee').change).toEqual({ action: 'add', userId: 'U0NEWMEMBER', changed: true });
    expect(await assess({ id: 'U0NEWMEMBER', isAdmin: false, canOpenForms: true }, 13, 'A', null)).toMatchObject({ ok: true });
    review(await ask(`committee remove ${MEMBER.id}`), 'committee');
    expect(await assess(MEMBER, 13, 'A', null)).toEqual({ ok: false, problem: { code: 'members_only' } });
  });

  it('answers a grade of another scheme, or nothing at all, under the fields', async () => {
    expect(await assess(MEMBER, 13, 'double_circle', null)).toEqual({
      ok: false,
      fieldErrors: { grade: { code: 'grade_not_in_scheme', grade: 'double_circle', allowed: ['A', 'B', 'C', 'D'] } },
    });
    expect(await assess(MEMBER, 13, null, '  ')).toEqual({ ok: false, fieldErrors: { grade: { code: 'nothing_given' } } });
    expect(await assess(MEMBER, 13, 'A', 'あ'.repeat(2001))).toEqual({
      ok: false,
      fieldErrors: { opinion: { code: 'too_long', length: 2001, limit: 2000 } },
    });
    expect(await rows('review_assessment')).toBe(0);
  });

  it('stores a replayed submission once', async () => {
    expect(await assess(MEMBER, 13, 'A', 'x', 'slack-view:V1')).toMatchObject({ ok: true });
    expect(await assess(MEMBER, 13, 'B', 'y', 'slack-view:V1')).toEqual({ ok: true, duplicate: true });
    expect(await rows('review_assessment')).toBe(1);
  });
});

describe('the office’s response, the agreed grade and closing', () => {
  beforeEach(async () => {
    review(await ask('review open 2020'), 'opened');
  });

  async function respond(actor: Actor, response: string | null, wayForward: string | null, requestKey?: string) {
    const c = await ctx(actor);
    return submitResponse(c, { planId: c.plan.id, fiscalYear: 2020, actionPlanNumber: 13, response, wayForward, requestKey: requestKey ?? `view-${++keys}` });
  }

  it('takes the response from the plan’s owner or an admin, and refuses anyone else', async () => {
    expect(await respond(OWNER, '周知を強化します', 'continue')).toMatchObject({ ok: true, saved: { wayForward: 'continue' } });
    expect(await respond(ADMIN, '設置施設を拡大します', 'expand')).toMatchObject({ ok: true });
    expect(await respond(STRANGER, 'x', 'continue')).toEqual({ ok: false, problem: { code: 'owners_and_admins_only', number: 13, owners: [OWNER.id] } });
    expect(await respond(MEMBER, 'x', 'continue')).toMatchObject({ ok: false, problem: { code: 'owners_and_admins_only' } });
    expect(await respond(OWNER, '', 'sideways')).toEqual({
      ok: false,
      fieldErrors: { response: { code: 'required' }, wayForward: { code: 'way_forward_required' } },
    });
    expect(await rows('review_response')).toBe(2);
    const sheet = review(await ask('review 2020 13', STRANGER), 'sheet').sheet;
    expect(sheet.response).toMatchObject({ response: '設置施設を拡大します', wayForward: 'expand', recordedBy: ADMIN.id });
    expect(await prepareResponseForm(await ctx(OWNER), 2020, 13)).toMatchObject({ ok: true, form: { current: { wayForward: 'expand' } } });
  });

  it('records the agreed grade of the plan’s scheme, by an admin only', async () => {
    expect(review(await ask('review agree 2020 13 A'), 'agreed')).toMatchObject({ grade: 'A', previous: null });
    expect(review(await ask('review agree 2020 13 b'), 'agreed')).toMatchObject({ grade: 'B', previous: 'A' });
    expect(problem(await ask('review agree 2020 13 ◎'))).toEqual({ code: 'grade_not_in_scheme', grade: 'double_circle', allowed: ['A', 'B', 'C', 'D'] });
    expect(problem(await ask('review agree 2020 13 A', OWNER))).toBe('admins_only');
    expect(problem(await ask('review agree 2020 13 A', MEMBER))).toBe('admins_only');
    expect(review(await ask('review 2020 13', STRANGER), 'sheet').sheet.agreed).toMatchObject({ grade: 'B', recordedBy: ADMIN.id });
  });

  it('closes for good: nothing written after, and it reads the same years later', async () => {
    await assess(MEMBER, 13, 'A', '順調');
    review(await ask('review agree 2020 13 A'), 'agreed');
    const closed = review(await ask('review close 2020', ADMIN, 'slack-trigger:CLOSE'), 'closed');
    expect(closed.review.closed).toMatchObject({ by: ADMIN.id });
    expect(closed.withoutAgreed).toHaveLength(19);
    expect(closed.withoutAgreed).not.toContain(13);
    const before = await ask('review 2020 13', STRANGER);

    const closedProblem = { code: 'review_closed', fiscalYear: 2020, closedAt: NOW.toISOString() };
    expect(await assess(MEMBER, 13, 'B', '変更')).toEqual({ ok: false, problem: closedProblem });
    expect(await respond(OWNER, '変更', 'reduce')).toEqual({ ok: false, problem: closedProblem });
    expect(problem(await ask('review agree 2020 13 D'))).toEqual(closedProblem);
    expect(problem(await ask('review close 2020'))).toEqual(closedProblem);
    expect(review(await ask('review close 2020', ADMIN, 'slack-trigger:CLOSE'), 'closed').duplicate).toBe(true);
    expect(await prepareAssessmentForm(await ctx(MEMBER), 2020, 13)).toEqual({ ok: false, problem: closedProblem });
    expect(await rows('review_closure')).toBe(1);

    // A correction after closing belongs to the figures, not to the closed review.
    const admin = await ctx(ADMIN);
    expect((await submitFigure(admin, await figureInput(admin, 13, { note: '誤記の訂正' }), { admins: [ADMIN.id] })).ok).toBe(true);
    const in2030 = await answer('review 2020 13', await ctx(STRANGER, { now: new Date('2030-06-01T00:00:00Z') }));
    expect(in2030).toEqual(before);
  });
});

describe('the committee', () => {
  it('lists PLAN_COMMITTEE, then members added in Slack; only admins change it; every change is kept', async () => {
    expect(review(await ask('committee', STRANGER), 'committee').members).toEqual([
      { userId: 'U0MEMBER1', source: 'config' },
      { userId: 'U0MEMBER2', source: 'config' },
    ]);
    expect(problem(await ask('committee add U0NEW', OWNER))).toBe('admins_only');
    expect(review(await ask('committee add U0NEW'), 'committee').change).toEqual({ action: 'add', userId: 'U0NEW', changed: true });
    expect(review(await ask('committee add U0NEW'), 'committee').change).toEqual({ action: 'add', userId: 'U0NEW', changed: false });
    expect(review(await ask('committee remove U0MEMBER1'), 'committee').members).toEqual([
      { userId: 'U0MEMBER2', source: 'config' },
      { userId: 'U0NEW', source: 'slack' },
    ]);
    expect(review(await ask('committee remove U0MEMBER1'), 'committee').change?.changed).toBe(false);
    expect(await rows('committee_change')).toBe(2);
  });
});
