import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../commands/context.ts';
import type { CommandResult } from '../../commands/results.ts';
import { actionPlanSummary } from '../../commands/views.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlanOutlines } from '../../src/store/action-plans.ts';
import { loadPlanClosure } from '../../src/store/plan-closure.ts';
import type { Plan } from '../../src/store/schema.ts';
import { recordFor13, tempDatabase, thirteen } from '../support/temp-db.ts';

/**
 * List lines are kept with the outlines they are made from (commands/lists.ts): whatever the
 * order of days and writes, a list must say what working it out afresh says.
 */
let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;
beforeEach(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
});
afterEach(() => t.cleanup());

const contextOn = (now: string): CommandContext =>
  makeContext({ db: t.db, plan, now: new Date(now), dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0STAFF', isAdmin: false, canOpenForms: true } });

async function listed(ctx: CommandContext) {
  const result: CommandResult = await answer('list', ctx);
  if (result.kind !== 'action_plan_list') throw new Error(`expected a list, got ${result.kind}`);
  return result.items;
}

/** The same lines worked out from the database with nothing kept. */
async function afresh(ctx: CommandContext) {
  const closed = (await loadPlanClosure(t.db, plan.id)) !== null;
  return (await loadActionPlanOutlines(t.db, plan.id)).map((r) => actionPlanSummary(r, ctx, closed));
}

describe('/plan list lines kept between lists', () => {
  it('follow the day asked about and every write, in any order', async () => {
    const days = ['2022-06-01T09:00:00+09:00', '2024-07-01T09:00:00+09:00', '2022-06-01T09:00:00+09:00', '2025-09-01T09:00:00+09:00'];
    const seen = new Set<string>();
    for (const day of days) {
      const ctx = contextOn(day);
      const items = await listed(ctx);
      expect(items).toEqual(await afresh(ctx));
      seen.add(JSON.stringify(items.map((i) => [i.status, i.grading.latest?.fiscalYear])));
    }
    // The days chosen do give different lines, so a line kept from another day would show.
    expect(seen.size).toBeGreaterThan(1);

    const { indicatorId } = await thirteen(t.db);
    const ctx = contextOn('2024-07-01T09:00:00+09:00');
    const before = (await listed(ctx)).find((i) => i.number === 13);
    await recordFor13(t.db, indicatorId, { value: 0, fiscalYear: 2023 });
    const after = await listed(ctx);
    expect(after).toEqual(await afresh(ctx));
    expect(after.find((i) => i.number === 13)).not.toEqual(before);
  });
});
