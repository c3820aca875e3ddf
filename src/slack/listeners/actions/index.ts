import type { BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { Routes } from '../../routes.ts';
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

export function registerActions(routes: Routes): void {
  routes.action<BlockButtonAction>(RECORD_FIGURE_ACTION_ID, perWorkspace(recordFigureCallback));
  routes.action<BlockButtonAction>(SNOOZE_REMINDER_ACTION_ID, perWorkspace(snoozeReminderCallback));
  routes.action<BlockButtonAction>(SHOW_CHART_ACTION_ID, perWorkspace(showChartCallback));
  routes.action<BlockButtonAction>(HOME_SHOW_PLAN_ACTION_ID, perWorkspace(homeShowPlanCallback));
  routes.action<BlockButtonAction>(HOME_RECORD_FIGURE_ACTION_ID, perWorkspace(homeRecordFigureCallback));
  const onChoice = perWorkspace(figureFormChoiceCallback);
  for (const actionId of FIGURE_FORM_CHOICE_ACTION_IDS) {
    routes.action<BlockStaticSelectAction>(actionId, onChoice);
  }
  registerReviewActions(routes);
}
