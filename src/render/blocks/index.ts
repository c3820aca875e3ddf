import type { CommandResult } from '../../../commands/results.ts';
import { renderAlertPreviewBlocks } from '../digest/preview.ts';
import { renderReminderPreviewBlocks } from '../reminders/preview.ts';
import type { Messages } from '../../messages/index.ts';
import { actionPlanListMessage } from './action-plan-list.ts';
import { actionPlanMessage } from './action-plan.ts';
import { chartMessage } from './chart.ts';
import { mention, section, type SlackMessage } from './build.ts';
import { settingsLines } from '../settings.ts';
import { errorMessage } from './error.ts';
import { helpMessage } from './help.ts';
import { historyMessage } from './history.ts';
import { fitToLimits } from './limits.ts';
import { overdueMessage } from './overdue.ts';
import { ownersMessage } from './owners.ts';
import { planClosureMessage } from './plan-closure.ts';
import { planListMessage } from './plans.ts';
import { exportPreparing } from '../plans.ts';
import { reviewMessage } from './review.ts';

export type { SlackMessage } from './build.ts';

export interface RenderOptions {
  /** The Slack user who asked; named on answers shared in the channel. */
  userId?: string;
}

/** Any command result as a Block Kit message that Slack will accept. */
export function renderMessage(result: CommandResult, m: Messages, options: RenderOptions = {}): SlackMessage {
  return fitToLimits(unclamped(result, m, options), m.slack.omitted);
}

/** Whether the answer is for the whole channel (`share`) or only the person who asked. */
export function isShared(result: CommandResult): boolean {
  return 'share' in result && result.share;
}

function unclamped(result: CommandResult, m: Messages, options: RenderOptions): SlackMessage {
  const sharedBy = isShared(result) ? options.userId : undefined;
  const shared = sharedBy ? { sharedBy } : {};
  switch (result.kind) {
    case 'action_plan':
      return actionPlanMessage(result, m, shared);
    case 'action_plan_list':
      return actionPlanListMessage(result, m, shared);
    case 'overdue':
      return overdueMessage(result, m, shared);
    case 'history':
      return historyMessage(result, m, shared);
    case 'owners':
      return ownersMessage(result, m);
    case 'help':
      return helpMessage(m);
    case 'error':
      return errorMessage(result.error, m);
    case 'alerts_preview':
      return renderAlertPreviewBlocks(result.preview, m);
    case 'reminders_preview':
      return renderReminderPreviewBlocks(result.preview, m);
    case 'plan_closure':
      return planClosureMessage(result, m);
    case 'plan_list':
      return planListMessage(result.plans, m);
    case 'export': {
      // The Slack door builds and sends the file (src/slack/export/); these are only the words meanwhile.
      const text = exportPreparing(result.format, m);
      return { text, blocks: [section(text)] };
    }
    case 'review':
      return reviewMessage(result.review, m);
    case 'settings': {
      const text = settingsLines(result, m, { user: mention, channel: (id) => `<#${id}>` }).join('\n');
      return { text, blocks: [section(text)] };
    }
    case 'chart':
      return chartMessage(result, m, shared);
    case 'open_figure_form': {
      // Slack opens the form instead (see listeners); this is only the words if it cannot.
      const text = m.record.couldNotOpen(m.circled(result.actionPlanNumber), result.actionPlanNumber);
      return { text, blocks: [section(text)] };
    }
  }
}
