import type { RespondFn, webApi } from '@slack/bolt';
import { prepareFigureForm } from '../../../commands/record-figure.ts';
import { messagesFor } from '../../messages/index.ts';
import { contextFor } from '../actor.ts';
import { renderMessage, type SlackMessage } from '../../render/blocks/index.ts';
import type { SlackDeps } from '../deps.ts';
import { respondReliably } from '../respond.ts';
import { buildFigureForm } from '../../render/blocks/record-figure-modal.ts';
import { recordingPolicy } from './policy.ts';
import { forbiddenMessage } from '../../render/blocks/record-figure-refusal.ts';
import { describeSlackFailure } from '../../slack-web/failure.ts';

export interface OpenFigureFormArgs {
  client: webApi.WebClient;
  /** From the slash command or the button click; Slack honours it for 3 seconds. */
  triggerId: string;
  actionPlanNumber: number;
  userId: string;
  deps: SlackDeps;
  /** Null from the Home tab, which has no response_url: refusals then go to the person's DM. */
  respond: RespondFn | null;
  /**
   * The figure to open the form on (a reminder's button, the Home tab's button beside one due
   * figure); default the most overdue.
   */
  choice?: { indicatorId?: number; fiscalYear?: number };
}

/**
 * Opens the modal to record a figure for one action plan. Both `/plan report 13` and the
 * "record a figure" button land here, after their ack.
 *
 * Someone who may not record is told so at once, naming who may, rather than after typing a
 * figure. Whatever cannot become a form is said on the response_url, privately: a modal
 * can only be opened with the trigger, and the trigger is spent or expired by then.
 */
export async function openFigureForm({
  client,
  triggerId,
  actionPlanNumber,
  choice,
  userId,
  deps,
  respond,
}: OpenFigureFormArgs): Promise<void> {
  const m = messagesFor(deps.config.locale);
  const say = async (message: SlackMessage | { text: string }) => {
    if (respond === null) {
      await client.chat.postMessage({ channel: userId, ...message, unfurl_links: false, unfurl_media: false });
      return;
    }
    const delivered = await respondReliably(respond, { response_type: 'ephemeral', ...message }, deps.logger);
    if (!delivered) throw new Error(`the answer to a figure form request for ${actionPlanNumber} was not accepted`);
  };

  const prepared = await prepareFigureForm(contextFor(deps, userId), actionPlanNumber, recordingPolicy(deps), choice ?? {});
  if (!prepared.ok) {
    await say('forbidden' in prepared ? forbiddenMessage(prepared.forbidden, m) : renderMessage(prepared.result, m, { userId }));
    return;
  }

  try {
    await client.views.open({ trigger_id: triggerId, view: buildFigureForm(prepared.form, m) });
  } catch (error) {
    // Usually expired_trigger_id after a slow network: asking again works, so say that
    // instead of the generic failure.
    deps.logger.error(`views.open for the figure form of ${actionPlanNumber} failed (${describeSlackFailure(error)})`);
    const text = m.record.couldNotOpen(m.circled(actionPlanNumber), actionPlanNumber);
    await say({ text });
  }
}
