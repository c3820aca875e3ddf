import type { RespondFn, types, webApi } from '@slack/bolt';
import { prepareAssessmentForm } from '../../../commands/review/assessment.ts';
import { prepareResponseForm } from '../../../commands/review/response.ts';
import { messagesFor } from '../../messages/index.ts';
import type { SlackMessage } from '../../render/blocks/build.ts';
import { errorMessage } from '../../render/blocks/error.ts';
import { buildAssessmentForm, buildResponseForm } from '../../render/blocks/review-modals.ts';
import { describeSlackFailure } from '../../slack-web/failure.ts';
import { contextFor } from '../actor.ts';
import type { SlackDeps } from '../deps.ts';
import { respondReliably } from '../respond.ts';

export interface OpenReviewFormArgs {
  client: webApi.WebClient;
  /** From the button click; Slack honours it for 3 seconds. */
  triggerId: string;
  fiscalYear: number;
  actionPlanNumber: number;
  userId: string;
  deps: SlackDeps;
  respond: RespondFn;
}

/**
 * Opens a member's grade-and-opinion modal, or the office's response modal, from the sheet's
 * buttons. Someone who may not write is told at once, privately, rather than after typing; the
 * same checks run again on submission.
 */
export async function openReviewForm(kind: 'assess' | 'respond', args: OpenReviewFormArgs): Promise<void> {
  const { deps, fiscalYear, actionPlanNumber } = args;
  const m = messagesFor(deps.config.locale);
  const ctx = contextFor(deps, args.userId);
  let view: types.ModalView;
  if (kind === 'assess') {
    const prepared = await prepareAssessmentForm(ctx, fiscalYear, actionPlanNumber);
    if (!prepared.ok) return say(args, errorMessage({ code: 'review', problem: prepared.problem }, m));
    view = buildAssessmentForm(prepared.form, m);
  } else {
    const prepared = await prepareResponseForm(ctx, fiscalYear, actionPlanNumber);
    if (!prepared.ok) return say(args, errorMessage({ code: 'review', problem: prepared.problem }, m));
    view = buildResponseForm(prepared.form, m);
  }
  try {
    await args.client.views.open({ trigger_id: args.triggerId, view });
  } catch (error) {
    deps.logger.error(`views.open for the review ${kind} form of ${actionPlanNumber} failed (${describeSlackFailure(error)})`);
    const text = m.review.form.couldNotOpen(fiscalYear, actionPlanNumber);
    await say(args, { text, blocks: [] });
  }
}

/** Said beside the message the button was on, to the person who clicked only. */
async function say(args: OpenReviewFormArgs, message: SlackMessage): Promise<void> {
  const body = message.blocks.length ? message : { text: message.text };
  await respondReliably(args.respond, { response_type: 'ephemeral', replace_original: false, ...body }, args.deps.logger);
}
