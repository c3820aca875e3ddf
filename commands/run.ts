import { actionPlanExists } from '../src/store/action-plans.ts';
import { previewAlerts } from './alerts/preview.ts';
import type { CommandContext } from './context.ts';
import { noSuchActionPlan } from './errors.ts';
import type { Command } from './grammar.ts';
import { byPolicy, byTheme, listAll, search } from './lists.ts';
import { showOverdue } from './overdue.ts';
import { manageOwners } from './owner.ts';
import type { CommandResult } from './results.ts';
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
  'chart',
  'help',
]);

export function isReadOnly(command: Command): boolean {
  return READ_ONLY.has(command.verb);
}

/** One handler per verb; every door (Slack, CLI) calls this and renders what it returns. */
export async function runCommand(command: Command, ctx: CommandContext): Promise<CommandResult> {
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
        preview: await previewAlerts({
          db: ctx.db,
          plan: ctx.plan,
          settings: ctx.alertSettings,
          now: ctx.now,
          date: command.date,
        }),
      };
    case 'help':
      return { kind: 'help' };
  }
}

async function openFigureFormFor(ctx: CommandContext, number: number): Promise<CommandResult> {
  if (!(await actionPlanExists(ctx.db, ctx.plan.id, number))) return noSuchActionPlan(ctx, number);
  if (!ctx.actor.canOpenForms) return { kind: 'error', error: { code: 'cli_cannot_open_forms', number } };
  return { kind: 'open_figure_form', actionPlanNumber: number };
}
