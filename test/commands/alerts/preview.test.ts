import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewAlerts } from '../../../commands/alerts/preview.ts';
import { renderAlertPreviewBlocks, renderAlertPreviewText } from '../../../src/render/digest/preview.ts';
import { runAlerts } from '../../../commands/alerts/run.ts';
import { digestPublisher } from '../../../src/slack-web/digest-publisher.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { blockTexts, seededDb, SETTINGS, tokyo, type SeededDb } from '../../support/alerts.ts';

const ja = messagesFor('ja');
let seeded: SeededDb;

beforeEach(async () => {
  seeded = await seededDb();
});
afterEach(() => seeded.cleanup());

const preview = (now: Date, date: string | null = null) =>
  previewAlerts({ db: seeded.db, plan: seeded.plan, settings: SETTINGS, now, date });

async function tableSizes() {
  const ledger = await seeded.db.selectFrom('alert_ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const runs = await seeded.db.selectFrom('alert_run').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return [Number(ledger.n), Number(runs.n)];
}

describe('/plan alerts preview', () => {
  it('shows what the next working-day run would post, and writes nothing', async () => {
    // Friday after nine: the next run is Monday 8 July.
    const result = await preview(tokyo('2024-07-05', '10:00'));
    expect(result).toMatchObject({ kind: 'preview', runDate: '2024-07-08', runAt: tokyo('2024-07-08'), channel: 'C0PLAN' });
    const { blocks, text } = renderAlertPreviewBlocks(result, ja);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const texts = blockTexts(blocks);
    expect(texts[0]).toBe('次回（2024年7月8日 9:00）<#C0PLAN> に投稿される内容です。まだ投稿していません。');
    expect(texts[1]).toBe('情報化推進計画のお知らせ（2024年7月8日）');
    expect(text).toContain('期限超過 65件');
    expect(await tableSizes()).toEqual([0, 0]);
  });

  it('matches what the run then posts, and is empty once it has been posted', async () => {
    const before = await preview(tokyo('2024-07-01', '08:00'));
    const posted = await runAlerts({
      db: seeded.db,
      plan: seeded.plan,
      settings: SETTINGS,
      publisher: digestPublisher(ja, async () => ({ ts: '1.000100' })),
      clock: () => tokyo('2024-07-01'),
    });
    if (before.kind !== 'preview' || posted.kind !== 'posted') throw new Error(`unexpected ${before.kind} / ${posted.kind}`);
    expect(before.digest.groups).toEqual(posted.digest.groups);

    const after = await preview(tokyo('2024-07-01', '09:30'));
    expect(after).toMatchObject({ kind: 'preview', runDate: '2024-07-02' });
    expect(renderAlertPreviewText(after, ja)).toBe('2024年7月2日の実行で新しくお知らせする項目はありません。');
    // A week on, the overdue figures are due to be repeated.
    expect(renderAlertPreviewText(await preview(tokyo('2024-07-01'), '2024-07-08'), ja)).toContain(
      '2024年7月8日の実行で <#C0PLAN> に投稿される内容です。',
    );
  });

  it('says alerts are off when no channel is configured', async () => {
    const off = await previewAlerts({ db: seeded.db, plan: seeded.plan, settings: null, now: new Date() });
    // Said to a Slack user, so it names no environment variable (issue #12, item 11).
    expect(renderAlertPreviewText(off, ja)).toBe(ja.alerts.preview.disabled);
    expect(ja.alerts.preview.disabled).not.toContain('ALERT_CHANNEL');
  });
});
