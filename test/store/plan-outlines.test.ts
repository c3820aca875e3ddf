import { afterEach, describe, expect, it } from 'vitest';
import { findPlan } from '../../src/store/action-plans.ts';
import { setPlanClosed } from '../../src/store/plan-closure.ts';
import { planOutlines } from '../../src/store/plan-outlines.ts';
import { recordFor13, thirteen, twoConnections } from '../support/temp-db.ts';

/**
 * The outlines every list and search is made from are read once per data version and shared:
 * the same frozen objects while nothing changes, read again after a write from anywhere.
 */
describe('planOutlines', () => {
  let t: Awaited<ReturnType<typeof twoConnections>> | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  const figure2021Of13 = (outlines: Awaited<ReturnType<typeof planOutlines>>) =>
    outlines.actionPlans.find((r) => r.number === 13)!.indicators[0]!.figures.find((f) => f.fiscalYear === 2021)!;

  it('shares one frozen read while nothing is written', async () => {
    t = await twoConnections();
    const plan = (await findPlan(t.db))!;
    const first = await planOutlines(t.db, plan.id);
    expect(first.actionPlans).toHaveLength(20);
    expect(await planOutlines(t.db, plan.id)).toBe(first);
    expect(Object.isFrozen(first.actionPlans[0]!.indicators[0]!.figures[0])).toBe(true);
    expect(() => {
      (first.actionPlans[0] as { number: number }).number = 99;
    }).toThrow(TypeError);
  });

  it('has a figure recorded by another connection in the very next read, and one recorded by its own', async () => {
    t = await twoConnections();
    const plan = (await findPlan(t.db))!;
    const { indicatorId } = await thirteen(t.db);
    const before = await planOutlines(t.db, plan.id);
    expect(figure2021Of13(before).actual?.value).not.toBe(7777);

    await recordFor13(t.other, indicatorId, { value: 7777 });
    const afterOther = await planOutlines(t.db, plan.id);
    expect(afterOther).not.toBe(before);
    expect(figure2021Of13(afterOther).actual?.value).toBe(7777);

    await recordFor13(t.db, indicatorId, { value: 8888 });
    expect(figure2021Of13(await planOutlines(t.db, plan.id)).actual?.value).toBe(8888);
  });

  it('sees the plan closed or reopened from another connection at once', async () => {
    t = await twoConnections();
    const plan = (await findPlan(t.db))!;
    expect((await planOutlines(t.db, plan.id)).closed).toBe(false);
    await setPlanClosed(t.other, { planId: plan.id, closed: true, by: 'U0ADMIN', now: new Date('2024-07-01T00:00:00Z') });
    expect((await planOutlines(t.db, plan.id)).closed).toBe(true);
  });
});
