import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../../render/blocks/record-figure-modal.ts';
import { recordFigureSubmissionCallback } from './record-figure-submission.ts';
import { registerReviewViews } from './review-submission.ts';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: FIGURE_FORM_CALLBACK_ID },
    recordFigureSubmissionCallback(deps),
  );
  registerReviewViews(app, deps);
}
