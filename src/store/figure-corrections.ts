import type { PlanDb } from './db.ts';

/**
 * Corrections of actuals in a locked year: the revision itself is an ordinary one in
 * actual_revision; this row says it was a correction, why, and under which review.
 */

export async function appendCorrection(
  trx: PlanDb,
  input: { revisionId: number; figureId: number; reviewId: number; reason: string; correctedBy: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('figure_correction')
    .values({
      revision_id: input.revisionId,
      yearly_figure_id: input.figureId,
      review_id: input.reviewId,
      reason: input.reason,
      corrected_by: input.correctedBy,
      corrected_at: input.now.toISOString(),
    })
    .execute();
}

export interface CorrectionRecord {
  revisionId: number;
  figureId: number;
  actionPlanId: number;
  indicatorId: number;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

function correctionQuery(db: PlanDb) {
  return db
    .selectFrom('figure_correction as c')
    .innerJoin('actual_revision as r', 'r.id', 'c.revision_id')
    .innerJoin('yearly_figure as f', 'f.id', 'c.yearly_figure_id')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .select([
      'c.revision_id as revisionId',
      'f.id as figureId',
      'i.action_plan_id as actionPlanId',
      'i.id as indicatorId',
      'f.fiscal_year as fiscalYear',
      'r.value',
      'r.provisional',
      'c.reason',
      'c.corrected_by as correctedBy',
      'c.corrected_at as correctedAt',
    ])
    .orderBy('c.id');
}

function toRecord(row: Awaited<ReturnType<ReturnType<typeof correctionQuery>['execute']>>[number]): CorrectionRecord {
  return { ...row, provisional: row.provisional === 1 };
}

/**
 * Corrections made under one review, oldest first. `through` (a closed review's watermark)
 * leaves out the later ones: null means none, undefined (an open review) means all.
 */
export async function listCorrectionsOfReview(
  db: PlanDb,
  reviewId: number,
  through?: number | null,
): Promise<CorrectionRecord[]> {
  if (through === null) return [];
  let query = correctionQuery(db).where('c.review_id', '=', reviewId);
  if (through !== undefined) query = query.where('c.id', '<=', through);
  return (await query.execute()).map(toRecord);
}

/** Every correction of an action plan's figures, oldest first: for its history. */
export async function listCorrectionsOfActionPlan(db: PlanDb, actionPlanId: number): Promise<CorrectionRecord[]> {
  return (await correctionQuery(db).where('i.action_plan_id', '=', actionPlanId).execute()).map(toRecord);
}
