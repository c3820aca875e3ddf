import { loadActionPlan } from '../src/store/action-plans.ts';
import { listCorrectionsOfActionPlan } from '../src/store/figure-corrections.ts';
import { listRevisions } from '../src/store/figures.ts';
import { listTargetRevisions } from '../src/store/target-revisions.ts';
import { listOwners } from '../src/store/owners.ts';
import { loadPlanClosure } from '../src/store/plan-closure.ts';
import type { CommandContext } from './context.ts';
import { noSuchActionPlan } from './errors.ts';
import type { CommandResult } from './results.ts';
import { actionPlanView, headerOf } from './views.ts';

export async function showActionPlan(ctx: CommandContext, number: number, share: boolean): Promise<CommandResult> {
  const record = await loadActionPlan(ctx.db, ctx.plan.id, number);
  if (!record) return noSuchActionPlan(ctx, number);
  const owners = await listOwners(ctx.db, record.id);
  const closed = (await loadPlanClosure(ctx.db, ctx.plan.id)) !== null;
  const plan = actionPlanView(record, owners, ctx, closed);
  return { kind: 'action_plan', plan: ctx.otherPlan ? { ...plan, recordable: false } : plan, asOf: ctx.today, share };
}

export async function showHistory(ctx: CommandContext, number: number, share: boolean): Promise<CommandResult> {
  const record = await loadActionPlan(ctx.db, ctx.plan.id, number);
  if (!record) return noSuchActionPlan(ctx, number);
  const indicators = new Map(record.indicators.map((i) => [i.id, i]));
  const revisions = await listRevisions(ctx.db, record.id);
  const corrections = new Map((await listCorrectionsOfActionPlan(ctx.db, record.id)).map((c) => [c.revisionId, c.reason]));
  const targets = await listTargetRevisions(ctx.db, record.id);
  return {
    kind: 'history',
    actionPlan: headerOf(record),
    share,
    targetRevisions: targets.map((t) => ({
      indicatorName: indicators.get(t.indicatorId)!.name,
      unit: indicators.get(t.indicatorId)!.unit,
      comparator: indicators.get(t.indicatorId)!.comparator,
      fiscalYear: t.fiscalYear,
      previous: t.previousTarget,
      target: t.target,
      reason: t.reason,
      decision: t.decision,
      revisedBy: t.revisedBy,
      revisedAt: t.revisedAt,
    })),
    entries: revisions.map((r) => ({
      indicatorName: indicators.get(r.indicatorId)!.name,
      indicatorNameEn: indicators.get(r.indicatorId)!.nameEn,
      unit: indicators.get(r.indicatorId)!.unit,
      unitEn: indicators.get(r.indicatorId)!.unitEn,
      noteEn: r.noteEn,
      fiscalYear: r.fiscalYear,
      value: r.value,
      provisional: r.provisional,
      recordedBy: r.recordedBy,
      recordedAt: r.recordedAt,
      source: r.source,
      note: r.note,
      current: r.current,
      correction: corrections.get(r.revisionId) ?? null,
    })),
  };
}
