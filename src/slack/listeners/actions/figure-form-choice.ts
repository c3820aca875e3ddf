import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { prepareFigureForm } from '../../../../commands/record-figure.ts';
import { messagesFor } from '../../../messages/index.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { buildFigureForm } from '../../../render/blocks/record-figure-modal.ts';
import { recordingPolicy } from '../../record-figure/policy.ts';
import { forbiddenResponse } from '../../../render/blocks/record-figure-refusal.ts';
import { describeSlackFailure } from '../../../slack-web/failure.ts';
import { formChoice, parseFigureSubmission } from '../../record-figure/submission.ts';

/**
 * An indicator or a fiscal year chosen in the open figure form: the form is prepared again
 * for that choice and the modal updated, so the target and current actual it shows are
 * those of what is chosen. Block and action ids stay the same, so Slack keeps what was typed.
 *
 * Nothing here is stored; the submission judges everything again. When the update cannot
 * be made the modal keeps its old lines and still submits, so failures are only logged.
 */
export function figureFormChoiceCallback(deps: SlackDeps) {
  return async ({
    ack,
    body,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockStaticSelectAction>): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) {
      deps.logger.warn('a figure form choice arrived without its view; ignored');
      return;
    }
    const parsed = parseFigureSubmission(view);
    const ctx = contextFor(deps, body.user.id);
    // A form from before a plan switch, or forged: the submission will call it stale.
    if (!parsed.ok || parsed.submission.input.planId !== ctx.plan.id) {
      deps.logger.warn('a figure form choice came from a form that could not be read; ignored');
      return;
    }
    const m = messagesFor(deps.config.locale);
    const { submission } = parsed;
    const prepared = await prepareFigureForm(
      ctx,
      submission.input.actionPlanNumber,
      recordingPolicy(deps),
      formChoice(submission),
    );
    let next;
    if (prepared.ok) next = buildFigureForm(prepared.form, m);
    // The person lost the right to record while the form was open (an owner removed).
    else if ('forbidden' in prepared) next = forbiddenResponse(prepared.forbidden, m).view;
    else {
      deps.logger.warn(`a figure form choice named action plan ${submission.input.actionPlanNumber}, which does not exist`);
      return;
    }
    try {
      // The hash refuses the update when the view changed since this choice was made, so a
      // slow update cannot undo a newer one. Two choices racing may leave the lines of the
      // first until the next choice; what is stored is judged on submission either way.
      await client.views.update({ view_id: view.id, hash: view.hash, view: next });
    } catch (error) {
      deps.logger.warn(`views.update after a figure form choice failed (${describeSlackFailure(error)})`);
    }
  };
}
