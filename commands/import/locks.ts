import type { PlanDb } from '../../src/store/db.ts';

/**
 * SEAM for review locks (another engineer's feature): the fiscal years of a plan whose figures
 * are final once the committee has reviewed them, so an import must not change them. None are
 * locked until that feature lands; replace the body with its store query, keep the signature.
 */
export async function lockedYears(_db: PlanDb, _planId: number): Promise<ReadonlySet<number>> {
  return new Set();
}
