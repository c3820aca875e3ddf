import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewErrorsResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { Routes } from '../../routes.ts';
import { submitAssessment } from '../../../../commands/review/assessment.ts';
import { submitResponse } from '../../../../commands/review/response.ts';
import type { CommandContext } from '../../../../commands/context.ts';
import type { ReviewProblem } from '../../../../commands/review/results.ts';
import { messagesFor, type Messages } from '../../../messages/index.ts';
import type { SlackMessage } from '../../../render/blocks/build.ts';
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
import { perWorkspace } from '../../workspaces.ts';
import { post } from '../../review/announce.ts';
import { parseAssessmentSubmission, parseResponseSubmission } from '../../review/submission.ts';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

type Submitted<Saved, FieldErrors> =
  | { ok: true; saved: Saved }
  | { ok: true; duplicate: true }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; problem: ReviewProblem };

/** What differs between the two review modals; reading, storing, acking and the receipt are shared. */
interface ReviewForm<Input, Saved extends { fiscalYear: number; actionPlan: { number: number } }, FieldErrors> {
  callbackId: string;
  /** The block a refusal with no field of its own is shown under. */
  firstInput: string;
  /** For the log: "assessment", "response"; and what the person did, "graded", "answered for". */
  noun: string;
  did: string;
  parse(view: unknown): Input | null;
  submit(ctx: CommandContext, input: Input & { requestKey: string }): Promise<Submitted<Saved, FieldErrors>>;
  fieldErrors(errors: FieldErrors, m: Messages): ViewErrorsResponseAction;
  receipt(saved: Saved, m: Messages): SlackMessage;
}

/**
 * "Save" in the review's modals. Like the figure form, these store before they ack: a refusal
 * must come back as the ack (`response_action: 'errors'`) to show under the field, keeping what
 * was typed. After the ack the write is committed; the receipt DM is an extra.
 *
 * The view id is the request key: Slack closes a view once it is saved, so a second delivery
 * of the same view is a replay and stores nothing.
 */
export function registerReviewViews(routes: Routes): void {
  onReviewForm(routes, {
    callbackId: ASSESSMENT_FORM.callbackId,
    firstInput: ASSESSMENT_FORM.blocks.grade,
    noun: 'assessment',
    did: 'graded',
    parse: parseAssessmentSubmission,
    submit: submitAssessment,
    fieldErrors: assessmentErrorsResponse,
    receipt: assessmentSavedMessage,
  });
  onReviewForm(routes, {
    callbackId: RESPONSE_FORM.callbackId,
    firstInput: RESPONSE_FORM.blocks.response,
    noun: 'response',
    did: 'answered for',
    parse: parseResponseSubmission,
    submit: submitResponse,
    fieldErrors: responseErrorsResponse,
    receipt: responseSavedMessage,
  });
}

function onReviewForm<Input, Saved extends { fiscalYear: number; actionPlan: { number: number } }, FieldErrors>(
  routes: Routes,
  form: ReviewForm<Input, Saved, FieldErrors>,
): void {
  routes.view(form.callbackId, perWorkspace((deps: SlackDeps) => async ({ ack, body, client }: SubmitArgs) => {
    const m = messagesFor(deps.config.locale);
    const input = form.parse(body.view);
    if (!input) {
      deps.logger.warn(`a review ${form.noun} could not be read; asked for a fresh form`);
      await ack(staleReviewFormResponse(form.firstInput, m));
      return;
    }
    let result: Submitted<Saved, FieldErrors>;
    try {
      result = await form.submit(contextFor(deps, body.user.id), { ...input, requestKey: `slack-view:${body.view.id}` });
    } catch (error) {
      deps.logger.error(`a review ${form.noun} could not be stored:`, error);
      await ack({ response_action: 'errors', errors: { [form.firstInput]: m.review.form.notSaved } });
      return;
    }
    if (!result.ok) {
      await ack('fieldErrors' in result ? form.fieldErrors(result.fieldErrors, m) : reviewProblemResponse(result.problem, form.firstInput, m));
      return;
    }
    await ack();
    if ('duplicate' in result) {
      deps.logger.warn(`a submission of view ${body.view.id} arrived again; nothing stored`);
      return;
    }
    const { saved } = result;
    deps.logger.info(`review FY${saved.fiscalYear}: ${body.user.id} ${form.did} action plan ${saved.actionPlan.number}`);
    const receipt = form.receipt(saved, m);
    await post(deps, `the receipt of a review ${form.noun}`, () =>
      client.chat.postMessage({ channel: body.user.id, ...receipt, unfurl_links: false, unfurl_media: false }),
    );
  }));
}
