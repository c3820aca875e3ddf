import { actionPlanExists } from '../src/store/action-plans.ts';
import type { CommandContext } from './context.ts';
import { noSuchActionPlan } from './errors.ts';
import type { Command } from './grammar.ts';
import { byPolicy, byTheme, listAll, search } from './lists.ts';
import { closeOrReopenPlan } from './plan-closure.ts';
import { showOverdue } from './overdue.ts';
import { manageOwners } from './owner.ts';
import { choosePlan } from './plan-selector.ts';
import { showPlans } from './plans.ts';
import type { CommandResult } from './results.ts';
import { manageSettings } from './settings.ts';
import { showActionPlan, showHistory } from './show.ts';
import { chartActionPlan } from './chart.ts';

/**
 * Verbs whose answer depends only on the data, the day and the words typed: a door may keep
 * their rendered answers until the data changes. Decided here, beside the handlers, so a new
 * verb that writes can never be cached by mistake.
 */
const READ_ONLY: ReadonlySet<Command['verb']> = new Set([
  'show',
  'list',
  'search',
  'policy',
  'theme',
  'overdue',
  'history',
  'plans',
  'chart',
  'help',
]);

export function isReadOnly(command: Command): boolean {
  return READ_ONLY.has(command.verb);
}

/**
 * One handler per verb; every door (Slack, CLI) calls this and renders what it returns.
 *
 * The previews, exports and reviews are imported when asked for: they bring the holiday
 * calendar and the review and export machinery, which a one-shot `npm run plan -- 13` would
 * otherwise parse at every start for nothing (#14). A long-running door pays once.
 */
export async function runCommand(command: Command, doorCtx: CommandContext): Promise<CommandResult> {
  const chosen = await choosePlan(doorCtx, command.plan);
  if (!chosen.ok) return chosen.result;
  const ctx = chosen.ctx;
  switch (command.verb) {
    case 'show':
      return showActionPlan(ctx, command.number, command.share);
    case 'list':
      return listAll(ctx, command.share);
    case 'search':
      return search(ctx, command.words, command.share);
    case 'policy':
      return byPolicy(ctx, command.number, command.share);
    case 'theme':
      return byTheme(ctx, command.name, command.share);
    case 'overdue':
      return showOverdue(ctx, command.date, command.share);
    case 'history':
      return showHistory(ctx, command.number, command.share);
    case 'owner':
      return manageOwners(ctx, command);
    case 'report':
      return openFigureFormFor(ctx, command.number);
    case 'chart':
      return chartActionPlan(ctx, command.number);
    case 'alerts':
      if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
      return {
        kind: 'alerts_preview',
        preview: await (await import('./alerts/preview.ts')).previewAlerts({
          db: ctx.db,
          plan: ctx.plan,
          settings: ctx.alertSettings,
          now: ctx.now,
          date: command.date,
        }),
      };
    case 'reminders':
      if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
      return {
        kind: 'reminders_preview',
        preview: await (await import('./reminders/preview.ts')).previewReminders({
          db: ctx.db,
          plan: ctx.plan,
          settings: ctx.reminderSettings,
          now: ctx.now,
          date: command.date,
        }),
      };
    case 'close':
    case 'reopen':
      return closeOrReopenPlan(ctx, command.verb);
    case 'plans':
      return showPlans(ctx, doorCtx.plan.id);
    case 'export':
      return (await import('./export/request.ts')).requestExport(ctx, command.format, command.fiscalYear);
    case 'review':
    case 'committee':
      return (await import('./review/run.ts')).runReview(ctx, command);
    case 'settings':
      return manageSettings(ctx, command);
    case 'help':
      return { kind: 'help' };
  }
}

async function openFigureFormFor(ctx: CommandContext, number: number): Promise<CommandResult> {
  if (!(await actionPlanExists(ctx.db, ctx.plan.id, number))) return noSuchActionPlan(ctx, number);
  if (ctx.otherPlan) return { kind: 'error', error: { code: 'record_in_own_plan_only', planCode: ctx.plan.code } };
  if (!ctx.actor.canOpenForms) return { kind: 'error', error: { code: 'cli_cannot_open_forms', number } };
  return { kind: 'open_figure_form', actionPlanNumber: number };
}
