import type { CivilDate } from '../../src/domain/fiscal-year.ts';
import { listAgreedGrades, listAssessments, listReviews, type ReviewRecord } from '../../src/store/reviews.ts';
import type { CommandContext } from '../context.ts';
import type { OpenReview, ReviewProgress, ReviewSeat } from '../home.ts';
import { currentCommittee } from './common.ts';
import { readSnapshot } from './snapshot.ts';

/**
 * What the Home tab shows of the committee's review: the newest review of the plan still open,
 * how many action plans have an agreed grade, and how far each member has got. A member has
 * graded a plan when their latest assessment of it carries a grade (an opinion alone does not).
 */
export const reviewProgress: ReviewProgress = {
  async openReview(ctx) {
    const open = await newestOpenReview(ctx);
    if (!open) return null;
    const { record, numbers } = open;
    const [agreed, graded, members] = await Promise.all([
      listAgreedGrades(ctx.db, record.id),
      gradedByMember(ctx, record.id),
      currentCommittee(ctx.db, ctx.workspace, ctx.committee),
    ]);
    const total = numbers.size;
    return {
      fiscalYear: record.fiscalYear,
      dueDate: meetingDay(record),
      agreed: new Set(agreed.map((g) => g.actionPlanId)).size,
      total,
      members: members.map((userId) => ({ userId, graded: graded.get(userId)?.size ?? 0, total })),
    } satisfies OpenReview;
  },

  async seatOf(ctx, userId) {
    const open = await newestOpenReview(ctx);
    if (!open || !(await currentCommittee(ctx.db, ctx.workspace, ctx.committee)).includes(userId)) return null;
    const mine = (await gradedByMember(ctx, open.record.id)).get(userId) ?? new Set<number>();
    const pending = [...open.numbers].filter(([id]) => !mine.has(id)).map(([, number]) => number);
    return {
      fiscalYear: open.record.fiscalYear,
      dueDate: meetingDay(open.record),
      pending: pending.sort((a, b) => a - b),
      total: open.numbers.size,
    } satisfies ReviewSeat;
  },
};

async function newestOpenReview(ctx: CommandContext): Promise<{ record: ReviewRecord; numbers: Map<number, number> } | null> {
  const record = (await listReviews(ctx.db, ctx.plan.id)).filter((r) => r.closed === null).at(-1);
  if (!record) return null;
  // The plans under review are the snapshot's: id → number.
  const numbers = new Map(readSnapshot(record.snapshot, record.id).actionPlans.map((ap) => [ap.id, ap.number]));
  return { record, numbers };
}

/** Member → the action plan ids whose latest assessment by them has a grade. */
async function gradedByMember(ctx: CommandContext, reviewId: number): Promise<Map<string, Set<number>>> {
  const latest = new Map<string, { memberId: string; actionPlanId: number; grade: string | null }>();
  for (const a of await listAssessments(ctx.db, reviewId)) latest.set(`${a.memberId}:${a.actionPlanId}`, a);
  const graded = new Map<string, Set<number>>();
  for (const a of latest.values()) {
    if (a.grade === null) continue;
    const set = graded.get(a.memberId) ?? new Set<number>();
    set.add(a.actionPlanId);
    graded.set(a.memberId, set);
  }
  return graded;
}

function meetingDay(record: ReviewRecord): CivilDate | null {
  return record.meetingDate;
}
