import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../commands/context.ts';
import { buildHome, homeAudienceOf, type ReviewProgress } from '../../commands/home.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlan } from '../../src/store/action-plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import { addOwner, listOwnedActionPlanNumbers } from '../../src/store/owners.ts';
import { tempDatabase } from '../support/temp-db.ts';

const OWNER = 'U0OWNER';
const ADMIN = 'U0ADMIN';
const NOBODY = 'U0NOBODY';
const AUGUST_2024 = new Date('2024-08-01T09:00:00+09:00');
/** FY2023 has closed (31 March) and is due on 30 June: "due", 60 days left. */
const MAY_2024 = new Date('2024-05-01T09:00:00+09:00');

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;

beforeAll(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
  for (const n of [13, 8]) {
    const record = (await loadActionPlan(t.db, plan.id, n))!;
    await addOwner(t.db, { actionPlanId: record.id, userId: OWNER, addedBy: ADMIN, now: AUGUST_2024 });
  }
});
afterAll(async () => {
  await t.cleanup();
});

const ctxFor = (userId: string, now = AUGUST_2024, isAdmin = false) =>
  makeContext({ db: t.db, plan, now, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: userId, isAdmin, canOpenForms: true } });

describe('the Home tab’s data', () => {
  it('lists what a person owns, in order, each with its grade and the figures they still have to record', async () => {
    expect(await listOwnedActionPlanNumbers(t.db, plan.id, OWNER)).toEqual([8, 13]);
    const home = await buildHome(ctxFor(OWNER));
    expect(home).toMatchObject({ userId: OWNER, isAdmin: false, asOf: '2024-08-01', overview: null, review: null, seat: null });
    expect(home.owned.map((p) => p.plan.number)).toEqual([8, 13]);
    const thirteen = home.owned[1]!;
    expect(thirteen.grading.latest).toMatchObject({ fiscalYear: 2020, result: { grade: 'A' } });
    expect(thirteen.status).toBe('overdue');
    expect(thirteen.figures.map((f) => [f.fiscalYear, f.state, f.days, f.target])).toEqual([
      [2021, 'overdue', 763, 7000],
      [2022, 'overdue', 398, 10000],
      [2023, 'overdue', 32, 12000],
    ]);
    expect(thirteen.figures[0]).toMatchObject({ actionPlanNumber: 13, indicatorName: '無線LANアクセス回数', unit: '回', dueDate: '2022-06-30' });
    // ⑧ has two indicators: every missing year of each.
    expect(home.owned[0]!.figures).toHaveLength(6);
  });

  it('puts overdue figures first and counts the days left on those still in time', async () => {
    const home = await buildHome(ctxFor(OWNER, MAY_2024));
    expect(home.owned[1]!.figures.map((f) => [f.fiscalYear, f.state, f.days])).toEqual([
      [2021, 'overdue', 671],
      [2022, 'overdue', 306],
      [2023, 'due', 60],
    ]);
  });

  it('gives someone who owns nothing an empty list (the renderer shows a guide), and admins the whole plan', async () => {
    expect((await buildHome(ctxFor(NOBODY))).owned).toEqual([]);
    const home = await buildHome(ctxFor(ADMIN, AUGUST_2024, true));
    expect(home.owned).toEqual([]);
    expect(home.overview).toHaveLength(20);
    const thirteen = home.overview!.find((p) => p.plan.number === 13)!;
    expect(thirteen).toMatchObject({ overdue: 3, owners: 1, status: 'overdue' });
    expect(home.overview!.find((p) => p.plan.number === 1)!.owners).toBe(0);
  });

  it('asks the review seam for the open review (admins) and for this person’s seat (anyone)', async () => {
    const asked: string[] = [];
    const reviews: ReviewProgress = {
      async openReview() {
        asked.push('openReview');
        return { fiscalYear: 2023, dueDate: '2024-09-30', agreed: 5, total: 20, members: [{ userId: 'U0MEMBER', graded: 12, total: 20 }] };
      },
      async seatOf(_ctx, userId) {
        asked.push(`seatOf ${userId}`);
        return userId === 'U0MEMBER' ? { fiscalYear: 2023, dueDate: null, pending: [3, 4], total: 20 } : null;
      },
    };
    const member = await buildHome(ctxFor('U0MEMBER'), reviews);
    expect(member.review).toBeNull();
    expect(member.seat).toEqual({ fiscalYear: 2023, dueDate: null, pending: [3, 4], total: 20 });
    const admin = await buildHome(ctxFor(ADMIN, AUGUST_2024, true), reviews);
    expect(admin.review).toMatchObject({ agreed: 5, total: 20 });
    expect(admin.seat).toBeNull();
    expect(asked).toEqual(['seatOf U0MEMBER', 'openReview', `seatOf ${ADMIN}`]);
  });

  it('names whose Home tab shows an action plan: its owners and the admins', async () => {
    expect(await homeAudienceOf(ctxFor(ADMIN), 13, [ADMIN])).toEqual([OWNER, ADMIN]);
    expect(await homeAudienceOf(ctxFor(ADMIN), 1, [ADMIN])).toEqual([ADMIN]);
  });
});
