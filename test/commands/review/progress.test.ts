/** The Home tab's view of the open review (#19 ← #15): agreed grades, each member's progress, a member's seat. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import { reviewProgress } from '../../../commands/review/progress.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlan } from '../../../src/store/action-plans.ts';
import { appendAgreedGrade, appendAssessment, findReview } from '../../../src/store/reviews.ts';
import { tempDatabase } from '../../support/temp-db.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
const MEMBERS = ['U0MEMBER1', 'U0MEMBER2'];
let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: CommandContext;

beforeAll(async () => {
  t = await tempDatabase();
  const plan = (await findPlan(t.db, 'suita-4'))!;
  ctx = makeContext({
    db: t.db,
    plan,
    now: NOW,
    dueRule: DEFAULT_DUE_DATE_RULE,
    actor: { id: 'U0ADMIN', isAdmin: true, canOpenForms: true },
    committee: MEMBERS,
  });
});
afterAll(() => t.cleanup());

describe('review progress for the Home tab', () => {
  it('is null while no review is open', async () => {
    expect(await reviewProgress.openReview(ctx)).toBeNull();
    expect(await reviewProgress.seatOf(ctx, 'U0MEMBER1')).toBeNull();
  });

  it('counts agreed plans and what each member has graded; an opinion without a grade is not a grade', async () => {
    expect((await answer('review open 2020 meeting 2024-09-01 force 準備', ctx)).kind).toBe('review');
    const review = (await findReview(t.db, ctx.plan.id, 2020))!;
    const id = async (n: number) => (await loadActionPlan(t.db, ctx.plan.id, n))!.id;
    const base = { reviewId: review.id, requestKey: null, now: NOW };
    await appendAssessment(t.db, { ...base, actionPlanId: await id(13), memberId: 'U0MEMBER1', grade: 'A', opinion: null });
    await appendAssessment(t.db, { ...base, actionPlanId: await id(1), memberId: 'U0MEMBER1', grade: null, opinion: '意見だけ' });
    await appendAssessment(t.db, { ...base, actionPlanId: await id(2), memberId: 'U0MEMBER2', grade: 'B', opinion: null });
    // A later row without a grade replaces the earlier grade.
    await appendAssessment(t.db, { ...base, actionPlanId: await id(2), memberId: 'U0MEMBER2', grade: null, opinion: '取り下げ' });
    await appendAgreedGrade(t.db, { ...base, actionPlanId: await id(13), grade: 'A', recordedBy: 'U0ADMIN' });

    expect(await reviewProgress.openReview(ctx)).toEqual({
      fiscalYear: 2020,
      dueDate: '2024-09-01',
      agreed: 1,
      total: 20,
      members: [
        { userId: 'U0MEMBER1', graded: 1, total: 20 },
        { userId: 'U0MEMBER2', graded: 0, total: 20 },
      ],
    });
    const seat = (await reviewProgress.seatOf(ctx, 'U0MEMBER1'))!;
    expect(seat).toMatchObject({ fiscalYear: 2020, dueDate: '2024-09-01', total: 20 });
    expect(seat.pending).toHaveLength(19);
    expect(seat.pending).not.toContain(13);
    expect(await reviewProgress.seatOf(ctx, 'U0STAFF')).toBeNull();
  });

  it('is gone once the review is closed', async () => {
    expect((await answer('review close 2020', ctx)).kind).toBe('review');
    expect(await reviewProgress.openReview(ctx)).toBeNull();
  });
});
