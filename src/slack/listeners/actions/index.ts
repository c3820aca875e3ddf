import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { RECORD_FIGURE_ACTION_ID } from '../../report/ids.ts';
import { REPORT_CHOICE_ACTION_IDS } from '../../report/modal.ts';
import { recordFigureCallback } from './record-figure.ts';
import { reportChoiceCallback } from './report-choice.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: RECORD_FIGURE_ACTION_ID }, recordFigureCallback(deps));
  const onChoice = reportChoiceCallback(deps);
  for (const actionId of REPORT_CHOICE_ACTION_IDS) {
    app.action<BlockStaticSelectAction>({ type: 'block_actions', action_id: actionId }, onChoice);
  }
}
