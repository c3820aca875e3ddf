import type { PlanDb } from './db.ts';
import type { WayForward } from '../domain/review.ts';

/**
 * The committee's reviews, one per plan and fiscal year, and what was said in them. Rows are
 * only ever added: the current grade of a member, the current response and the agreed grade
 * are the latest rows, and the older ones are the history.
 */

export interface ReviewRecord {
  id: number;
  planId: number;
  fiscalYear: number;
  openedBy: string;
  openedAt: string;
  meetingDate: string | null;
  openReason: string | null;
  /** JSON, read through commands/review/snapshot.ts. */
  snapshot: string;
  closed: { by: string; at: string; correctionsThrough: number | null } | null;
}

function reviewQuery(db: PlanDb) {
  return db
    .selectFrom('review as r')
    .leftJoin('review_closure as c', 'c.review_id', 'r.id')
    .select([
      'r.id',
      'r.plan_id as planId',
      'r.fiscal_year as fiscalYear',
      'r.opened_by as openedBy',
      'r.opened_at as openedAt',
      'r.meeting_date as meetingDate',
      'r.open_reason as openReason',
      'r.snapshot',
      'c.closed_by as closedBy',
      'c.closed_at as closedAt',
      'c.corrections_through as correctionsThrough',
    ]);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

function toRecord({ closedBy, closedAt, correctionsThrough, ...row }: ReviewRow): ReviewRecord {
  return { ...row, closed: closedBy === null || closedAt === null ? null : { by: closedBy, at: closedAt, correctionsThrough } };
}

export async function findReview(db: PlanDb, planId: number, fiscalYear: number): Promise<ReviewRecord | undefined> {
  const row = await reviewQuery(db).where('r.plan_id', '=', planId).where('r.fiscal_year', '=', fiscalYear).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Every review of a plan, oldest year first. */
export async function listReviews(db: PlanDb, planId: number): Promise<ReviewRecord[]> {
  const rows = await reviewQuery(db).where('r.plan_id', '=', planId).orderBy('r.fiscal_year').execute();
  return rows.map(toRecord);
}

/** Reviews of every plan not closed yet: what the reminder job looks at. */
/** The open reviews of a workspace's plans. */
export async function listOpenReviews(db: PlanDb, workspace: string): Promise<ReviewRecord[]> {
  const rows = await reviewQuery(db)
    .where('c.review_id', 'is', null)
    .where('r.plan_id', 'in', db.selectFrom('plan').select('id').where('workspace_key', '=', workspace))
    .orderBy('r.id')
    .execute();
  return rows.map(toRecord);
}

export async function insertReview(
  db: PlanDb,
  input: {
    planId: number;
    fiscalYear: number;
    openedBy: string;
    now: Date;
    meetingDate: string | null;
    openReason: string | null;
    snapshot: string;
    requestKey: string | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('review')
    .values({
      plan_id: input.planId,
      fiscal_year: input.fiscalYear,
      opened_by: input.openedBy,
      opened_at: input.now.toISOString(),
      meeting_date: input.meetingDate,
      open_reason: input.openReason,
      snapshot: input.snapshot,
      request_key: input.requestKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertClosure(
  db: PlanDb,
  input: { reviewId: number; closedBy: string; now: Date; requestKey: string | null },
): Promise<void> {
  // Read in the closing transaction: a correction committed after it is the figures' alone.
  const { last } = await db
    .selectFrom('figure_correction')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('review_id', '=', input.reviewId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('review_closure')
    .values({
      review_id: input.reviewId,
      closed_by: input.closedBy,
      closed_at: input.now.toISOString(),
      corrections_through: last ?? null,
      request_key: input.requestKey,
    })
    .execute();
}

/** Tables whose rows carry the request they came from. */
export type KeyedTable =
  | 'review'
  | 'review_closure'
  | 'review_assessment'
  | 'review_response'
  | 'review_agreed_grade'
  | 'target_revision'
  | 'committee_change'
  | 'workspace_setting';

/** Whether a request has been stored in a table already: a replay is answered, never stored twice. */
export async function requestKeyUsed(db: PlanDb, table: KeyedTable, requestKey: string | null | undefined): Promise<boolean> {
  if (!requestKey) return false;
  const row = await db.selectFrom(table).select('request_key').where('request_key', '=', requestKey).executeTakeFirst();
  return row !== undefined;
}

/**
 * The review that locks a yearly figure, if any: the year of a plan whose review has opened.
 * Read inside the transaction that writes the figure, so a review opened meanwhile is seen.
 */
export async function lockOfFigure(
  db: PlanDb,
  figureId: number,
): Promise<{ reviewId: number; fiscalYear: number; closed: boolean } | undefined> {
  const row = await db
    .selectFrom('yearly_figure as f')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .innerJoin('action_plan as ap', 'ap.id', 'i.action_plan_id')
    .innerJoin('review as r', (join) => join.onRef('r.plan_id', '=', 'ap.plan_id').onRef('r.fiscal_year', '=', 'f.fiscal_year'))
    .leftJoin('review_closure as c', 'c.review_id', 'r.id')
    .select(['r.id as reviewId', 'r.fiscal_year as fiscalYear', 'c.review_id as closedId'])
    .where('f.id', '=', figureId)
    .executeTakeFirst();
  return row ? { reviewId: row.reviewId, fiscalYear: row.fiscalYear, closed: row.closedId !== null } : undefined;
}

// ─── What members, the office and the meeting said ───────────────────────────────────────────

export interface AssessmentRecord {
  id: number;
  actionPlanId: number;
  memberId: string;
  grade: string | null;
  opinion: string | null;
  recordedAt: string;
}

export async function appendAssessment(
  db: PlanDb,
  input: {
    reviewId: number;
    actionPlanId: number;
    memberId: string;
    grade: string | null;
    opinion: string | null;
    now: Date;
    requestKey: string | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('review_assessment')
    .values({
      review_id: input.reviewId,
      action_plan_id: input.actionPlanId,
      member_id: input.memberId,
      grade: input.grade,
      opinion: input.opinion,
      recorded_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Every assessment of a review (or of one action plan in it), oldest first. */
export async function listAssessments(db: PlanDb, reviewId: number, actionPlanId?: number): Promise<AssessmentRecord[]> {
  let query = db
    .selectFrom('review_assessment')
    .select(['id', 'action_plan_id as actionPlanId', 'member_id as memberId', 'grade', 'opinion', 'recorded_at as recordedAt'])
    .where('review_id', '=', reviewId)
    .orderBy('id');
  if (actionPlanId !== undefined) query = query.where('action_plan_id', '=', actionPlanId);
  return query.execute();
}

export interface ResponseRecord {
  id: number;
  actionPlanId: number;
  response: string;
  wayForward: WayForward;
  recordedBy: string;
  recordedAt: string;
}

export async function appendResponse(
  db: PlanDb,
  input: {
    reviewId: number;
    actionPlanId: number;
    response: string;
    wayForward: WayForward;
    recordedBy: string;
    now: Date;
    requestKey: string | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('review_response')
    .values({
      review_id: input.reviewId,
      action_plan_id: input.actionPlanId,
      response: input.response,
      way_forward: input.wayForward,
      recorded_by: input.recordedBy,
      recorded_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listResponses(db: PlanDb, reviewId: number, actionPlanId?: number): Promise<ResponseRecord[]> {
  let query = db
    .selectFrom('review_response')
    .select([
      'id',
      'action_plan_id as actionPlanId',
      'response',
      'way_forward as wayForward',
      'recorded_by as recordedBy',
      'recorded_at as recordedAt',
    ])
    .where('review_id', '=', reviewId)
    .orderBy('id');
  if (actionPlanId !== undefined) query = query.where('action_plan_id', '=', actionPlanId);
  return query.execute();
}

export interface AgreedGradeRecord {
  id: number;
  actionPlanId: number;
  grade: string;
  recordedBy: string;
  recordedAt: string;
}

export async function appendAgreedGrade(
  db: PlanDb,
  input: { reviewId: number; actionPlanId: number; grade: string; recordedBy: string; now: Date; requestKey: string | null },
): Promise<number> {
  const { id } = await db
    .insertInto('review_agreed_grade')
    .values({
      review_id: input.reviewId,
      action_plan_id: input.actionPlanId,
      grade: input.grade,
      recorded_by: input.recordedBy,
      recorded_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listAgreedGrades(db: PlanDb, reviewId: number, actionPlanId?: number): Promise<AgreedGradeRecord[]> {
  let query = db
    .selectFrom('review_agreed_grade')
    .select(['id', 'action_plan_id as actionPlanId', 'grade', 'recorded_by as recordedBy', 'recorded_at as recordedAt'])
    .where('review_id', '=', reviewId)
    .orderBy('id');
  if (actionPlanId !== undefined) query = query.where('action_plan_id', '=', actionPlanId);
  return query.execute();
}

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────

/**
 * Claims the one reminder of a member for a review; false when it was claimed before. Claimed
 * before sending, so two runs never both send; a send that fails gives the claim back.
 */
export async function claimReminder(db: PlanDb, input: { reviewId: number; memberId: string; now: Date }): Promise<boolean> {
  const result = await db
    .insertInto('review_reminder')
    .values({ review_id: input.reviewId, member_id: input.memberId, sent_at: input.now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function releaseReminder(db: PlanDb, input: { reviewId: number; memberId: string }): Promise<void> {
  await db.deleteFrom('review_reminder').where('review_id', '=', input.reviewId).where('member_id', '=', input.memberId).execute();
}
