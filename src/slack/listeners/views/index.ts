import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { REPORT_MODAL_CALLBACK_ID } from '../../report/modal.ts';
import { recordFigureSubmissionCallback } from './record-figure-submission.ts';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: REPORT_MODAL_CALLBACK_ID },
    recordFigureSubmissionCallback(deps),
  );
}
