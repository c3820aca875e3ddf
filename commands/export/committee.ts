import type { PlanDb } from '../../src/store/db.ts';
import type { CommitteeReview } from './model.ts';

/** What the committee's review adds to an action plan's evaluation sheet. */
export interface ReviewForSheet {
  /** 課題 */
  issues: string | null;
  committee: CommitteeReview | null;
}

/**
 * SEAM for the committee review feature (another engineer's): the review of each action plan
 * of a plan for one fiscal year, by action plan id. Until that feature lands there are none,
 * and the evaluation sheets print the committee's part empty. Replace the body, keep the shape.
 */
export async function reviewsForSheets(
  _db: PlanDb,
  _planId: number,
  _fiscalYear: number,
): Promise<ReadonlyMap<number, ReviewForSheet>> {
  return new Map();
}
