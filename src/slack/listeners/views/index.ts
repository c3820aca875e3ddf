import type { Routes } from '../../routes.ts';
import { perWorkspace } from '../../workspaces.ts';
import { FIGURE_FORM_CALLBACK_ID } from '../../../render/blocks/record-figure-modal.ts';
import { recordFigureSubmissionCallback } from './record-figure-submission.ts';
import { registerReviewViews } from './review-submission.ts';

export function registerViews(routes: Routes): void {
  routes.view(FIGURE_FORM_CALLBACK_ID, perWorkspace(recordFigureSubmissionCallback));
  registerReviewViews(routes);
}
