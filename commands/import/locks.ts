import type { PlanDb } from '../../src/store/db.ts';
import { listReviews } from '../../src/store/reviews.ts';

/**
 * The fiscal years of a plan whose figures are final: a review has opened them (docs/review.md).
 * An import must not change them; an admin corrects a locked actual in Slack, with a reason.
 */
export async function lockedYears(db: PlanDb, planId: number): Promise<ReadonlySet<number>> {
  return new Set((await listReviews(db, planId)).map((review) => review.fiscalYear));
}
