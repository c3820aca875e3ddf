import { foldForSearch, matchesAllWords } from '../src/domain/search.ts';
import { type ActionPlanTexts, listPolicies, listThemes, loadActionPlanOutlines, loadActionPlanTexts } from '../src/store/action-plans.ts';
import { loadPlanClosure } from '../src/store/plan-closure.ts';
import type { CommandContext } from './context.ts';
import type { CommandResult } from './results.ts';
import { actionPlanSummary } from './views.ts';

export async function listAll(ctx: CommandContext, share: boolean): Promise<CommandResult> {
  const records = await loadActionPlanOutlines(ctx.db, ctx.plan.id);
  return list(ctx, ctx.otherPlan ? { kind: 'all', planName: ctx.plan.name } : { kind: 'all' }, records, share);
}

/**
 * The fields a search looks in, Japanese and English alike (help says so): the action plan's
 * name, its progress narrative, its theme and basic policy, and its indicators' names and notes.
 */
export function searchedTexts(r: ActionPlanTexts): (string | null)[] {
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

export async function search(ctx: CommandContext, words: string[], share: boolean): Promise<CommandResult> {
  // The texts first, the figures then only for what was found.
  const texts = await loadActionPlanTexts(ctx.db, ctx.plan.id);
  const numbers = texts.filter((r) => matchesAllWords(searchedTexts(r), words)).map((r) => r.number);
  const found = numbers.length > 0 ? await loadActionPlanOutlines(ctx.db, ctx.plan.id, { numbers }) : [];
  return list(ctx, { kind: 'search', words }, found, share);
}

export async function byPolicy(ctx: CommandContext, number: number, share: boolean): Promise<CommandResult> {
  const policies = await listPolicies(ctx.db, ctx.plan.id);
  const policy = policies.find((p) => p.number === number);
  if (!policy) {
    return { kind: 'error', error: { code: 'no_such_policy', number, max: policies.length } };
  }
  const records = await loadActionPlanOutlines(ctx.db, ctx.plan.id, { policyNumber: number });
  return list(ctx, { kind: 'policy', number, name: policy.name, nameEn: policy.nameEn }, records, share);
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
  const records = await loadActionPlanOutlines(ctx.db, ctx.plan.id, { themeId: theme.id });
  return list(ctx, { kind: 'theme', name: theme.name, nameEn: theme.nameEn }, records, share);
}

async function list(
  ctx: CommandContext,
  scope: Extract<CommandResult, { kind: 'action_plan_list' }>['scope'],
  records: Awaited<ReturnType<typeof loadActionPlanOutlines>>,
  share: boolean,
): Promise<CommandResult> {
  const closed = (await loadPlanClosure(ctx.db, ctx.plan.id)) !== null;
  return {
    kind: 'action_plan_list',
    scope,
    items: records.map((r) => actionPlanSummary(r, ctx, closed)),
    asOf: ctx.today,
    share,
  };
}
