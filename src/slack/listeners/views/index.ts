import type { App, ViewSubmitAction } from '@slack/bolt';
import { perWorkspace } from '../../workspaces.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../../render/blocks/record-figure-modal.ts';
import { recordFigureSubmissionCallback } from './record-figure-submission.ts';
import { registerReviewViews } from './review-submission.ts';

export function registerViews(app: App): void {
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: FIGURE_FORM_CALLBACK_ID },
    perWorkspace(recordFigureSubmissionCallback),
  );
  registerReviewViews(app);
}
