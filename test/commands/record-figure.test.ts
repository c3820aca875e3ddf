import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext, type Actor, type CommandContext } from '../../commands/context.ts';
import {
  prepareFigureForm,
  submitFigure,
  type SubmitFigureInput,
  type SubmitFigureResult,
} from '../../commands/record-figure.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { listRevisions } from '../../src/store/figures.ts';
import { addOwner } from '../../src/store/owners.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { freshLocation, type FreshLocation } from '../support/databases.ts';

const ADMIN: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const OWNER: Actor = { id: 'U0OWNER', isAdmin: false, canOpenForms: true };
const STRANGER: Actor = { id: 'U0STRANGER', isAdmin: false, canOpenForms: true };
const POLICY = { admins: ['U0ADMIN'] };
/** Noon in Tokyo on 15 July 2022: FY2022 is running, FY2021's actuals fell due on 30 June. */
const MID_FY2022 = new Date('2022-07-15T03:00:00Z');

let fresh: FreshLocation;
const opened: PlanDb[] = [];

async function open(): Promise<PlanDb> {
  const db = await prepareDatabase(fresh.location, { now: new Date('2022-04-01T00:00:00Z') });
  opened.push(db);
  return db;
}

async function context(db: PlanDb, actor: Actor, now: Date = MID_FY2022): Promise<CommandContext> {
  const plan = await findPlan(db);
  if (!plan) throw new Error('seeded plan missing');
  return makeContext({ db, plan, now, dueRule: DEFAULT_DUE_DATE_RULE, actor });
}

async function indicatorIds(ctx: CommandContext, actionPlanNumber: number): Promise<number[]> {
  const record = await loadActionPlan(ctx.db, ctx.plan.id, actionPlanNumber);
  return record!.indicators.map((i) => i.id);
}

async function submission(
  ctx: CommandContext,
  actionPlanNumber: number,
  fields: Partial<SubmitFigureInput> = {},
): Promise<SubmitFigureInput> {
  return {
    planId: ctx.plan.id,
    actionPlanNumber,
    indicatorId: (await indicatorIds(ctx, actionPlanNumber))[0]!,
    fiscalYear: 2021,
    value: '6,543',
    note: null,
    source: 'slack',
    ...fields,
  };
}

