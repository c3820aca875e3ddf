import { z } from 'zod';
import { checkText, isWayForward, latestBy, MAX_RESPONSE_LENGTH, type TextProblem, type WayForward } from '../../src/domain/review.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { listOwners } from '../../src/store/owners.ts';
import { appendResponse, listAssessments, listResponses, requestKeyUsed } from '../../src/store/reviews.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import type { ActionPlanHeader } from '../results.ts';
import type { PrepareReviewFormResult } from './assessment.ts';
import { closedProblem, reviewOfYear, snapshotHeader } from './common.ts';
import { formInputSchema, type ReviewFormTarget } from './form-input.ts';
import type { ReviewProblem } from './results.ts';

/**
 * The office's answer to the committee on one action plan (意見への対応) and the way forward
 * (今後の方向性), through a form: written by the plan's owners or an admin, editable until the
 * review closes, every version kept.
 */

export interface ResponseForm extends ReviewFormTarget {
  actionPlan: ActionPlanHeader;
  current: { response: string; wayForward: WayForward } | null;
  /** How many members gave an opinion, to answer them all. */
  opinions: number;
}

export async function prepareResponseForm(
  ctx: CommandContext,
  fiscalYear: number,
  number: number,
): Promise<PrepareReviewFormResult<ResponseForm>> {
  const checked = await checkResponse(ctx, ctx.db, { fiscalYear, actionPlanNumber: number });
  if (!checked.ok) return checked;
  const { ap, reviewId } = checked;
  const [current] = latestBy(await listResponses(ctx.db, reviewId, ap.id), () => 'one');
  return {
    ok: true,
    form: {
      planId: ctx.plan.id,
      fiscalYear,
      actionPlanNumber: ap.number,
      actionPlan: snapshotHeader(ap),
      current: current ? { response: current.response, wayForward: current.wayForward } : null,
      opinions: checked.opinions,
    },
  };
}

export const submitResponseInputSchema = formInputSchema.extend({
  response: z.string().nullable(),
  wayForward: z.string().max(40).nullable(),
});

export type SubmitResponseInput = z.input<typeof submitResponseInputSchema>;

export type ResponseFieldError = TextProblem | { code: 'way_forward_required' };

export interface ResponseFieldErrors {
  response?: ResponseFieldError;
  wayForward?: ResponseFieldError;
}

export interface SavedResponse {
  fiscalYear: number;
  actionPlan: ActionPlanHeader;
  response: string;
  wayForward: WayForward;
}

export type SubmitResponseResult =
  | { ok: true; saved: SavedResponse }
  | { ok: true; duplicate: true }
  | { ok: false; fieldErrors: ResponseFieldErrors }
  | { ok: false; problem: ReviewProblem };

export async function submitResponse(ctx: CommandContext, rawInput: SubmitResponseInput): Promise<SubmitResponseResult> {
  const parsed = submitResponseInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, fieldErrors: { response: { code: 'required' } } };
  const input = parsed.data;
  if (input.planId !== undefined && input.planId !== ctx.plan.id) {
    return { ok: false, problem: { code: 'not_in_review', fiscalYear: input.fiscalYear, number: input.actionPlanNumber } };
  }
  return inWriteTransaction(ctx.db, async (trx): Promise<SubmitResponseResult> => {
    const checked = await checkResponse(ctx, trx, input);
    const replay = await requestKeyUsed(trx, 'review_response', input.requestKey);
    if (!checked.ok) return replay && checked.problem.code === 'review_closed' ? { ok: true, duplicate: true } : checked;
    if (replay) return { ok: true, duplicate: true };

    const errors: ResponseFieldErrors = {};
    const response = checkText(input.response, { required: true, limit: MAX_RESPONSE_LENGTH });
    if (!response.ok) errors.response = response.problem;
    const wayForward = input.wayForward !== null && isWayForward(input.wayForward) ? input.wayForward : null;
    if (wayForward === null) errors.wayForward = { code: 'way_forward_required' };
    if (!response.ok || response.text === null || wayForward === null) return { ok: false, fieldErrors: errors };

    const { ap, reviewId } = checked;
    await appendResponse(trx, {
      reviewId,
      actionPlanId: ap.id,
      response: response.text,
      wayForward,
      recordedBy: ctx.actor.id,
      now: ctx.now,
      requestKey: input.requestKey ?? null,
    });
    return { ok: true, saved: { fiscalYear: input.fiscalYear, actionPlan: snapshotHeader(ap), response: response.text, wayForward } };
  });
}

/** The review is open, has the action plan, and the person owns it or is an admin. */
async function checkResponse(ctx: CommandContext, db: PlanDb, target: { fiscalYear: number; actionPlanNumber: number }) {
  const found = await reviewOfYear(db, ctx.plan.id, target.fiscalYear);
  if (!found.ok) return { ok: false as const, problem: found.problem };
  const { record, snapshot } = found.review;
  const ap = snapshot.actionPlans.find((a) => a.number === target.actionPlanNumber);
  if (!ap) {
    return { ok: false as const, problem: { code: 'not_in_review', fiscalYear: target.fiscalYear, number: target.actionPlanNumber } as ReviewProblem };
  }
  const closed = closedProblem(record);
  if (closed) return { ok: false as const, problem: closed };
  const owners = await listOwners(db, ap.id);
  if (!ctx.actor.isAdmin && !owners.includes(ctx.actor.id)) {
    return { ok: false as const, problem: { code: 'owners_and_admins_only', number: ap.number, owners } as ReviewProblem };
  }
  const opinions = latestBy(await listAssessments(db, record.id, ap.id), (a) => a.memberId).filter((a) => a.opinion !== null).length;
  return { ok: true as const, ap, reviewId: record.id, opinions };
}
