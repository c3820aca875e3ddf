import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext, type Actor } from '../../commands/context.ts';
import type { CommandResult } from '../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import { tempDatabase } from '../support/temp-db.ts';

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;
const admin: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const staff: Actor = { id: 'U0STAFF', isAdmin: false, canOpenForms: true };

const ask = (text: string, options: { now?: string; actor?: Actor } = {}) =>
  answer(
    text,
    makeContext({
      db: t.db,
      plan,
      now: new Date(options.now ?? '2024-07-01T00:00:00+09:00'),
      dueRule: DEFAULT_DUE_DATE_RULE,
      actor: options.actor ?? staff,
    }),
  );

function expectKind<K extends CommandResult['kind']>(result: CommandResult, kind: K): Extract<CommandResult, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<CommandResult, { kind: K }>;
}

describe('command handlers on the seeded plan', () => {
  beforeAll(async () => {
    t = await tempDatabase();
    plan = (await findPlan(t.db))!;
  });
  afterAll(() => t.cleanup());

  it('shows ⑬ year by year with a status for each year as of the day asked', async () => {
    const { plan: p } = expectKind(await ask('13', { now: '2022-07-01T09:00:00+09:00' }), 'action_plan');
    const years = p.indicators[0]!.years;
    expect(years.map((y) => [y.fiscalYear, y.target, y.actual, y.status])).toEqual([
      [2019, 1000, 5270, 'achieved'],
      [2020, 3000, 4991, 'achieved'],
      [2021, 7000, null, 'overdue'],
      [2022, 10000, null, 'pending'],
      [2023, 12000, null, 'pending'],
    ]);
    expect(p.indicators[0]!.latest).toMatchObject({ fiscalYear: 2020, target: 3000, actual: 4991 });
    expect(p.status).toBe('overdue');
  });

  it('judges ⑪ waiting time lower-is-better and ④ negative actual as missed', async () => {
    const eleven = expectKind(await ask('11'), 'action_plan').plan;
    expect(eleven.indicators[0]!.years.slice(0, 2).map((y) => y.status)).toEqual(['achieved', 'achieved']);
    const four = expectKind(await ask('4'), 'action_plan').plan;
    expect(four.indicators[0]!.years[1]).toMatchObject({ actual: -16.68, status: 'missed' });
  });

  it('says there is no action plan 99, naming the range', async () => {
    expect(expectKind(await ask('99'), 'error').error).toEqual({ code: 'no_such_action_plan', number: 99, max: 20 });
  });

  it('finds 防犯 in ⑬⑭⑮ through their theme and ⑮ through its name', async () => {
    const { items } = expectKind(await ask('search 防犯'), 'action_plan_list');
    expect(items.map((i) => i.number)).toEqual([13, 14, 15]);
  });

  it('folds full-width letters when searching: "ict" finds ＩＣＴ', async () => {
    const { items } = expectKind(await ask('search ict'), 'action_plan_list');
    expect(items.map((i) => i.number)).toEqual(expect.arrayContaining([12, 13]));
  });

  it('searches narratives and ANDs words', async () => {
    const { items } = expectKind(await ask('search ドローン 資格'), 'action_plan_list');
    expect(items.map((i) => i.number)).toEqual([14]);
    expect(expectKind(await ask('search 存在しない言葉'), 'action_plan_list').items).toEqual([]);
  });

  it('lists by policy and by theme, accepting the first word of a theme', async () => {
    expect(expectKind(await ask('policy 2'), 'action_plan_list').items.map((i) => i.number)).toEqual([13, 14, 15]);
    expect(expectKind(await ask('policy 3'), 'action_plan_list').items.map((i) => i.number)).toEqual([16, 17, 18, 19, 20]);
    expect(expectKind(await ask('policy 4'), 'error').error).toEqual({ code: 'no_such_policy', number: 4, max: 3 });
    expect(expectKind(await ask('theme 子育て・学び'), 'action_plan_list').items.map((i) => i.number)).toEqual([10, 11, 12]);
    expect(expectKind(await ask('theme 防災'), 'action_plan_list').items.map((i) => i.number)).toEqual([13, 14, 15]);
    expect(expectKind(await ask('theme 宇宙'), 'error').error).toMatchObject({ code: 'no_such_theme' });
  });

  it('lists overdue figures: FY2021 is overdue from 1 July 2022, not on 30 June', async () => {
    const onDueDate = expectKind(await ask('overdue 2022-06-30'), 'overdue');
    expect(onDueDate.groups).toEqual([]);
    const dayAfter = expectKind(await ask('overdue 2022-07-01'), 'overdue');
    expect(dayAfter.groups.every((g) => g.fiscalYears.join() === '2021' && g.daysLate === 1)).toBe(true);
    expect(dayAfter.groups.map((g) => g.actionPlan.number)).toContain(13);
    // ⑯ has no FY2021 target, so nothing can be overdue for it that year.
    expect(dayAfter.groups.map((g) => g.actionPlan.number)).not.toContain(16);
  });

  it('groups overdue figures by action plan with a count and the oldest due date', async () => {
    const overdue = expectKind(await ask('overdue 2024-07-01'), 'overdue');
    // One group per action plan with a late figure, instead of one line per figure.
    expect(overdue.groups).toHaveLength(20);
    expect(overdue.figureCount).toBe(overdue.groups.reduce((n, g) => n + g.count, 0));
    expect(overdue.figureCount).toBe(65);
    expect(overdue.groups.find((g) => g.actionPlan.number === 6)).toMatchObject({
      count: 6, // two indicators × FY2021–FY2023
      fiscalYears: [2021, 2022, 2023],
      oldestDueDate: '2022-06-30',
      daysLate: 732,
    });
    expect(overdue.groups.find((g) => g.actionPlan.number === 15)).toMatchObject({
      count: 1,
      fiscalYears: [2023],
      oldestDueDate: '2024-06-30',
      daysLate: 1,
    });
  });

  it('searches what people type: "wifi" finds ⑬ (Wi-Fi), English names too', async () => {
    expect(expectKind(await ask('search wifi'), 'action_plan_list').items.map((i) => i.number)).toEqual([13]);
    expect(expectKind(await ask('search ＷＩＦＩ'), 'action_plan_list').items.map((i) => i.number)).toEqual([13]);
    expect(expectKind(await ask('search drones'), 'action_plan_list').items.map((i) => i.number)).toEqual([14]);
  });

  it('lets only admins change owners, and anyone list them', async () => {
    expect(expectKind(await ask('owner 13 add U0OWNER'), 'error').error).toEqual({ code: 'admins_only' });
    const added = expectKind(await ask('owner 13 add <@U0OWNER|sato>', { actor: admin }), 'owners');
    expect(added).toMatchObject({ owners: ['U0OWNER'], change: { action: 'add', changed: true } });
    const again = expectKind(await ask('owner 13 add U0OWNER', { actor: admin }), 'owners');
    expect(again.change).toMatchObject({ changed: false });
    expect(expectKind(await ask('owner 13'), 'owners').owners).toEqual(['U0OWNER']);
    expect(expectKind(await ask('13'), 'action_plan').plan.owners).toEqual(['U0OWNER']);
    const removed = expectKind(await ask('owner 13 remove U0OWNER', { actor: admin }), 'owners');
    expect(removed).toMatchObject({ owners: [], change: { action: 'remove', changed: true } });
  });

  it('shows the seeded history of ⑬', async () => {
    const { entries } = expectKind(await ask('history 13'), 'history');
    expect(entries.map((e) => [e.fiscalYear, e.value, e.source, e.current])).toEqual([
      [2019, 5270, 'seed', true],
      [2020, 4991, 'seed', true],
    ]);
  });

  it('previews the next alert digest for admins only, and says when alerts are off', async () => {
    expect(expectKind(await ask('alerts'), 'error').error).toEqual({ code: 'admins_only' });
    expect(expectKind(await ask('alerts', { actor: admin }), 'alerts_preview').preview).toEqual({ kind: 'disabled' });
    const settings = { channel: 'C0PLAN', time: { hour: 9, minute: 0 }, dueSoonDays: 14, repeatDays: 7, dueRule: DEFAULT_DUE_DATE_RULE };
    const result = await answer(
      'alerts 2024-07-01',
      makeContext({ db: t.db, plan, now: new Date('2024-06-28T12:00:00+09:00'), dueRule: DEFAULT_DUE_DATE_RULE, actor: admin, alertSettings: settings }),
    );
    const { preview } = expectKind(result, 'alerts_preview');
    if (preview.kind !== 'preview') throw new Error('expected a preview');
    expect(preview).toMatchObject({ channel: 'C0PLAN', runDate: '2024-07-01', runAt: null });
    const thirteen = preview.digest.groups.find((g) => g.actionPlan.number === 13)!;
    expect(thirteen.items.flatMap(({ finding: f }) => (f.rule === 'overdue' ? [f.fiscalYear] : []))).toEqual([2021, 2022, 2023]);
  });

  it('answers report with a form for a known plan, and an error for an unknown one', async () => {
    expect(await ask('report 13')).toEqual({ kind: 'open_figure_form', actionPlanNumber: 13 });
    expect(expectKind(await ask('report 99'), 'error').error).toMatchObject({ code: 'no_such_action_plan' });
  });
});
