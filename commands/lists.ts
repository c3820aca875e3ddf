import { foldForSearch, foldTexts, matchesAllFolded } from '../src/domain/search.ts';
import { type ActionPlanOutline, listPolicies, listThemes } from '../src/store/action-plans.ts';
import { planOutlines } from '../src/store/plan-outlines.ts';
import type { CommandContext } from './context.ts';
import type { ActionPlanSummary, CommandResult } from './results.ts';
import { actionPlanSummary } from './views.ts';
import { deepFreeze } from '../src/domain/freeze.ts';

export async function listAll(ctx: CommandContext, share: boolean): Promise<CommandResult> {
  const { actionPlans, closed } = await planOutlines(ctx.db, ctx.plan.id);
  return list(ctx, ctx.otherPlan ? { kind: 'all', planName: ctx.plan.name } : { kind: 'all' }, actionPlans, closed, share);
}

/**
 * The fields a search looks in, Japanese and English alike (help says so): the action plan's
 * name, its progress narrative, its theme and basic policy, and its indicators' names and notes.
 */
export function searchedTexts(r: ActionPlanOutline): (string | null)[] {
  return [
    r.name,
    r.nameEn,
    r.narrative,
    r.theme.name,
    r.theme.nameEn,
    r.policy.name,
    r.policy.nameEn,
    ...r.indicators.flatMap((i) => [i.name, i.nameEn, i.note, i.noteEn]),
  ];
}

// Outlines are shared and frozen until the data changes (planOutlines), so their folded texts are too.
const folded = new WeakMap<ActionPlanOutline, string[]>();
function foldedTexts(record: ActionPlanOutline): string[] {
  let texts = folded.get(record);
  if (!texts) folded.set(record, (texts = foldTexts(searchedTexts(record))));
  return texts;
}

export async function search(ctx: CommandContext, words: string[], share: boolean): Promise<CommandResult> {
  const { actionPlans, closed } = await planOutlines(ctx.db, ctx.plan.id);
  const found = actionPlans.filter((r) => matchesAllFolded(foldedTexts(r), words));
  return list(ctx, { kind: 'search', words }, found, closed, share);
}

export async function byPolicy(ctx: CommandContext, number: number, share: boolean): Promise<CommandResult> {
  const policies = await listPolicies(ctx.db, ctx.plan.id);
  const policy = policies.find((p) => p.number === number);
  if (!policy) {
    return { kind: 'error', error: { code: 'no_such_policy', number, max: policies.length } };
  }
  const { actionPlans, closed } = await planOutlines(ctx.db, ctx.plan.id);
  const records = actionPlans.filter((r) => r.policy.number === number);
  return list(ctx, { kind: 'policy', number, name: policy.name, nameEn: policy.nameEn }, records, closed, share);
}

export async function byTheme(ctx: CommandContext, name: string, share: boolean): Promise<CommandResult> {
  const themes = await listThemes(ctx.db, ctx.plan.id);
  // "防災" finds 防災・防犯 and "内部事務" finds 内部事務最適化: people type the first word.
  // English names count too: with PLAN_LOCALE=en people read and type "Procedures".
  const wanted = foldForSearch(name);
  const names = (t: (typeof themes)[number]) => [t.name, t.nameEn].filter((n): n is string => n !== null).map(foldForSearch);
  const theme =
    themes.find((t) => names(t).some((n) => n === wanted)) ?? themes.find((t) => names(t).some((n) => n.includes(wanted)));
  if (!theme) {
    return { kind: 'error', error: { code: 'no_such_theme', name, themes: themes.map((t) => t.name) } };
  }
  const { actionPlans, closed } = await planOutlines(ctx.db, ctx.plan.id);
  const records = actionPlans.filter((r) => r.theme.id === theme.id);
  return list(ctx, { kind: 'theme', name: theme.name, nameEn: theme.nameEn }, records, closed, share);
}

/**
 * A list line is worked out from its action plan's outline (shared and frozen until the data
 * changes, planOutlines), the day, the due-date rule, the plan's grading bands and whether the
 * plan is closed, and nothing else: kept with the outline, it is worked out once a day per
 * version of the data instead of once per list (the statuses of 600 figures and two years' grades).
 */
const lines = new WeakMap<ActionPlanOutline, { key: string; line: ActionPlanSummary }>();
function lineOf(record: ActionPlanOutline, ctx: CommandContext, closed: boolean): ActionPlanSummary {
  const key = `${ctx.today} ${ctx.dueRule.month}-${ctx.dueRule.day} ${closed} ${ctx.plan.grading_bands ?? ''}`;
  const kept = lines.get(record);
  if (kept?.key === key) return kept.line;
  const line = deepFreeze(actionPlanSummary(record, ctx, closed));
  lines.set(record, { key, line });
  return line;
}

function list(
  ctx: CommandContext,
  scope: Extract<CommandResult, { kind: 'action_plan_list' }>['scope'],
  records: readonly ActionPlanOutline[],
  closed: boolean,
  share: boolean,
): CommandResult {
  return {
    kind: 'action_plan_list',
    scope,
    items: records.map((r) => lineOf(r, ctx, closed)),
    asOf: ctx.today,
    share,
  };
}
