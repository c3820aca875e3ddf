import { gradesOf } from '../../src/domain/grading.ts';
import { isGradeOfScheme, latestBy } from '../../src/domain/review.ts';
import { appendAgreedGrade, findReview, insertClosure, listAgreedGrades, requestKeyUsed } from '../../src/store/reviews.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import type { ReviewCommand } from '../grammar.ts';
import type { CommandResult } from '../results.ts';
import { closedProblem, headerOfReview, refused, reviewAnswer, reviewOfYear, snapshotHeader } from './common.ts';

/** What only the office does at the meeting's end: record the agreed grade, close the review. */

export async function agreeGrade(
  ctx: CommandContext,
  command: Extract<ReviewCommand, { action: 'agree' }>,
): Promise<CommandResult> {
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  const { fiscalYear, number, grade } = command;
  return inWriteTransaction(ctx.db, async (trx) => {
    const found = await reviewOfYear(trx, ctx.plan.id, fiscalYear);
    if (!found.ok) return refused(found.problem);
    const { record, snapshot } = found.review;
    const ap = snapshot.actionPlans.find((a) => a.number === number);
    if (!ap) return refused({ code: 'not_in_review', fiscalYear, number });
    const header = snapshotHeader(ap);
    if (await requestKeyUsed(trx, 'review_agreed_grade', ctx.requestKey)) {
      return reviewAnswer({ type: 'agreed', review: headerOfReview(record), actionPlan: header, grade, previous: null, duplicate: true });
    }
    const closed = closedProblem(record);
    if (closed) return refused(closed);
    if (!isGradeOfScheme(grade, ap.scheme)) return refused({ code: 'grade_not_in_scheme', grade, allowed: [...gradesOf(ap.scheme)] });
    const [earlier] = latestBy(await listAgreedGrades(trx, record.id, ap.id), () => 'one');
    await appendAgreedGrade(trx, {
      reviewId: record.id,
      actionPlanId: ap.id,
      grade,
      recordedBy: ctx.actor.id,
      now: ctx.now,
      requestKey: ctx.requestKey ?? null,
    });
    const previous = earlier && isGradeOfScheme(earlier.grade, ap.scheme) ? earlier.grade : null;
    return reviewAnswer({ type: 'agreed', review: headerOfReview(record), actionPlan: header, grade, previous, duplicate: false });
  });
}

export async function closeReview(
  ctx: CommandContext,
  command: Extract<ReviewCommand, { action: 'close' }>,
): Promise<CommandResult> {
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  const { fiscalYear } = command;
  return inWriteTransaction(ctx.db, async (trx) => {
    const found = await reviewOfYear(trx, ctx.plan.id, fiscalYear);
    if (!found.ok) return refused(found.problem);
    const { record, snapshot } = found.review;
    const agreed = new Set((await listAgreedGrades(trx, record.id)).map((a) => a.actionPlanId));
    const withoutAgreed = snapshot.actionPlans.filter((ap) => !agreed.has(ap.id)).map((ap) => ap.number);
    if (record.closed && (await requestKeyUsed(trx, 'review_closure', ctx.requestKey))) {
      return reviewAnswer({ type: 'closed', review: headerOfReview(record), withoutAgreed, duplicate: true });
    }
    const closed = closedProblem(record);
    if (closed) return refused(closed);
    await insertClosure(trx, { reviewId: record.id, closedBy: ctx.actor.id, now: ctx.now, requestKey: ctx.requestKey ?? null });
    const after = (await findReview(trx, ctx.plan.id, fiscalYear))!;
    return reviewAnswer({ type: 'closed', review: headerOfReview(after), withoutAgreed, duplicate: false });
  });
}
