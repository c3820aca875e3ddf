import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import { submitFigure, type SavedFigure, type SubmitFigureResult } from '../../../../commands/record-figure.ts';
import { messagesFor, type Messages } from '../../../messages/index.ts';
import { contextFor } from '../../actor.ts';
import type { SlackDeps } from '../../deps.ts';
import { confirmationMessage, noticeText } from '../../../render/blocks/record-figure-confirmation.ts';
import { fieldErrorsResponse, staleFormResponse } from '../../../render/blocks/record-figure-errors.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../render/blocks/record-figure-modal.ts';
import { recordingPolicy } from '../../record-figure/policy.ts';
import { forbiddenResponse } from '../../../render/blocks/record-figure-refusal.ts';
import { describeSlackFailure } from '../../../slack-web/failure.ts';
import { parseFigureSubmission, submissionRequestKey } from '../../record-figure/submission.ts';
import { refreshHomesAfterRecording } from '../../home/publish-home.ts';

/**
 * "Record" pressed in the figure form.
 *
 * Unlike the other listeners this one stores before it acks: a refusal has to come back
 * as the ack itself (`response_action: 'errors'`) for Slack to show it under the field,
 * with what was typed still there. One SQLite transaction is far inside Slack's 3 seconds.
 *
 * After the ack the figure is committed, so the confirmation to the person and the notice
 * to ALERT_CHANNEL are extras: a Slack failure there is logged and changes nothing stored.
 */
export function recordFigureSubmissionCallback(deps: SlackDeps) {
  return async ({
    ack,
    view,
    body,
    client,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const m = messagesFor(deps.config.locale);
    const parsed = parseFigureSubmission(view);
    if (!parsed.ok) {
      deps.logger.warn('a figure form submission could not be read; asked for a fresh form');
      await ack(staleFormResponse(m));
      return;
    }

    const userId = body.user.id;
    let result: SubmitFigureResult;
    try {
      result = await submitFigure(
        contextFor(deps, userId),
        // The same view with the same values is the same request delivered twice; changed values are a new figure.
        { ...parsed.submission.input, source: 'slack', requestKey: submissionRequestKey(body.view.id, parsed.submission.input) },
        recordingPolicy(deps),
      );
    } catch (error) {
      deps.logger.error('a figure form submission could not be stored:', error);
      // Keeps the modal open with what was typed, so pressing Record again is all it takes.
      await ack({ response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.value]: m.record.notSaved } });
      return;
    }

    if (!result.ok) {
      await ack(
        'forbidden' in result
          ? forbiddenResponse(result.forbidden, m)
          : fieldErrorsResponse(result.fieldErrors, m, { indicatorSelectable: parsed.submission.indicatorSelectable }),
      );
      return;
    }

    await ack();
    const { saved } = result;
    if (saved.duplicate) {
      deps.logger.warn(`a submission of view ${body.view.id} arrived again; revision ${saved.revisionId} stands, nothing stored`);
      return;
    }
    deps.logger.info(
      `recorded action plan ${saved.actionPlan.number}, indicator ${saved.indicator.id}, FY${saved.fiscalYear}` +
        ` (revision ${saved.revisionId}${saved.provisional ? ', provisional' : ''}) by ${saved.recordedBy}`,
    );
    await announce(client, saved, userId, deps, m);
    await refreshHomesAfterRecording(client, deps, saved.actionPlan.number, userId);
  };
}

/**
 * The person is told in a direct message from the bot: a view_submission carries no
 * channel, and a DM (chat.postMessage to the user id, chat:write only) also stays as a
 * receipt, where an ephemeral message would vanish. Then the one-line notice, if a channel
 * is configured. One after the other, so a slow first post cannot reorder them.
 */
async function announce(
  client: webApi.WebClient,
  saved: SavedFigure,
  userId: string,
  deps: SlackDeps,
  m: Messages,
): Promise<void> {
  const confirmation = confirmationMessage(saved, m);
  await post(deps, 'the confirmation of a recorded figure', () =>
    client.chat.postMessage({ channel: userId, ...confirmation, unfurl_links: false, unfurl_media: false }),
  );
  const channel = deps.config.alertChannel;
  if (channel !== undefined) {
    await post(deps, `the notice of a recorded figure to ${channel}`, () =>
      client.chat.postMessage({ channel, text: noticeText(saved, m), unfurl_links: false, unfurl_media: false }),
    );
  }
}

async function post(deps: SlackDeps, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    // The client has already retried what may pass on a second try.
    deps.logger.error(`could not post ${what} (${describeSlackFailure(error)}); the figure is stored`);
  }
}
