/**
 * Driving the committee's review the way Slack does: signed clicks on its buttons (with a
 * response_url and a trigger_id, as a message button sends them) and signed submissions of its
 * modals, built from the view the bot sent to views.open.
 */
import { ASSESSMENT_FORM, RESPONSE_FORM } from '../../src/render/blocks/review-ids.ts';
import { TEST_SIGNING_SECRET, type TestBot } from './plan-bot.ts';
import { waitFor, type ModalJson } from './record-figure-form.ts';
import {
  blockActionPayload,
  fakeTriggerId,
  interactionBody,
  postSigned,
  viewSubmissionPayload,
  type SignedResponse,
  type ViewStateValues,
} from './signed-request.ts';
import type { RecordedCall } from './slack-api-stand-in.ts';

export interface Click {
  http: SignedResponse;
  triggerId: string;
  responsePath: string;
}

/** A button in a message, clicked by `userId`. */
export async function click(
  t: TestBot,
  options: { actionId: string; value: string; userId: string; blockId?: string },
): Promise<Click> {
  const triggerId = fakeTriggerId();
  const responseUrl = t.standIn.responseUrl();
  const payload = blockActionPayload({
    actionId: options.actionId,
    value: options.value,
    userId: options.userId,
    triggerId,
    responseUrl,
    ...(options.blockId ? { blockId: options.blockId } : {}),
  });
  const http = await postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
  return { http, triggerId, responsePath: new URL(responseUrl).pathname };
}

export function replyTo(t: TestBot, click: Click): Promise<RecordedCall> {
  return waitFor(() => t.standIn.callsTo('response_url').find((c) => c.path === click.responsePath), `a reply to ${click.responsePath}`);
}

export function modalOpenedBy(t: TestBot, click: Click): Promise<ModalJson> {
  return waitFor(
    () => t.standIn.callsTo('views.open').find((c) => c.body.trigger_id === click.triggerId)?.body.view as ModalJson | undefined,
    `views.open for ${click.triggerId}`,
  );
}

const option = (value: string) => ({ value, text: { type: 'plain_text' as const, text: value, emoji: true } });

export function assessmentState(grade: string | null, opinion: string | null): ViewStateValues {
  const { blocks, actions } = ASSESSMENT_FORM;
  return {
    [blocks.grade]: { [actions.grade]: { type: 'static_select', selected_option: grade === null ? null : option(grade) } },
    [blocks.opinion]: { [actions.opinion]: { type: 'plain_text_input', value: opinion } },
  };
}

export function responseState(response: string | null, wayForward: string | null): ViewStateValues {
  const { blocks, actions } = RESPONSE_FORM;
  return {
    [blocks.response]: { [actions.response]: { type: 'plain_text_input', value: response } },
    [blocks.wayForward]: { [actions.wayForward]: { type: 'static_select', selected_option: wayForward === null ? null : option(wayForward) } },
  };
}

/** Presses "Save" on a modal: a signed view_submission with the view's metadata and the fields. */
export function submitModal(
  t: TestBot,
  view: ModalJson,
  values: ViewStateValues,
  options: { userId: string; viewId: string; privateMetadata?: string },
): Promise<SignedResponse> {
  const payload = viewSubmissionPayload({
    callbackId: view.callback_id!,
    privateMetadata: options.privateMetadata ?? view.private_metadata ?? '',
    values,
    userId: options.userId,
    viewId: options.viewId,
  });
  return postSigned(t.eventsUrl, interactionBody(payload), { signingSecret: TEST_SIGNING_SECRET });
}

type ButtonJson = { type: string; action_id?: string; value?: string };
type BlockJson = { type: string; block_id?: string; elements?: ButtonJson[]; accessory?: ButtonJson };

/** Every button of a Block Kit message, with the block it sits in. */
export function buttonsOf(body: Record<string, unknown>): Array<ButtonJson & { blockId: string | undefined }> {
  const blocks = (body.blocks ?? []) as BlockJson[];
  return blocks.flatMap((b) =>
    [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]
      .filter((e) => e.type === 'button')
      .map((e) => ({ ...e, blockId: b.block_id })),
  );
}
