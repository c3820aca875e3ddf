import { foldForSearch, matchesAllWords } from '../src/domain/search.ts';
import { listPolicies, listThemes, loadActionPlans } from '../src/store/action-plans.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';
import { actionPlanSummary } from './views.ts';

export async function listAll(ctx: CommandContext, share: boolean): Promise<CommandResult> {
  const records = await loadActionPlans(ctx.db, ctx.plan.id);
  return list(ctx, ctx.otherPlan ? { kind: 'all', planName: ctx.plan.name } : { kind: 'all' }, records, share);
}

export async function search(ctx: CommandContext, words: string[], share: boolean): Promise<CommandResult> {
  const records = await loadActionPlans(ctx.db, ctx.plan.id);
  const found = records.filter((r) =>
    matchesAllWords(
      [r.name, r.narrative, r.theme.name, r.policy.name, ...r.indicators.flatMap((i) => [i.name, i.note])],
      words,
    ),
  );
  return list(ctx, { kind: 'search', words }, found, share);
}

export async function byPolicy(ctx: CommandContext, number: number, share: boolean): Promise<CommandResult> {
  const policies = await listPolicies(ctx.db, ctx.plan.id);
  const policy = policies.find((p) => p.number === number);
  if (!policy) {
    return { kind: 'error', error: { code: 'no_such_policy', number, max: policies.length } };
  }
  const records = await loadActionPlans(ctx.db, ctx.plan.id, { policyNumber: number });
  return list(ctx, { kind: 'policy', number, name: policy.name }, records, share);
}

export async function byTheme(ctx: CommandContext, name: string, share: boolean): Promise<CommandResult> {
  const themes = await listThemes(ctx.db, ctx.plan.id);
  // "防災" finds 防災・防犯 and "内部事務" finds 内部事務最適化: people type the first word.
  const wanted = foldForSearch(name);
  const theme =
    themes.find((t) => foldForSearch(t.name) === wanted) ?? themes.find((t) => foldForSearch(t.name).includes(wanted));
  if (!theme) {
    return { kind: 'error', error: { code: 'no_such_theme', name, themes: themes.map((t) => t.name) } };
  }
  const records = await loadActionPlans(ctx.db, ctx.plan.id, { themeId: theme.id });
  return list(ctx, { kind: 'theme', name: theme.name }, records, share);
}

function list(
  ctx: CommandContext,
  scope: Extract<CommandResult, { kind: 'action_plan_list' }>['scope'],
  records: Awaited<ReturnType<typeof loadActionPlans>>,
  share: boolean,
): CommandResult {
  return {
    kind: 'action_plan_list',
    scope,
    items: records.map((r) => actionPlanSummary(r, ctx)),
    asOf: ctx.today,
    share,
  };
}
