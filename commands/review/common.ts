import { committeeMembers } from '../../src/domain/review.ts';
import { listCommitteeChanges } from '../../src/store/committee.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { findReview, listReviews, type ReviewRecord } from '../../src/store/reviews.ts';
import type { CommandContext } from '../context.ts';
import type { ActionPlanHeader, CommandResult } from '../results.ts';
import type { ReviewAnswer, ReviewHeader, ReviewProblem } from './results.ts';
import { readSnapshot, type ReviewSnapshot, type SnapshotActionPlan } from './snapshot.ts';

/** Small pieces every review handler uses. */

export function reviewAnswer(review: ReviewAnswer): CommandResult {
  return { kind: 'review', review };
}

export function refused(problem: ReviewProblem): CommandResult {
  return { kind: 'error', error: { code: 'review', problem } };
}

export function headerOfReview(record: ReviewRecord): ReviewHeader {
  return {
    fiscalYear: record.fiscalYear,
    openedBy: record.openedBy,
    openedAt: record.openedAt,
    meetingDate: record.meetingDate,
    openReason: record.openReason,
    closed: record.closed ? { by: record.closed.by, at: record.closed.at } : null,
  };
}

export function snapshotHeader(ap: SnapshotActionPlan): ActionPlanHeader {
  return {
    number: ap.number,
    name: ap.name,
    nameEn: ap.nameEn,
    policy: ap.policy,
    theme: ap.theme.name,
    themeEn: ap.theme.nameEn,
  };
}

export interface OpenedReview {
  record: ReviewRecord;
  snapshot: ReviewSnapshot;
}

/** The review of a year with its snapshot, or the problem to answer (naming the years that have one). */
export async function reviewOfYear(
  db: PlanDb,
  planId: number,
  fiscalYear: number,
): Promise<{ ok: true; review: OpenedReview } | { ok: false; problem: ReviewProblem }> {
  const record = await findReview(db, planId, fiscalYear);
  if (!record) {
    const years = (await listReviews(db, planId)).map((r) => r.fiscalYear);
    return { ok: false, problem: { code: 'no_review', fiscalYear, years } };
  }
  return { ok: true, review: { record, snapshot: readSnapshot(record.snapshot, record.id) } };
}

/** Who is on a workspace's committee now: PLAN_COMMITTEE and every change its admins made in Slack. */
export async function currentCommittee(db: PlanDb, workspace: string, defaults: readonly string[]): Promise<string[]> {
  return committeeMembers(defaults, await listCommitteeChanges(db, workspace));
}

export async function isCommitteeMember(ctx: CommandContext, db: PlanDb = ctx.db): Promise<boolean> {
  return (await currentCommittee(db, ctx.workspace, ctx.committee)).includes(ctx.actor.id);
}

export function closedProblem(record: ReviewRecord): ReviewProblem | null {
  return record.closed ? { code: 'review_closed', fiscalYear: record.fiscalYear, closedAt: record.closed.at } : null;
}
