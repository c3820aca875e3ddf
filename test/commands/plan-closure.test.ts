import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeDigest } from '../../commands/alerts/compute.ts';
import { answer } from '../../commands/answer.ts';
import { makeContext, type Actor } from '../../commands/context.ts';
import type { CommandResult } from '../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { loadPlanClosure } from '../../src/store/plan-closure.ts';
import type { Plan } from '../../src/store/schema.ts';
import { SETTINGS } from '../support/alerts.ts';
import { tempDatabase } from '../support/temp-db.ts';

/** Closing a plan whose period has ended: its missing actuals stop being chased, everywhere. */

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;
const admin: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const staff: Actor = { id: 'U0STAFF', isAdmin: false, canOpenForms: true };

const ask = (text: string, actor: Actor = admin, now = '2024-07-01T09:00:00+09:00') =>
  answer(text, makeContext({ db: t.db, plan, now: new Date(now), dueRule: DEFAULT_DUE_DATE_RULE, actor }));

function only<K extends CommandResult['kind']>(result: CommandResult, kind: K): Extract<CommandResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<CommandResult, { kind: K }>;
}

beforeEach(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
});
afterEach(() => t.cleanup());

describe('/plan close and /plan reopen', () => {
  it('is for admins only, and writes nothing for anyone else', async () => {
    expect(only(await ask('close', staff), 'error').error).toEqual({ code: 'admins_only' });
    expect(only(await ask('reopen', staff), 'error').error).toEqual({ code: 'admins_only' });
    expect(await loadPlanClosure(t.db, plan.id)).toBeNull();
  });

  it('refuses a plan whose last fiscal year has not ended (FY2023 runs to 31 March 2024)', async () => {
    const early = await ask('close', admin, '2024-03-31T23:00:00+09:00');
    expect(only(early, 'error').error).toEqual({ code: 'plan_not_ended', lastFiscalYear: 2023 });
    expect(await loadPlanClosure(t.db, plan.id)).toBeNull();
    expect(only(await ask('close', admin, '2024-04-01T00:00:00+09:00'), 'plan_closure').changed).toBe(true);
  });

  it('records who closed it and when, keeps the first closing, and reopens', async () => {
    const closed = only(await ask('close'), 'plan_closure');
    expect(closed).toMatchObject({ action: 'close', changed: true, closed: { closedBy: 'U0ADMIN', closedAt: '2024-07-01T00:00:00.000Z' } });
    const again = only(await ask('close', { ...admin, id: 'U0OTHER' }, '2024-08-01T09:00:00+09:00'), 'plan_closure');
    expect(again).toMatchObject({ changed: false, closed: { closedBy: 'U0ADMIN', closedAt: '2024-07-01T00:00:00.000Z' } });
    expect(only(await ask('reopen'), 'plan_closure')).toMatchObject({ action: 'reopen', changed: true, closed: null });
    expect(only(await ask('reopen'), 'plan_closure')).toMatchObject({ changed: false });
    expect(await loadPlanClosure(t.db, plan.id)).toBeNull();
  });

  it('stops the overdue list and the alert digest raising missing actuals, and answers say 計画期間終了', async () => {
    const before = await computeDigest(t.db, plan, SETTINGS, '2024-07-01');
    expect(before.findings.filter((f) => f.rule === 'overdue')).toHaveLength(65);
    expect(only(await ask('overdue'), 'overdue').figureCount).toBe(65);

    await ask('close');
    // The plan row the doors hold was read before the close: the rule must read it afresh.
    const after = await computeDigest(t.db, plan, SETTINGS, '2024-07-01');
    expect(after.findings.filter((f) => ['overdue', 'due_soon', 'no_owner'].includes(f.rule))).toEqual([]);
    // Figures that are in and missed their target are still news.
    expect(after.findings.filter((f) => f.rule === 'off_target').length).toBe(before.findings.filter((f) => f.rule === 'off_target').length);

    const overdue = only(await ask('overdue'), 'overdue');
    expect(overdue).toMatchObject({ groups: [], figureCount: 0, closed: { closedBy: 'U0ADMIN' } });
    const thirteen = only(await ask('13'), 'action_plan').plan;
    expect(thirteen.grading).toMatchObject({ closed: true, missingYears: [2021, 2022, 2023] });
    const list = only(await ask('list'), 'action_plan_list');
    expect(list.items.every((i) => i.grading.closed)).toBe(true);
  });
});
