import { z } from 'zod';
import { gradesOf, type GradeCode, type GradingScheme } from '../../src/domain/grading.ts';
import { checkText, isGradeOfScheme, latestBy, MAX_OPINION_LENGTH, parseGradeWord, type TextProblem } from '../../src/domain/review.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { appendAssessment, listAssessments, requestKeyUsed } from '../../src/store/reviews.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import type { ActionPlanHeader } from '../results.ts';
import { closedProblem, isCommitteeMember, reviewOfYear, snapshotHeader } from './common.ts';
import type { ReviewProblem } from './results.ts';
import { formInputSchema, type ReviewFormTarget } from './form-input.ts';

/**
 * A committee member's grade and opinion on one action plan, through a form (the Slack modal):
 * what it shows when it opens, and the submission. Checked again on submission whatever the
 * form said (a form can be forged or left open across the closing of the review).
 */

export interface AssessmentForm extends ReviewFormTarget {
  actionPlan: ActionPlanHeader;
  scheme: GradingScheme;
  /** What the member may choose, best first. */
  grades: GradeCode[];
  /** The grading engine's grade on the snapshot, shown beside the choice. */
  computed: GradeCode | null;
  /** What this member said before, to edit. */
  current: { grade: GradeCode | null; opinion: string | null } | null;
}

export type PrepareReviewFormResult<F> = { ok: true; form: F } | { ok: false; problem: ReviewProblem };

export async function prepareAssessmentForm(
  ctx: CommandContext,
  fiscalYear: number,
  number: number,
): Promise<PrepareReviewFormResult<AssessmentForm>> {
  const checked = await checkAssessment(ctx, ctx.db, { fiscalYear, actionPlanNumber: number });
  if (!checked.ok) return checked;
  const { ap, reviewId } = checked;
  const [mine] = latestBy(
    (await listAssessments(ctx.db, reviewId, ap.id)).filter((a) => a.memberId === ctx.actor.id),
    () => 'mine',
  );
  return {
    ok: true,
    form: {
      planId: ctx.plan.id,
      fiscalYear,
      actionPlanNumber: ap.number,
      actionPlan: snapshotHeader(ap),
      scheme: ap.scheme,
      grades: [...gradesOf(ap.scheme)],
      computed: ap.grade,
      current: mine
        ? { grade: mine.grade !== null && isGradeOfScheme(mine.grade, ap.scheme) ? mine.grade : null, opinion: mine.opinion }
        : null,
    },
  };
}

export const submitAssessmentInputSchema = formInputSchema.extend({
  /** A grade code as the form's options carry it (A, double_circle, achieved…), or none. */
  grade: z.string().max(40).nullable(),
  opinion: z.string().nullable(),
});

export type SubmitAssessmentInput = z.input<typeof submitAssessmentInputSchema>;

export type AssessmentFieldError =
  | { code: 'nothing_given' }
  | { code: 'grade_not_in_scheme'; grade: string; allowed: GradeCode[] }
  | TextProblem;

export interface AssessmentFieldErrors {
  grade?: AssessmentFieldError;
  opinion?: AssessmentFieldError;
}

export interface SavedAssessment {
  fiscalYear: number;
  actionPlan: ActionPlanHeader;
  grade: GradeCode | null;
  opinion: string | null;
  /** The member had said something before: this replaces it (the earlier stays in the record). */
  replaced: boolean;
}

export type SubmitAssessmentResult =
  | { ok: true; saved: SavedAssessment }
  /** This submission had been stored before (a replay): nothing new was stored. */
  | { ok: true; duplicate: true }
  | { ok: false; fieldErrors: AssessmentFieldErrors }
  | { ok: false; problem: ReviewProblem };

export async function submitAssessment(ctx: CommandContext, rawInput: SubmitAssessmentInput): Promise<SubmitAssessmentResult> {
  const parsed = submitAssessmentInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, fieldErrors: { grade: { code: 'nothing_given' } } };
  const input = parsed.data;
  if (input.planId !== undefined && input.planId !== ctx.plan.id) {
    return { ok: false, problem: { code: 'not_in_review', fiscalYear: input.fiscalYear, number: input.actionPlanNumber } };
  }
  return inWriteTransaction(ctx.db, async (trx): Promise<SubmitAssessmentResult> => {
    const checked = await checkAssessment(ctx, trx, input);
    if (!checked.ok) {
      // A replay arriving after the review closed was stored while it was open: say so, not "closed".
      if (checked.problem.code === 'review_closed' && (await requestKeyUsed(trx, 'review_assessment', input.requestKey))) {
        return { ok: true, duplicate: true };
      }
      return checked;
    }
    const { ap, reviewId } = checked;
    if (await requestKeyUsed(trx, 'review_assessment', input.requestKey)) return { ok: true, duplicate: true };

    const errors: AssessmentFieldErrors = {};
    const code = input.grade === null || input.grade.trim() === '' ? null : (parseGradeWord(input.grade) ?? input.grade);
    if (code !== null && !isGradeOfScheme(code, ap.scheme)) {
      errors.grade = { code: 'grade_not_in_scheme', grade: code.slice(0, 40), allowed: [...gradesOf(ap.scheme)] };
    }
    const opinion = checkText(input.opinion, { required: false, limit: MAX_OPINION_LENGTH });
    if (!opinion.ok) errors.opinion = opinion.problem;
    else if (code === null && opinion.text === null) errors.grade = { code: 'nothing_given' };
    if (Object.keys(errors).length || !opinion.ok) return { ok: false, fieldErrors: errors };

    const before = (await listAssessments(trx, reviewId, ap.id)).some((a) => a.memberId === ctx.actor.id);
    await appendAssessment(trx, {
      reviewId,
      actionPlanId: ap.id,
      memberId: ctx.actor.id,
      grade: code,
      opinion: opinion.text,
      now: ctx.now,
      requestKey: input.requestKey ?? null,
    });
    return {
      ok: true,
      saved: {
        fiscalYear: input.fiscalYear,
        actionPlan: snapshotHeader(ap),
        grade: code as GradeCode | null,
        opinion: opinion.text,
        replaced: before,
      },
    };
  });
}

/** The review is open, has the action plan, and the person is on the committee. */
async function checkAssessment(ctx: CommandContext, db: PlanDb, target: { fiscalYear: number; actionPlanNumber: number }) {
  const found = await reviewOfYear(db, ctx.plan.id, target.fiscalYear);
  if (!found.ok) return { ok: false as const, problem: found.problem };
  const { record, snapshot } = found.review;
  const ap = snapshot.actionPlans.find((a) => a.number === target.actionPlanNumber);
  if (!ap) {
    return { ok: false as const, problem: { code: 'not_in_review', fiscalYear: target.fiscalYear, number: target.actionPlanNumber } as ReviewProblem };
  }
  const closed = closedProblem(record);
  if (closed) return { ok: false as const, problem: closed };
  if (!(await isCommitteeMember(ctx, db))) return { ok: false as const, problem: { code: 'members_only' } as ReviewProblem };
  return { ok: true as const, ap, reviewId: record.id };
}