async function revisionCount(db: PlanDb): Promise<number> {
  const { n } = await db
    .selectFrom('actual_revision')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function saved(result: SubmitFigureResult) {
  if (!result.ok) throw new Error(`expected a saved figure, got ${JSON.stringify(result)}`);
  return result.saved;
}

beforeEach(() => {
  // Opened twice in some cases (two "processes"): a fresh database of the engine under test.
  fresh = freshLocation('plan-bot-report-');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
  await fresh.cleanup();
});

describe('recording a figure', () => {
  it('stores an admin’s ⑬ FY2021 actual, which /plan 13 then shows as missed against 7,000', async () => {
    const ctx = await context(await open(), ADMIN);

    const result = saved(await submitFigure(ctx, await submission(ctx, 13), POLICY));

    expect(result).toMatchObject({
      actionPlan: { number: 13 },
      indicator: { name: '無線LANアクセス回数', unit: '回' },
      fiscalYear: 2021,
      value: 6543,
      provisional: false,
      status: 'missed',
      target: 7000,
      previous: null,
      recordedBy: 'U0ADMIN',
    });

    const shown = await answer('13', ctx);
    if (shown.kind !== 'action_plan') throw new Error(shown.kind);
    const fy2021 = shown.plan.indicators[0]!.years.find((y) => y.fiscalYear === 2021);
    expect(fy2021).toMatchObject({ target: 7000, actual: 6543, status: 'missed', provisional: false });
  });

  it('keeps the seeded figures and every correction in the history, the newest current', async () => {
    const ctx = await context(await open(), ADMIN);
    saved(await submitFigure(ctx, await submission(ctx, 13, { value: '6,543' }), POLICY));
    const correction = saved(await submitFigure(ctx, await submission(ctx, 13, { value: '7,010', note: '集計漏れを追加' }), POLICY));

    expect(correction.previous).toMatchObject({ value: 6543, recordedBy: 'U0ADMIN' });
    expect(correction.status).toBe('achieved');

    const history = await answer('history 13', ctx);
    if (history.kind !== 'history') throw new Error(history.kind);
    expect(history.entries.map((e) => [e.fiscalYear, e.value, e.source, e.current])).toEqual([
      [2019, 5270, 'seed', true],
      [2020, 4991, 'seed', true],
      [2021, 6543, 'slack', false],
      [2021, 7010, 'slack', true],
    ]);
    expect(history.entries.at(-1)).toMatchObject({ recordedBy: 'U0ADMIN', note: '集計漏れを追加' });
  });

  it('records the door it came through', async () => {
    const ctx = await context(await open(), { id: 'cli', isAdmin: true, canOpenForms: false });
    const result = saved(await submitFigure(ctx, await submission(ctx, 13, { source: 'cli' }), POLICY));
    expect(result.source).toBe('cli');
    const [latest] = (await listRevisions(ctx.db, (await loadActionPlan(ctx.db, ctx.plan.id, 13))!.id)).slice(-1);
    expect(latest).toMatchObject({ source: 'cli', recordedBy: 'cli' });
  });

  it('marks a figure for a year still running as provisional (839 items at the end of September)', async () => {
    const ctx = await context(await open(), ADMIN, new Date('2022-10-03T01:00:00Z'));
    const result = saved(await submitFigure(ctx, await submission(ctx, 10, { fiscalYear: 2022, value: '839' }), POLICY));

    expect(result).toMatchObject({ fiscalYear: 2022, value: 839, provisional: true, target: 300, status: 'achieved' });
    const history = await answer('history 10', ctx);
    if (history.kind !== 'history') throw new Error(history.kind);
    expect(history.entries).toEqual([expect.objectContaining({ fiscalYear: 2022, value: 839, provisional: true })]);
  });

  it('calls a mid-year shortfall pending, not missed', async () => {
    const ctx = await context(await open(), ADMIN);
    const result = saved(await submitFigure(ctx, await submission(ctx, 13, { fiscalYear: 2022, value: '500' }), POLICY));
    expect(result).toMatchObject({ provisional: true, status: 'pending', target: 10000 });
  });
});

describe('who may record', () => {
  it('refuses anyone who is neither an admin nor an owner, naming who may, and stores nothing', async () => {
    const db = await open();
    const admin = await context(db, ADMIN);
    const record = await loadActionPlan(db, admin.plan.id, 13);
    await addOwner(db, { actionPlanId: record!.id, userId: OWNER.id, addedBy: ADMIN.id, now: MID_FY2022 });
    const before = await revisionCount(db);

    const ctx = await context(db, STRANGER);
    const result = await submitFigure(ctx, await submission(ctx, 13), POLICY);

    expect(result).toEqual({
      ok: false,
      forbidden: { actionPlan: expect.objectContaining({ number: 13 }), owners: ['U0OWNER'], admins: ['U0ADMIN'] },
    });
    expect(await revisionCount(db)).toBe(before);
  });

  it('refuses before the form opens too', async () => {
    const ctx = await context(await open(), STRANGER);
    expect(await prepareFigureForm(ctx, 13, POLICY)).toMatchObject({ ok: false, forbidden: { owners: [], admins: ['U0ADMIN'] } });
  });

  it('lets an owner of the action plan record', async () => {
    const db = await open();
    const record = await loadActionPlan(db, (await context(db, ADMIN)).plan.id, 13);
    await addOwner(db, { actionPlanId: record!.id, userId: OWNER.id, addedBy: ADMIN.id, now: MID_FY2022 });

    const ctx = await context(db, OWNER);
    expect(saved(await submitFigure(ctx, await submission(ctx, 13), POLICY)).recordedBy).toBe('U0OWNER');
  });

  it('refuses an owner of ⑬ who sends in an indicator of ⑭ under ⑬’s number', async () => {
    const db = await open();
    const admin = await context(db, ADMIN);
    const record = await loadActionPlan(db, admin.plan.id, 13);
    await addOwner(db, { actionPlanId: record!.id, userId: OWNER.id, addedBy: ADMIN.id, now: MID_FY2022 });
    const before = await revisionCount(db);

    const ctx = await context(db, OWNER);
    const [foreign] = await indicatorIds(ctx, 14);
    const forged = await submitFigure(ctx, await submission(ctx, 13, { indicatorId: foreign! }), POLICY);
    expect(forged).toEqual({ ok: false, fieldErrors: { indicator: { code: 'unknown_indicator' } } });

    const renumbered = await submitFigure(ctx, await submission(ctx, 14, { indicatorId: foreign! }), POLICY);
    expect(renumbered).toMatchObject({ ok: false, forbidden: { actionPlan: { number: 14 } } });
    expect(await revisionCount(db)).toBe(before);
  });
});

describe('refusals answered in the form', () => {
  it('names each offending field and stores nothing', async () => {
    const db = await open();
    const ctx = await context(db, ADMIN);
    const before = await revisionCount(db);

    const result = await submitFigure(
      ctx,
      await submission(ctx, 13, { fiscalYear: 2018, value: '六千', note: 'x'.repeat(501) }),
      POLICY,
    );

    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        fiscalYear: { code: 'outside_plan_period', first: 2019, last: 2023 },
        value: { code: 'not_a_number', text: '六千' },
        note: { code: 'note_too_long', length: 501, limit: 500 },
      },
    });
    expect(await revisionCount(db)).toBe(before);
  });

  it('asks for the missing choices', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(await submitFigure(ctx, await submission(ctx, 13, { indicatorId: null, fiscalYear: null, value: '' }), POLICY)).toEqual({
      ok: false,
      fieldErrors: {
        indicator: { code: 'indicator_required' },
        fiscalYear: { code: 'fiscal_year_required' },
        value: { code: 'empty' },
      },
    });
  });

  it('refuses a year that has not begun and a negative count', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(await submitFigure(ctx, await submission(ctx, 13, { fiscalYear: 2023, value: '▲5' }), POLICY)).toEqual({
      ok: false,
      fieldErrors: { fiscalYear: { code: 'not_started' }, value: { code: 'negative_not_allowed' } },
    });
  });

  it('reads 万, 千 and 億 and the unit the indicator counts in (⑬ counts 回)', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(saved(await submitFigure(ctx, await submission(ctx, 13, { value: '1.2万' }), POLICY)).value).toBe(12000);
    expect(saved(await submitFigure(ctx, await submission(ctx, 13, { value: '１万２千回' }), POLICY)).value).toBe(12000);
    expect(saved(await submitFigure(ctx, await submission(ctx, 13, { value: '3千' }), POLICY)).value).toBe(3000);
  });

  it('refuses a unit the indicator does not count in and an ambiguous scale, storing nothing', async () => {
    const db = await open();
    const ctx = await context(db, ADMIN);
    const before = await revisionCount(db);
    expect(await submitFigure(ctx, await submission(ctx, 13, { value: '５円' }), POLICY)).toEqual({
      ok: false,
      fieldErrors: { value: { code: 'unknown_unit', text: '円', expected: ['回', 'times', 'time'] } },
    });
    expect(await submitFigure(ctx, await submission(ctx, 13, { value: '3千2万' }), POLICY)).toEqual({
      ok: false,
      fieldErrors: { value: { code: 'ambiguous_scale', text: '3千2万' } },
    });
    expect(await submitFigure(ctx, await submission(ctx, 1, { value: '1万%' }), POLICY)).toEqual({
      ok: false,
      fieldErrors: { value: { code: 'scale_on_percent', text: '1万' } },
    });
    expect(await revisionCount(db)).toBe(before);
  });

  it('accepts a negative increase rate within its range (④ FY2021 ▲16.68)', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(saved(await submitFigure(ctx, await submission(ctx, 4, { value: '▲16.68' }), POLICY)).value).toBe(-16.68);
    expect(await submitFigure(ctx, await submission(ctx, 4, { value: '-120' }), POLICY)).toMatchObject({
      ok: false,
      fieldErrors: { value: { code: 'below_min', min: -100 } },
    });
  });

  it('calls a form opened for another plan stale', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(await submitFigure(ctx, await submission(ctx, 13, { planId: ctx.plan.id + 1 }), POLICY)).toEqual({
      ok: false,
      fieldErrors: { indicator: { code: 'stale_form' } },
    });
  });

  it('does not trust the static type of what a door hands in', async () => {
    const ctx = await context(await open(), ADMIN);
    const forged = { ...(await submission(ctx, 13)), value: 6543, fiscalYear: '2021' } as unknown as SubmitFigureInput;
    expect(await submitFigure(ctx, forged, POLICY)).toEqual({
      ok: false,
      fieldErrors: { value: { code: 'not_a_number', text: '' }, fiscalYear: { code: 'fiscal_year_required' } },
    });
  });
});

