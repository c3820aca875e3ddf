/**
 * The lock under a race: an owner records a figure on one connection while an admin opens the
 * review on another (the bot and a second process on the same file). Whichever commits first,
 * the figure is either in the review's snapshot or refused as locked — never stored after the
 * snapshot without a correction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type Actor } from '../../../commands/context.ts';
import { submitFigure } from '../../../commands/record-figure.ts';
import { readSnapshot } from '../../../commands/review/snapshot.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlan } from '../../../src/store/action-plans.ts';
import type { PlanDb } from '../../../src/store/db.ts';
import { addOwner } from '../../../src/store/owners.ts';
import { findReview } from '../../../src/store/reviews.ts';
import { twoConnections } from '../../support/temp-db.ts';

const ADMIN: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const OWNER: Actor = { id: 'U0OWNER13', isAdmin: false, canOpenForms: true };
const NOW = new Date('2024-08-01T09:00:00+09:00');

let t: Awaited<ReturnType<typeof twoConnections>>;

beforeEach(async () => {
  t = await twoConnections();
  const plan = (await findPlan(t.db))!;
  const record = (await loadActionPlan(t.db, plan.id, 13))!;
  await addOwner(t.db, { actionPlanId: record.id, userId: OWNER.id, addedBy: ADMIN.id, now: NOW });
});

afterEach(async () => {
  await t.cleanup();
});

async function ctx(db: PlanDb, actor: Actor) {
  const plan = (await findPlan(db))!;
  return makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor, committee: [] });
}

describe('a figure recorded while the review opens', () => {
  it.each([2019, 2020, 2021, 2022, 2023])('FY%i is in the snapshot or refused, never both ways', async (fiscalYear) => {
    const owner = await ctx(t.db, OWNER);
    const admin = await ctx(t.other, ADMIN);
    const record = (await loadActionPlan(t.db, owner.plan.id, 13))!;
    const value = 77_000 + fiscalYear;
    const [recorded, opened] = await Promise.all([
      submitFigure(
        owner,
        { planId: owner.plan.id, actionPlanNumber: 13, indicatorId: record.indicators[0]!.id, fiscalYear, value: String(value), note: null, source: 'slack' },
        { admins: [ADMIN.id] },
      ),
      answer(`review open ${fiscalYear} force 競合の確認`, admin),
    ]);
    expect(opened.kind).toBe('review');
    const review = (await findReview(t.db, owner.plan.id, fiscalYear))!;
    const actual = readSnapshot(review.snapshot, review.id).actionPlans.find((ap) => ap.number === 13)!.indicators[0]!.actual;
    if (recorded.ok) expect(actual).toBe(value);
    else {
      expect(recorded).toEqual({ ok: false, fieldErrors: { fiscalYear: { code: 'year_locked', fiscalYear } } });
      expect(actual).not.toBe(value);
    }
  });
});
