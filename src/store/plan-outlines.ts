import { loadActionPlanOutlines, type ActionPlanOutline } from './action-plans.ts';
import { dataVersion } from './data-version.ts';
import type { PlanDb } from './db.ts';
import { deepFreeze } from '../domain/freeze.ts';
import { loadPlanClosure } from './plan-closure.ts';
import { VersionedCache } from './versioned-cache.ts';

/** What every list and search of a plan is made from. */
export interface PlanOutlines {
  /** Every action plan in number order, with its indicators and each figure's outline. */
  actionPlans: readonly ActionPlanOutline[];
  /** An admin has closed the plan (missing figures are no longer chased). */
  closed: boolean;
}

/** Plans kept per database: a workspace asks about one, an instance serves a few. */
const PLANS_KEPT = 16;

const kept = new WeakMap<PlanDb, VersionedCache<Promise<PlanOutlines>>>();

/**
 * A plan's outlines, read from the database once per data version (src/store/data-version.ts)
 * and then shared, frozen, by every list, search, theme and policy until anything is written.
 *
 * Reading them was most of a `/plan list` or a search (#14): two queries built by Kysely, and
 * SQLite assembling all 600 figures; now one cheap token decides whether to read again. The
 * token is read before the outlines, so outlines newer than their token can be kept (the next
 * call reads again), never older: a figure recorded anywhere is in the very next list.
 */
export async function planOutlines(db: PlanDb, planId: number): Promise<PlanOutlines> {
  const version = await dataVersion(db);
  let plans = kept.get(db);
  if (!plans) kept.set(db, (plans = new VersionedCache(PLANS_KEPT)));
  const id = String(planId);
  const hit = plans.get(id, version);
  if (hit) return hit;
  const outlines = read(db, planId);
  plans.set(id, version, outlines);
  // A failed read is not kept: the next call tries again.
  outlines.catch(() => plans.forget(id, outlines));
  return outlines;
}

async function read(db: PlanDb, planId: number): Promise<PlanOutlines> {
  const [actionPlans, closure] = await Promise.all([loadActionPlanOutlines(db, planId), loadPlanClosure(db, planId)]);
  return { actionPlans: deepFreeze(actionPlans), closed: closure !== null };
}
