import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import { perWorkspace } from '../../workspaces.ts';
import {
  HOME_RECORD_FIGURE_ACTION_ID,
  HOME_SHOW_PLAN_ACTION_ID,
  RECORD_FIGURE_ACTION_ID,
  SHOW_CHART_ACTION_ID,
  SNOOZE_REMINDER_ACTION_ID,
} from '../../../render/blocks/ids.ts';
import { FIGURE_FORM_CHOICE_ACTION_IDS } from '../../../render/blocks/record-figure-modal.ts';
import { recordFigureCallback } from './record-figure.ts';
import { figureFormChoiceCallback } from './figure-form-choice.ts';
import { snoozeReminderCallback } from './snooze-reminder.ts';
import { registerReviewActions } from './review.ts';
import { homeRecordFigureCallback } from './home-record-figure.ts';
import { homeShowPlanCallback } from './home-show-plan.ts';
import { showChartCallback } from './show-chart.ts';

export function registerActions(app: App): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: RECORD_FIGURE_ACTION_ID }, perWorkspace(recordFigureCallback));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SNOOZE_REMINDER_ACTION_ID }, perWorkspace(snoozeReminderCallback));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHOW_CHART_ACTION_ID }, perWorkspace(showChartCallback));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: HOME_SHOW_PLAN_ACTION_ID }, perWorkspace(homeShowPlanCallback));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: HOME_RECORD_FIGURE_ACTION_ID }, perWorkspace(homeRecordFigureCallback));
  const onChoice = perWorkspace(figureFormChoiceCallback);
  for (const actionId of FIGURE_FORM_CHOICE_ACTION_IDS) {
    app.action<BlockStaticSelectAction>({ type: 'block_actions', action_id: actionId }, onChoice);
  }
  registerReviewActions(app);
}
