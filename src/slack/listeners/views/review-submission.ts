import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { submitAssessment } from '../../../../commands/review/assessment.ts';
import { submitResponse } from '../../../../commands/review/response.ts';
import { messagesFor } from '../../../messages/index.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM } from '../../../render/blocks/review-ids.ts';
import {
  assessmentErrorsResponse,
  responseErrorsResponse,
  reviewProblemResponse,
  staleReviewFormResponse,
} from '../../../render/blocks/review-modals.ts';
import { assessmentSavedMessage, responseSavedMessage } from '../../../render/blocks/review-notices.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { post } from '../../review/announce.ts';
import { parseAssessmentSubmission, parseResponseSubmission } from '../../review/submission.ts';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * "Save" in the review's modals. Like the figure form, these store before they ack: a refusal
 * must come back as the ack (`response_action: 'errors'`) to show under the field, keeping what
 * was typed. After the ack the write is committed; the receipt DM is an extra.
 *
 * The view id is the request key: Slack closes a view once it is saved, so a second delivery
 * of the same view is a replay and stores nothing.
 */
export function registerReviewViews(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: ASSESSMENT_FORM.callbackId }, async (args: SubmitArgs) => {
    const { ack, body, client } = args;
    const m = messagesFor(deps.config.locale);
    const firstInput = ASSESSMENT_FORM.blocks.grade;
    const input = parseAssessmentSubmission(body.view);
    if (!input) {
      deps.logger.warn('a review assessment could not be read; asked for a fresh form');
      await ack(staleReviewFormResponse(firstInput, m));
      return;
    }
    let result;
    try {
      result = await submitAssessment(contextFor(deps, body.user.id), { ...input, requestKey: `slack-view:${body.view.id}` });
    } catch (error) {
      deps.logger.error('a review assessment could not be stored:', error);
      await ack({ response_action: 'errors', errors: { [firstInput]: m.review.form.notSaved } });
      return;
    }
    if (!result.ok) {
      await ack('fieldErrors' in result ? assessmentErrorsResponse(result.fieldErrors, m) : reviewProblemResponse(result.problem, firstInput, m));
      return;
    }
    await ack();
    if ('duplicate' in result) {
      deps.logger.warn(`a submission of view ${body.view.id} arrived again; nothing stored`);
      return;
    }
    const { saved } = result;
    deps.logger.info(`review FY${saved.fiscalYear}: ${body.user.id} graded action plan ${saved.actionPlan.number}`);
    const receipt = assessmentSavedMessage(saved, m);
    await post(deps, 'the receipt of a review assessment', () =>
      client.chat.postMessage({ channel: body.user.id, ...receipt, unfurl_links: false, unfurl_media: false }),
    );
  });

  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: RESPONSE_FORM.callbackId }, async (args: SubmitArgs) => {
    const { ack, body, client } = args;
    const m = messagesFor(deps.config.locale);
    const firstInput = RESPONSE_FORM.blocks.response;
    const input = parseResponseSubmission(body.view);
    if (!input) {
      deps.logger.warn('a review response could not be read; asked for a fresh form');
      await ack(staleReviewFormResponse(firstInput, m));
      return;
    }
    let result;
    try {
      result = await submitResponse(contextFor(deps, body.user.id), { ...input, requestKey: `slack-view:${body.view.id}` });
    } catch (error) {
      deps.logger.error('a review response could not be stored:', error);
      await ack({ response_action: 'errors', errors: { [firstInput]: m.review.form.notSaved } });
      return;
    }
    if (!result.ok) {
      await ack('fieldErrors' in result ? responseErrorsResponse(result.fieldErrors, m) : reviewProblemResponse(result.problem, firstInput, m));
      return;
    }
    await ack();
    if ('duplicate' in result) {
      deps.logger.warn(`a submission of view ${body.view.id} arrived again; nothing stored`);
      return;
    }
    const { saved } = result;
    deps.logger.info(`review FY${saved.fiscalYear}: ${body.user.id} answered for action plan ${saved.actionPlan.number}`);
    const receipt = responseSavedMessage(saved, m);
    await post(deps, 'the receipt of a review response', () =>
      client.chat.postMessage({ channel: body.user.id, ...receipt, unfurl_links: false, unfurl_media: false }),
    );
  });
}
