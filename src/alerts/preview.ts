import { civilDateInTokyo, type CivilDate } from '../domain/fiscal-year.ts';
import type { Messages } from '../messages/index.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import { computeDigest } from './compute.ts';
import type { AlertSettings } from './config.ts';
import { isEmptyDigest, type Digest } from './digest.ts';
import { fitDigest, renderDigestBlocks, type DigestMessage } from './digest-blocks.ts';
import { renderDigestText } from './digest-text.ts';
import { nextRunAt } from './schedule.ts';

/**
 * What `/plan alerts` shows an admin: the digest the next run would post, computed from the
 * same rules and ledger as a real run, writing nothing. Items the ledger will consider due
 * again by then (weekly repeats) are included, because they are judged as of the run's day.
 */

export type AlertPreview =
  | { kind: 'disabled' }
  | {
      kind: 'preview';
      channel: string;
      runDate: CivilDate;
      /** When the scheduler will run it; null when the admin asked about a given date. */
      runAt: Date | null;
      time: AlertSettings['time'];
      /** Already fitted to one message, with one block left for the preview's preface. */
      digest: Digest;
    };

export async function previewAlerts(options: {
  db: PlanDb;
  plan: Plan;
  /** Null when ALERT_CHANNEL is unset: alerts are off. */
  settings: AlertSettings | null;
  messages: Messages;
  now: Date;
  date?: CivilDate | null;
}): Promise<AlertPreview> {
  const { settings } = options;
  if (settings === null) return { kind: 'disabled' };
  const runAt = options.date ? null : nextRunAt(options.now, settings.time);
  const runDate = options.date ?? civilDateInTokyo(runAt!);
  const { digest } = await computeDigest(options.db, options.plan, settings, runDate);
  return {
    kind: 'preview',
    channel: settings.channel,
    runDate,
    runAt,
    time: settings.time,
    digest: fitDigest(digest, options.messages, undefined, 1),
  };
}

function preface(preview: Extract<AlertPreview, { kind: 'preview' }>, m: Messages): string {
  return preview.runAt === null
    ? m.alerts.preview.forDate(m.date(preview.runDate), preview.channel)
    : m.alerts.preview.next(m.alerts.runTime(m.date(preview.runDate), preview.time.hour, preview.time.minute), preview.channel);
}

/** Blocks for an ephemeral reply: a one-line preface, then the digest exactly as it would post. */
export function renderAlertPreviewBlocks(preview: AlertPreview, m: Messages): DigestMessage {
  if (preview.kind === 'disabled') {
    return { text: m.alerts.preview.disabled, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: m.alerts.preview.disabled } }] };
  }
  if (isEmptyDigest(preview.digest)) {
    const text = m.alerts.preview.nothing(m.date(preview.runDate));
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const digest = renderDigestBlocks(preview.digest, m);
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
