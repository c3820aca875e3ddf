import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { RECORD_FIGURE_ACTION_ID } from '../../report/ids.ts';
import { recordFigureCallback } from './record-figure.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: RECORD_FIGURE_ACTION_ID }, recordFigureCallback(deps));
}
