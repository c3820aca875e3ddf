import type { PlanDb } from './db.ts';

/**
 * Targets changed after the plan was made (the mid-term review's 目標の見直し). The revision row
 * keeps the target it replaced; yearly_figure.target holds the current one, so everything that
 * judges a figure (status, grading, alerts) reads the revised target without knowing about this.
 */

export interface TargetRevisionRecord {
  id: number;
  figureId: number;
  indicatorId: number;
  fiscalYear: number;
  previousTarget: number | null;
  target: number;
  reason: string;
  decision: string;
  revisedBy: string;
  revisedAt: string;
}

/** Adds the revision and makes its target current, inside the caller's transaction. */
export async function reviseTarget(
  trx: PlanDb,
  input: {
    figureId: number;
    target: number;
    reason: string;
    decision: string;
    revisedBy: string;
    now: Date;
    requestKey: string | null;
  },
): Promise<{ revisionId: number; previousTarget: number | null }> {
  const figure = await trx.selectFrom('yearly_figure').select('target').where('id', '=', input.figureId).executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto('target_revision')
    .values({
      yearly_figure_id: input.figureId,
      previous_target: figure.target,
      target: input.target,
      reason: input.reason,
      decision: input.decision,
      revised_by: input.revisedBy,
      revised_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('yearly_figure').set({ target: input.target }).where('id', '=', input.figureId).execute();
  return { revisionId: id, previousTarget: figure.target };
}

/** Every target revision of an action plan's figures, oldest first. */
export async function listTargetRevisions(db: PlanDb, actionPlanId: number): Promise<TargetRevisionRecord[]> {
  return db
    .selectFrom('target_revision as t')
    .innerJoin('yearly_figure as f', 'f.id', 't.yearly_figure_id')
    .innerJoin('indicator as i', 'i.id', 'f.indicator_id')
    .select([
      't.id',
      'f.id as figureId',
      'i.id as indicatorId',
      'f.fiscal_year as fiscalYear',
      't.previous_target as previousTarget',
      't.target',
      't.reason',
      't.decision',
      't.revised_by as revisedBy',
      't.revised_at as revisedAt',
    ])
    .where('i.action_plan_id', '=', actionPlanId)
    .orderBy('t.id')
    .execute();
}
