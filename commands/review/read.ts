import { isGradeOfScheme, latestBy, tallyGrades } from '../../src/domain/review.ts';
import type { GradeCode } from '../../src/domain/grading.ts';
import { listCorrectionsOfReview, type CorrectionRecord } from '../../src/store/figure-corrections.ts';
import {
  listAgreedGrades,
  listAssessments,
  listResponses,
  listReviews,
  type AgreedGradeRecord,
  type AssessmentRecord,
  type ResponseRecord,
} from '../../src/store/reviews.ts';
import type { CommandContext } from '../context.ts';
import type { CommandResult } from '../results.ts';
import { currentCommittee, headerOfReview, refused, reviewAnswer, reviewOfYear, snapshotHeader, type OpenedReview } from './common.ts';
import type { Correction, MemberAssessment, ReviewRow } from './results.ts';
import { missingInSnapshot, type ReviewSnapshot } from './snapshot.ts';

/** Reading a review: the list of years, the summary of one, the sheet of one action plan. */

export async function listAllReviews(ctx: CommandContext): Promise<CommandResult> {
  const reviews = await listReviews(ctx.db, ctx.plan.id);
  return reviewAnswer({ type: 'list', reviews: reviews.map(headerOfReview) });
}

export async function reviewSummary(ctx: CommandContext, fiscalYear: number, page: number): Promise<CommandResult> {
  const found = await reviewOfYear(ctx.db, ctx.plan.id, fiscalYear);
  if (!found.ok) return refused(found.problem);
  const { record, snapshot } = found.review;
  const said = await whatWasSaid(ctx, found.review);
  const rows: ReviewRow[] = snapshot.actionPlans.map((ap) => {
    const current = said.assessments.filter((a) => a.actionPlanId === ap.id);
    return {
      actionPlan: snapshotHeader(ap),
      scheme: ap.scheme,
      computed: ap.grade,
      memberGrades: tallyGrades(ap.scheme, current.map((a) => gradeIn(a.grade, ap.scheme))),
      opinions: current.filter((a) => a.opinion !== null).length,
      agreed: gradeIn(said.agreed.get(ap.id)?.grade ?? null, ap.scheme),
      wayForward: said.responses.get(ap.id)?.wayForward ?? null,
      corrected: said.corrections.some((c) => c.actionPlanId === ap.id),
    };
  });
  return reviewAnswer({
    type: 'summary',
    review: headerOfReview(record),
    rows,
    missing: missingInSnapshot(snapshot),
    corrections: said.corrections.map((c) => correctionOf(c, snapshot)),
    memberCount: (await currentCommittee(ctx.db, ctx.workspace, ctx.committee)).length,
    page,
  });
}

export async function reviewSheet(ctx: CommandContext, fiscalYear: number, number: number): Promise<CommandResult> {
  const found = await reviewOfYear(ctx.db, ctx.plan.id, fiscalYear);
  if (!found.ok) return refused(found.problem);
  const { record, snapshot } = found.review;
  const ap = snapshot.actionPlans.find((a) => a.number === number);
  if (!ap) return refused({ code: 'not_in_review', fiscalYear, number });
  const said = await whatWasSaid(ctx, found.review, ap.id);
  const agreed = said.agreed.get(ap.id);
  const response = said.responses.get(ap.id);
  const agreedGrade = agreed ? gradeIn(agreed.grade, ap.scheme) : null;
  return reviewAnswer({
    type: 'sheet',
    review: headerOfReview(record),
    sheet: {
      actionPlan: ap,
      assessments: said.assessments.map((a): MemberAssessment => ({
        memberId: a.memberId,
        grade: gradeIn(a.grade, ap.scheme),
        opinion: a.opinion,
        recordedAt: a.recordedAt,
        earlier: said.changes.get(a.memberId) ?? 0,
      })),
      agreed: agreed && agreedGrade ? { grade: agreedGrade, recordedBy: agreed.recordedBy, recordedAt: agreed.recordedAt } : null,
      response: response
        ? { response: response.response, wayForward: response.wayForward, recordedBy: response.recordedBy, recordedAt: response.recordedAt }
        : null,
      corrections: said.corrections.map((c) => correctionOf(c, snapshot)),
    },
  });
}

interface Said {
  /** Each member's current assessment per action plan. */
  assessments: AssessmentRecord[];
  /** How many earlier assessments each member gave (for one action plan only). */
  changes: Map<string, number>;
  agreed: Map<number, AgreedGradeRecord>;
  responses: Map<number, ResponseRecord>;
  corrections: CorrectionRecord[];
}

/**
 * Everything said in a review, as it stands: the latest entry of each kind. Corrections made
 * after the review closed belong to the figures, not to the closed review.
 */
async function whatWasSaid(ctx: CommandContext, review: OpenedReview, actionPlanId?: number): Promise<Said> {
  const { record } = review;
  const [all, agreed, responses, corrections] = await Promise.all([
    listAssessments(ctx.db, record.id, actionPlanId),
    listAgreedGrades(ctx.db, record.id, actionPlanId),
    listResponses(ctx.db, record.id, actionPlanId),
    listCorrectionsOfReview(ctx.db, record.id, record.closed ? record.closed.correctionsThrough : undefined),
  ]);
  const changes = new Map<string, number>();
  for (const a of all) changes.set(a.memberId, (changes.get(a.memberId) ?? -1) + 1);
  return {
    assessments: latestBy(all, (a) => `${a.actionPlanId}\u0000${a.memberId}`),
    changes,
    agreed: new Map(latestBy(agreed, (a) => String(a.actionPlanId)).map((a) => [a.actionPlanId, a])),
    responses: new Map(latestBy(responses, (r) => String(r.actionPlanId)).map((r) => [r.actionPlanId, r])),
    corrections: actionPlanId === undefined ? corrections : corrections.filter((c) => c.actionPlanId === actionPlanId),
  };
}

/** A stored grade read back for the plan's scheme; one that does not belong (never written so) reads as none. */
function gradeIn(grade: string | null, scheme: ReviewSnapshot['actionPlans'][number]['scheme']): GradeCode | null {
  return grade !== null && isGradeOfScheme(grade, scheme) ? grade : null;
}

function correctionOf(c: CorrectionRecord, snapshot: ReviewSnapshot): Correction {
  const ap = snapshot.actionPlans.find((a) => a.id === c.actionPlanId);
  const indicator = ap?.indicators.find((i) => i.id === c.indicatorId);
  return {
    actionPlanNumber: ap?.number ?? 0,
    indicatorName: indicator?.name ?? '',
    unit: indicator?.unit ?? '',
    before: indicator?.actual ?? null,
    value: c.value,
    reason: c.reason,
    correctedBy: c.correctedBy,
    correctedAt: c.correctedAt,
  };
}
