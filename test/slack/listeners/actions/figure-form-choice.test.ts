/**
 * Choosing another indicator or fiscal year in the open figure form: Slack sends a signed
 * block_actions with the whole view, and the bot answers with views.update so the target
 * and the current actual shown follow the choice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ja } from '../../../../src/messages/ja.ts';
import { FIGURE_FORM_BLOCK_IDS } from '../../../../src/render/blocks/record-figure-modal.ts';
import { startTestBot, TEST_ADMIN_ID, type TestBot } from '../../../support/plan-bot.ts';
import {
  chooseInForm,
  indicatorId,
  initialValue,
  metadataOf,
  openForm,
  revisionCount,
  settled,
  textOf,
  type ModalJson,
} from '../../../support/record-figure-form.ts';
import type { RecordedCall } from '../../../support/slack-api-stand-in.ts';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});

afterAll(async () => {
  await t?.close();
});

/** Sends the choice and resolves with the views.update it caused, or undefined once the bot is idle without one. */
async function choose(view: ModalJson, change: Parameters<typeof chooseInForm>[2], options: Parameters<typeof chooseInForm>[3] = {}) {
  const before = t.standIn.callsTo('views.update').length;
  const http = await chooseInForm(t, view, change, options);
  expect(http.status).toBe(200);
  expect(http.text).toBe('');
  await settled(t);
  const update: RecordedCall | undefined = t.standIn.callsTo('views.update')[before];
  return update;
}

describe('choosing in the figure form', () => {
  it('shows the target and the current actual of the fiscal year chosen', async () => {
    const form = await openForm(t, 13);
    expect(initialValue(form, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2021');
    expect(textOf(form, FIGURE_FORM_BLOCK_IDS.figures)).toContain('令和3年度の目標：7,000回');

    const update = await choose({ ...form, id: 'V0MODAL13', hash: '1700000000.abcd' }, { fiscalYear: 2020 }, { value: '12' });
    expect(update).toBeDefined();
    // The hash of the view the choice was made in, so Slack refuses the update if it changed since.
    expect(update!.body).toMatchObject({ view_id: 'V0MODAL13', hash: '1700000000.abcd' });
    const view = update!.body.view as ModalJson;
    expect(initialValue(view, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe('2020');
    const figures = textOf(view, FIGURE_FORM_BLOCK_IDS.figures);
    expect(figures).toContain('令和2年度の目標：3,000回');
    expect(figures).toContain(`現在の実績：4,991回（${ja.history.seedRecorder}・`);
    expect(figures).toContain(ja.record.replaces);
    // Same ids, so Slack keeps what was typed; the same action plan, so the submission stays valid.
    expect(view.blocks.map((b) => b.block_id)).toEqual(form.blocks.map((b) => b.block_id));
    expect(metadataOf(view)).toEqual(metadataOf(form));
  });

  it('shows the chosen indicator’s target, keeping the chosen year', async () => {
    const form = await openForm(t, 8);
    const second = await indicatorId(t.db, 8, 2);
    expect(initialValue(form, FIGURE_FORM_BLOCK_IDS.indicator)).toBe(String(await indicatorId(t.db, 8, 1)));

    const update = await choose(form, { indicatorId: second });
    const view = update!.body.view as ModalJson;
    expect(initialValue(view, FIGURE_FORM_BLOCK_IDS.indicator)).toBe(String(second));
    expect(initialValue(view, FIGURE_FORM_BLOCK_IDS.fiscalYear)).toBe(initialValue(form, FIGURE_FORM_BLOCK_IDS.fiscalYear));
    expect(textOf(view, FIGURE_FORM_BLOCK_IDS.figures)).toContain('令和3年度の目標：70%');
    expect(textOf(view, FIGURE_FORM_BLOCK_IDS.value)).toContain('実績値（%）');
  });

  it('stores nothing: only the submission records', async () => {
    const form = await openForm(t, 13);
    const before = await revisionCount(t.db);
    await choose(form, { fiscalYear: 2022 }, { value: '9999' });
    expect(await revisionCount(t.db)).toBe(before);
  });

  it('replaces the form with the refusal when the person may not record', async () => {
    const form = await openForm(t, 13);
    const update = await choose(form, { fiscalYear: 2020 }, { userId: 'U0STAFF' });
    const view = update!.body.view as ModalJson;
    expect(view.submit).toBeUndefined();
    expect(textOf(view)).toContain(`⑬ の実績を入力できるのは 管理者（<@${TEST_ADMIN_ID}>）`);
  });

  it('leaves a form it cannot read alone', async () => {
    const form = await openForm(t, 13);
    for (const privateMetadata of ['not json', JSON.stringify({ ...metadataOf(form), planId: 999 })]) {
      expect(await choose(form, { fiscalYear: 2020 }, { privateMetadata })).toBeUndefined();
    }
    expect(t.logs.join('\n')).toContain('a figure form choice came from a form that could not be read');
  });

  it('logs a refused update (a newer view, hash_conflict) and carries on', async () => {
    const form = await openForm(t, 13);
    t.standIn.failNext('views.update', 1, { okFalse: 'hash_conflict' });
    const refused = await choose(form, { fiscalYear: 2019 });
    expect(refused?.failed).toBe(true);
    expect(t.logs.join('\n')).toContain('views.update after a figure form choice failed (hash_conflict)');

    const next = await choose(form, { fiscalYear: 2019 });
    expect(next).toBeDefined();
    expect(next!.failed).toBeUndefined();
  });
});
