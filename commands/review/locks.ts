import type { RevisionGuard } from '../../src/store/figures.ts';
import { appendCorrection } from '../../src/store/figure-corrections.ts';
import { lockOfFigure } from '../../src/store/reviews.ts';
import type { CommandContext } from '../context.ts';

/**
 * A year whose review has opened is locked: its actuals are what the committee judged. An
 * admin may still correct one, giving the reason (the form's note); the correction is a new
 * revision like any other, marked 修正あり wherever the figure is shown and listed in the review.
 * Checked inside the transaction that writes the figure, so a review opened meanwhile counts.
 */

export type LockProblem =
  /** Not an admin: the locked year cannot be changed by this person at all. */
  | { code: 'year_locked'; fiscalYear: number }
  /** An admin without a reason. */
  | { code: 'correction_reason_required'; fiscalYear: number };

export class LockedFigureError extends Error {
  constructor(readonly problem: LockProblem) {
    super(`FY${problem.fiscalYear} is locked by its review (${problem.code})`);
    this.name = 'LockedFigureError';
  }
}

/** For `recordActual({ guard })`: refuses a locked year's figure, or records the correction with it. */
export function lockGuard(ctx: CommandContext, reason: string | null): RevisionGuard {
  return async (trx, figureId) => {
    const lock = await lockOfFigure(trx, figureId);
    if (!lock) return null;
    if (!ctx.actor.isAdmin) throw new LockedFigureError({ code: 'year_locked', fiscalYear: lock.fiscalYear });
    if (reason === null || reason.trim() === '') {
      throw new LockedFigureError({ code: 'correction_reason_required', fiscalYear: lock.fiscalYear });
    }
    return (write, revisionId) =>
      appendCorrection(write, {
        revisionId,
        figureId,
        reviewId: lock.reviewId,
        reason: reason.trim(),
        correctedBy: ctx.actor.id,
        now: ctx.now,
      });
  };
}