describe('two people submitting at the same moment', () => {
  it('keeps both revisions, makes the later current, and shows neither an error', async () => {
    const [dbA, dbB] = [await open(), await open()];
    const [a, b] = [await context(dbA, ADMIN), await context(dbB, { ...ADMIN, id: 'U0OTHER' })];

    // Both inputs are ready before either call starts, so the two writes really overlap.
    const [inputA, inputB] = [await submission(a, 13, { value: '6,543' }), await submission(b, 13, { value: '6,600' })];
    const results = await Promise.all([submitFigure(a, inputA, POLICY), submitFigure(b, inputB, POLICY)]);

    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const record = await loadActionPlan(dbA, a.plan.id, 13);
    const fy2021 = (await listRevisions(dbA, record!.id)).filter((r) => r.fiscalYear === 2021);
    expect(fy2021.map((r) => r.value).sort()).toEqual([6543, 6600]);
    const latest = fy2021.reduce((x, y) => (y.revisionId > x.revisionId ? y : x));
    expect(fy2021.filter((r) => r.current)).toEqual([latest]);
    // The one that committed second saw the first as the value it replaced.
    const second = results.map(saved).find((s) => s.revisionId === latest.revisionId)!;
    expect(second.previous).not.toBeNull();
  });
});

describe('preparing the form', () => {
  it('answers an unknown action plan like any other command', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(await prepareFigureForm(ctx, 99, POLICY)).toEqual({
      ok: false,
      result: { kind: 'error', error: { code: 'no_such_action_plan', number: 99, max: 20 } },
    });
  });

  it('offers the plan years begun so far and defaults to the earliest overdue one, with its target', async () => {
    const ctx = await context(await open(), ADMIN);
    const prepared = await prepareFigureForm(ctx, 13, POLICY);
    if (!prepared.ok) throw new Error('form refused');
    expect(prepared.form).toMatchObject({
      planId: ctx.plan.id,
      actionPlan: { number: 13, name: '施設のＩＣＴ環境の充実' },
      indicators: [{ name: '無線LANアクセス回数', unit: '回', comparator: null }],
      years: [2019, 2020, 2021, 2022],
      chosen: { fiscalYear: 2021, target: 7000, actual: null, provisional: false },
    });
  });

  it('shows the current actual of the chosen year', async () => {
    const ctx = await context(await open(), ADMIN);
    const prepared = await prepareFigureForm(ctx, 13, POLICY, { fiscalYear: 2020 });
    expect(prepared).toMatchObject({
      ok: true,
      form: { chosen: { fiscalYear: 2020, target: 3000, actual: { value: 4991, recordedBy: 'seed', source: 'seed' } } },
    });
  });

  it('falls back to the latest ended year when nothing is overdue, kept inside the plan period', async () => {
    // ⑯ has targets only for FY2022–2023, so in July 2022 nothing of it is overdue.
    const ctx = await context(await open(), ADMIN);
    expect(await prepareFigureForm(ctx, 16, POLICY)).toMatchObject({ form: { chosen: { fiscalYear: 2021 } } });

    const early = await context(ctx.db, ADMIN, new Date('2019-05-01T00:00:00Z'));
    expect(await prepareFigureForm(early, 16, POLICY)).toMatchObject({ form: { chosen: { fiscalYear: 2019 } } });

    const late = await context(ctx.db, ADMIN, new Date('2030-05-01T00:00:00Z'));
    for (const fy of [2022, 2023]) saved(await submitFigure(late, await submission(late, 16, { fiscalYear: fy, value: '150' }), POLICY));
    expect(await prepareFigureForm(late, 16, POLICY)).toMatchObject({ form: { chosen: { fiscalYear: 2023 } } });
  });

  it('picks the indicator whose actual is most overdue, unless one is asked for', async () => {
    const ctx = await context(await open(), ADMIN);
    const [checkups, guidance] = await indicatorIds(ctx, 8);
    saved(await submitFigure(ctx, await submission(ctx, 8, { indicatorId: checkups!, value: '45.1' }), POLICY));

    expect(await prepareFigureForm(ctx, 8, POLICY)).toMatchObject({
      form: { chosen: { indicatorId: guidance, fiscalYear: 2021 } },
    });
    expect(await prepareFigureForm(ctx, 8, POLICY, { indicatorId: checkups!, fiscalYear: 2019 })).toMatchObject({
      form: { chosen: { indicatorId: checkups, fiscalYear: 2019, actual: { value: 44.4 } } },
    });
  });

  it('ignores a chosen year the form cannot offer', async () => {
    const ctx = await context(await open(), ADMIN);
    expect(await prepareFigureForm(ctx, 13, POLICY, { fiscalYear: 2023 })).toMatchObject({
      form: { chosen: { fiscalYear: 2021 } },
    });
  });
});
