import type { types, ViewUpdateResponseAction } from '@slack/bolt';
import type { Forbidden } from '../../../commands/record-figure.ts';
import type { Messages } from '../../messages/index.ts';
import { forbiddenText } from '../record-figure.ts';
import { section, type SlackMessage } from './build.ts';
import { FIGURE_FORM_CALLBACK_ID, MODAL_LIMITS } from './record-figure-modal.ts';
import { truncateText } from './limits.ts';

/**
 * "Who may record for ⑬": an ephemeral message when the form is asked for, and the modal's
 * replacement when a submission is refused. Modal error texts are plain text, where
 * mentions would show as raw ids, so the refusal replaces the view instead.
 */

export function forbiddenMessage(forbidden: Forbidden, m: Messages): SlackMessage {
  const text = forbiddenText(forbidden, m);
  return { text, blocks: [section(text)] };
}

export function forbiddenResponse(forbidden: Forbidden, m: Messages): ViewUpdateResponseAction {
  const view: types.ModalView = {
    type: 'modal',
    callback_id: `${FIGURE_FORM_CALLBACK_ID}_refused`,
    title: { type: 'plain_text', text: truncateText(m.record.title(m.circled(forbidden.actionPlan.number)), MODAL_LIMITS.title) },
    close: { type: 'plain_text', text: truncateText(m.record.close, MODAL_LIMITS.close) },
    blocks: [section(forbiddenText(forbidden, m))],
  };
  return { response_action: 'update', view };
}
