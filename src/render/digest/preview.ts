import { isEmptyDigest } from '../../../commands/alerts/digest.ts';
import type { AlertPreview } from '../../../commands/alerts/preview.ts';
import type { Messages } from '../../messages/index.ts';
import type { SlackMessage } from '../blocks/build.ts';
import { fitDigest, renderDigestBlocks } from './blocks.ts';
import { renderDigestText } from './text.ts';

/** The `/plan alerts` answer, in Block Kit and in text: a one-line preface, then the digest. */

function preface(preview: Extract<AlertPreview, { kind: 'preview' }>, m: Messages): string {
  return preview.runAt === null
    ? m.alerts.preview.forDate(m.date(preview.runDate), preview.channel)
    : m.alerts.preview.next(m.alerts.runTime(m.date(preview.runDate), preview.time.hour, preview.time.minute), preview.channel);
}

/** Blocks for an ephemeral reply: a one-line preface, then the digest exactly as it would post. */
export function renderAlertPreviewBlocks(preview: AlertPreview, m: Messages): SlackMessage {
  if (preview.kind === 'disabled') {
    return { text: m.alerts.preview.disabled, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: m.alerts.preview.disabled } }] };
  }
  if (isEmptyDigest(preview.digest)) {
    const text = m.alerts.preview.nothing(m.date(preview.runDate));
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  // One block is kept for the preface, so the digest is fitted to one block fewer.
  const digest = renderDigestBlocks(fitDigest(preview.digest, m, undefined, 1), m);
  return {
    text: digest.text,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: preface(preview, m) }] }, ...digest.blocks],
  };
}

export function renderAlertPreviewText(preview: AlertPreview, m: Messages): string {
  if (preview.kind === 'disabled') return m.alerts.preview.disabled;
  if (isEmptyDigest(preview.digest)) return m.alerts.preview.nothing(m.date(preview.runDate));
  return `${preface(preview, m)}\n\n${renderDigestText(preview.digest, m)}`;
}
