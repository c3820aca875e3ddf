import type { PlanDb } from './db.ts';
import type { Plan } from './schema.ts';

export interface PlanListing {
  plan: Plan;
  actionPlanCount: number;
}

/** Every plan of a workspace, newest period first (the order `findPlan` picks its default by). */
export async function listPlans(db: PlanDb, workspace: string): Promise<PlanListing[]> {
  const rows = await db
    .selectFrom('plan as p')
    .where('p.workspace_key', '=', workspace)
    .leftJoin('action_plan as ap', 'ap.plan_id', 'p.id')
    .selectAll('p')
    .select((eb) => eb.fn.count<number>('ap.id').as('actionPlanCount'))
    .groupBy('p.id')
    .orderBy('p.first_fiscal_year', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map(({ actionPlanCount, ...plan }) => ({ plan, actionPlanCount: Number(actionPlanCount) }));
}

export interface PlanOutline {
  policies: { number: number; name: string; nameEn: string | null }[];
  /** In the plan's order (position), each with its policy's number. */
  themes: { id: number; name: string; nameEn: string | null; position: number; policyNumber: number }[];
}

/** The policies and themes of a plan with their English names: the frame a plan file is written in. */
export async function loadPlanOutline(db: PlanDb, planId: number): Promise<PlanOutline> {
  const [policies, themes] = await Promise.all([
    db
      .selectFrom('basic_policy')
      .select(['number', 'name', 'name_en as nameEn'])
      .where('plan_id', '=', planId)
      .orderBy('number')
      .execute(),
    db
      .selectFrom('theme as t')
      .innerJoin('basic_policy as bp', 'bp.id', 't.policy_id')
      .select(['t.id', 't.name', 't.name_en as nameEn', 't.position', 'bp.number as policyNumber'])
      .where('t.plan_id', '=', planId)
      .orderBy('t.position')
      .execute(),
  ]);
  return { policies, themes };
}
