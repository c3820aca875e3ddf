import type { types } from '@slack/bolt';

/** Small pure builders, so renderers read as the layout they produce. */

export type Block = types.KnownBlock;

/** What every Block Kit renderer returns; `text` is the notification / screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Slack reads `&`, `<` and `>` in mrkdwn as entities, links and mentions; text from the
 * database or from what a person typed must not be able to ping @channel or fake a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export { mention } from '../describe.ts';

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function context(...mrkdwn: string[]): types.ContextBlock {
  return { type: 'context', elements: mrkdwn.map((text) => ({ type: 'mrkdwn' as const, text })) };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function button(options: {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: options.text, emoji: true },
    action_id: options.actionId,
    value: options.value,
    ...(options.style ? { style: options.style } : {}),
  };
}

export function actions(blockId: string, ...elements: types.Button[]): types.ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}
