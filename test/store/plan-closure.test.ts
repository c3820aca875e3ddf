import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPlan } from '../../src/store/action-plans.ts';
import { loadPlanClosure, setPlanClosed } from '../../src/store/plan-closure.ts';
import { twoConnections } from '../support/temp-db.ts';

let t: Awaited<ReturnType<typeof twoConnections>>;
beforeEach(async () => {
  t = await twoConnections();
});
afterEach(() => t.cleanup());

describe('plan closure in the store', () => {
  it('is open after seeding, closes once, and is read afresh by another connection', async () => {
    const plan = (await findPlan(t.db))!;
    expect(plan.closed_at).toBeNull();
    expect(await loadPlanClosure(t.other, plan.id)).toBeNull();

    const now = new Date('2024-07-01T00:00:00Z');
    expect(await setPlanClosed(t.db, { planId: plan.id, closed: true, by: 'U0ADMIN', now })).toEqual({
      closure: { closedAt: '2024-07-01T00:00:00.000Z', closedBy: 'U0ADMIN' },
      changed: true,
    });
    expect(await loadPlanClosure(t.other, plan.id)).toEqual({ closedAt: '2024-07-01T00:00:00.000Z', closedBy: 'U0ADMIN' });
    const again = await setPlanClosed(t.other, { planId: plan.id, closed: true, by: 'U0OTHER', now: new Date() });
    expect(again).toEqual({ closure: { closedAt: '2024-07-01T00:00:00.000Z', closedBy: 'U0ADMIN' }, changed: false });

    expect(await setPlanClosed(t.db, { planId: plan.id, closed: false, by: 'U0ADMIN', now })).toEqual({ closure: null, changed: true });
    expect(await loadPlanClosure(t.other, plan.id)).toBeNull();
    const row = await t.db.selectFrom('plan').select(['closed_at', 'closed_by']).where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ closed_at: null, closed_by: null });
  });
});
