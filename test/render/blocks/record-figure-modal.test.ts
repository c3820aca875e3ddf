import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Forbidden, FigureForm, SavedFigure } from '../../../commands/record-figure.ts';
import { en } from '../../../src/messages/en.ts';
import { ja } from '../../../src/messages/ja.ts';
import { checkLimits } from '../../../src/render/blocks/limits.ts';
import { confirmationMessage, noticeText } from '../../../src/render/blocks/record-figure-confirmation.ts';
import { fieldErrorsResponse, staleFormResponse } from '../../../src/render/blocks/record-figure-errors.ts';
import {
  MODAL_LIMITS,
  FIGURE_FORM_ACTION_IDS,
  FIGURE_FORM_BLOCK_IDS,
  FIGURE_FORM_CALLBACK_ID,
  buildFigureForm,
} from '../../../src/render/blocks/record-figure-modal.ts';
import { forbiddenMessage, forbiddenResponse } from '../../../src/render/blocks/record-figure-refusal.ts';
import { formChoice, parseFigureSubmission } from '../../../src/slack/record-figure/submission.ts';
import { viewSubmissionPayload, type ViewStateValues } from '../../support/signed-request.ts';

const header = {
  number: 13,
  name: '施設のＩＣＴ環境の充実',
  nameEn: null,
  policy: { number: 2, name: '方針', nameEn: null },
  theme: '施設',
  themeEn: null,
};
const wifi = { id: 31, name: '無線LANアクセス回数', unit: '回', comparator: null, direction: 'higher_is_better' as const };

const singleIndicatorForm: FigureForm = {
  planId: 1,
  actionPlan: header,
  indicators: [wifi],
  years: [2019, 2020, 2021, 2022],
  chosen: { indicatorId: 31, fiscalYear: 2021, target: 7000, actual: null, provisional: false },
};

const twoIndicatorForm: FigureForm = {
  planId: 1,
  actionPlan: { ...header, number: 11, name: '入園事務支援のためのシステム再構築' },
  indicators: [
    { id: 21, name: '最大待ち時間', unit: '分', comparator: '以内', direction: 'lower_is_better' },
    { id: 22, name: '入所選考時間'.repeat(20), unit: '時間', comparator: null, direction: 'lower_is_better' },
  ],
  years: [2019, 2020, 2021, 2022],
  chosen: {
    indicatorId: 21,
    fiscalYear: 2020,
    target: 30,
    actual: { value: 15, provisional: false, recordedBy: 'U0OWNER', recordedAt: '2021-06-01T01:00:00.000Z', source: 'slack' },
    provisional: false,
  },
};

type AnyBlock = types.KnownBlock & { block_id?: string };

function blockIds(view: types.ModalView): string[] {
  return (view.blocks as AnyBlock[]).map((b) => b.block_id ?? '');
}

function block<T extends types.KnownBlock['type']>(view: types.ModalView, blockId: string, type: T) {
  const found = (view.blocks as AnyBlock[]).find((b) => b.block_id === blockId);
  expect(found?.type).toBe(type);
  return found as Extract<types.KnownBlock, { type: T }>;
}

/** Every `{ type: 'plain_text' | 'mrkdwn', text }` in the view, with the key it sits under. */
function textObjects(node: unknown, key = ''): { key: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((n) => textObjects(n, key));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const here = (o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string' ? [{ key, text: o.text }] : [];
  return [...here, ...Object.entries(o).flatMap(([k, v]) => textObjects(v, k))];
}

function contextText(view: types.ModalView, blockId: string): string {
  return block(view, blockId, 'context')
    .elements.map((e) => ('text' in e ? e.text : ''))
    .join('\n');
}

function stateFor(fields: { indicator?: string; fiscalYear?: string; value?: string | null; note?: string | null }): ViewStateValues {
  const values: ViewStateValues = {
    [FIGURE_FORM_BLOCK_IDS.fiscalYear]: {
      [FIGURE_FORM_ACTION_IDS.fiscalYear]: {
        type: 'static_select',
        selected_option: fields.fiscalYear ? { value: fields.fiscalYear, text: { type: 'plain_text', text: 'x' } } : null,
      },
    },
    [FIGURE_FORM_BLOCK_IDS.value]: { [FIGURE_FORM_ACTION_IDS.value]: { type: 'plain_text_input', value: fields.value ?? null } },
    [FIGURE_FORM_BLOCK_IDS.note]: { [FIGURE_FORM_ACTION_IDS.note]: { type: 'plain_text_input', value: fields.note ?? null } },
  };
  if (fields.indicator !== undefined) {
    values[FIGURE_FORM_BLOCK_IDS.indicator] = {
      [FIGURE_FORM_ACTION_IDS.indicator]: {
        type: 'static_select',
        selected_option: { value: fields.indicator, text: { type: 'plain_text', text: 'x' } },
      },
    };
  }
  return values;
}

describe('the figure form', () => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('keeps within Slack’s modal limits in %s', (_, m) => {
    for (const form of [singleIndicatorForm, twoIndicatorForm]) {
      const view = buildFigureForm(form, m);
      expect(view.callback_id).toBe(FIGURE_FORM_CALLBACK_ID);
      expect([...view.title.text].length).toBeLessThanOrEqual(MODAL_LIMITS.title);
      expect([...view.submit!.text].length).toBeLessThanOrEqual(MODAL_LIMITS.submit);
      expect([...view.close!.text].length).toBeLessThanOrEqual(MODAL_LIMITS.close);
      expect(view.blocks.length).toBeLessThanOrEqual(MODAL_LIMITS.blocks);
      expect(view.private_metadata!.length).toBeLessThanOrEqual(MODAL_LIMITS.privateMetadata);

      const ids = blockIds(view);
      expect(ids.every((id) => id.length > 0 && id.length <= MODAL_LIMITS.id)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);

      for (const { key, text } of textObjects(view.blocks)) {
        const max = key === 'placeholder' ? MODAL_LIMITS.placeholder : key === 'label' || key === 'hint' ? MODAL_LIMITS.label : MODAL_LIMITS.textObject;
        expect(text.length, `${key}: ${text}`).toBeLessThanOrEqual(max);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('fits the title of every action plan number in 24 characters', () => {
    for (const m of [ja, en]) {
      for (const number of [1, 13, 20, 999]) {
        const view = buildFigureForm({ ...singleIndicatorForm, actionPlan: { ...header, number } }, m);
        expect([...view.title.text].length).toBeLessThanOrEqual(24);
      }
    }
  });

  it('names a single indicator instead of offering a select, and carries its id', () => {
    const view = buildFigureForm(singleIndicatorForm, ja);
    expect(blockIds(view)).not.toContain(FIGURE_FORM_BLOCK_IDS.indicator);
    expect(contextText(view, FIGURE_FORM_BLOCK_IDS.indicatorInfo)).toBe('指標：無線LANアクセス回数（単位：回）');
    expect(JSON.parse(view.private_metadata!)).toEqual({ planId: 1, actionPlanNumber: 13, indicatorId: 31 });
  });

  it('offers a select of indicators when there are several, options within 75 characters', () => {
    const view = buildFigureForm(twoIndicatorForm, ja);
    const input = block(view, FIGURE_FORM_BLOCK_IDS.indicator, 'input');
    const select = input.element as types.StaticSelect;
    expect(select.type).toBe('static_select');
    expect(select.action_id).toBe(FIGURE_FORM_ACTION_IDS.indicator);
    expect(select.options!.map((o) => o.value)).toEqual(['21', '22']);
    expect(select.options!.every((o) => o.text.text.length <= MODAL_LIMITS.optionText)).toBe(true);
    expect(select.options![1]!.text.text.endsWith('…')).toBe(true);
    expect(select.initial_option).toEqual(select.options![0]);
    expect(JSON.parse(view.private_metadata!)).toEqual({ planId: 1, actionPlanNumber: 11 });
  });

  it('offers the plan years with era labels, the default chosen', () => {
    const select = block(buildFigureForm(singleIndicatorForm, ja), FIGURE_FORM_BLOCK_IDS.fiscalYear, 'input')
      .element as types.StaticSelect;
    expect(select.options!.map((o) => [o.text.text, o.value])).toEqual([
      ['令和元年度', '2019'],
      ['令和2年度', '2020'],
      ['令和3年度', '2021'],
      ['令和4年度', '2022'],
    ]);
    expect(select.initial_option?.value).toBe('2021');

    const english = block(buildFigureForm(singleIndicatorForm, en), FIGURE_FORM_BLOCK_IDS.fiscalYear, 'input')
      .element as types.StaticSelect;
    expect(english.initial_option?.text.text).toBe('FY2021');
  });

  it('asks for the value as text, with the unit and the accepted forms in the hint', () => {
    const input = block(buildFigureForm(singleIndicatorForm, ja), FIGURE_FORM_BLOCK_IDS.value, 'input');
    expect(input.element).toMatchObject({ type: 'plain_text_input', action_id: FIGURE_FORM_ACTION_IDS.value });
    expect(input.optional).toBeFalsy();
    expect(input.label.text).toBe('実績値（回）');
    expect(input.hint?.text).toContain('回');
    expect(input.hint?.text).toContain('▲16.68');
  });

  it('takes an optional multi-line note of bounded length', () => {
    const input = block(buildFigureForm(singleIndicatorForm, en), FIGURE_FORM_BLOCK_IDS.note, 'input');
    expect(input.optional).toBe(true);
    expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 500 });
  });

  it('shows the target of the chosen year and the current actual', () => {
    const empty = contextText(buildFigureForm(singleIndicatorForm, ja), FIGURE_FORM_BLOCK_IDS.figures);
    expect(empty).toContain('令和3年度の目標：7,000回');
    expect(empty).toContain('現在の実績：未入力');

    const recorded = contextText(buildFigureForm(twoIndicatorForm, ja), FIGURE_FORM_BLOCK_IDS.figures);
    expect(recorded).toContain('令和2年度の目標：30分以内');
    expect(recorded).toContain('現在の実績：15分（<@U0OWNER>・2021/6/1 10:00）');
    expect(recorded).toContain('前の値は履歴に残ります');
  });

  it('warns that a figure for a running year is provisional', () => {
    const form = { ...singleIndicatorForm, chosen: { ...singleIndicatorForm.chosen, fiscalYear: 2022, target: 10000, provisional: true } };
    expect(contextText(buildFigureForm(form, en), FIGURE_FORM_BLOCK_IDS.figures)).toContain('recorded as provisional');
  });

  it('speaks the user’s language on its buttons', () => {
    expect([buildFigureForm(singleIndicatorForm, ja).submit?.text, buildFigureForm(singleIndicatorForm, ja).close?.text]).toEqual(['記録する', 'キャンセル']);
    expect([buildFigureForm(singleIndicatorForm, en).submit?.text, buildFigureForm(singleIndicatorForm, en).close?.text]).toEqual(['Record', 'Cancel']);
  });
});

describe('reading a submission', () => {
  it('turns the view state into submitFigure input, the indicator from the metadata when fixed', () => {
    const view = buildFigureForm(singleIndicatorForm, ja);
    const payload = viewSubmissionPayload({
      callbackId: FIGURE_FORM_CALLBACK_ID,
      privateMetadata: view.private_metadata!,
      values: stateFor({ fiscalYear: '2021', value: '6,543', note: '9月末時点' }),
    });
    expect(parseFigureSubmission(payload.view)).toEqual({
      ok: true,
      submission: {
        input: { planId: 1, actionPlanNumber: 13, indicatorId: 31, fiscalYear: 2021, value: '6,543', note: '9月末時点' },
        indicatorSelectable: false,
      },
    });
  });

  it('reads the indicator from the select when there is one', () => {
    const view = buildFigureForm(twoIndicatorForm, ja);
    const payload = viewSubmissionPayload({
      callbackId: FIGURE_FORM_CALLBACK_ID,
      privateMetadata: view.private_metadata!,
      values: stateFor({ indicator: '22', fiscalYear: '2020', value: '580' }),
    });
    expect(parseFigureSubmission(payload.view)).toMatchObject({
      ok: true,
      submission: { input: { actionPlanNumber: 11, indicatorId: 22, fiscalYear: 2020, note: null }, indicatorSelectable: true },
    });
  });

  it('gives the choice to prepare the form again when a select changes', () => {
    const view = buildFigureForm(twoIndicatorForm, ja);
    const parsed = parseFigureSubmission({
      private_metadata: view.private_metadata,
      state: { values: stateFor({ indicator: '22', value: '5' }) },
    });
    if (!parsed.ok) throw new Error('unreadable');
    expect(formChoice(parsed.submission)).toEqual({ indicatorId: 22 });
  });

  it('reads fields of the wrong shape as empty, for the form to answer', () => {
    const payload = viewSubmissionPayload({
      callbackId: FIGURE_FORM_CALLBACK_ID,
      privateMetadata: JSON.stringify({ planId: 1, actionPlanNumber: 11 }),
      values: {
        [FIGURE_FORM_BLOCK_IDS.indicator]: { [FIGURE_FORM_ACTION_IDS.indicator]: { type: 'static_select', selected_option: { value: '1; drop table' } as never } },
        [FIGURE_FORM_BLOCK_IDS.fiscalYear]: { wrong_action: { type: 'static_select' } },
        [FIGURE_FORM_BLOCK_IDS.value]: { [FIGURE_FORM_ACTION_IDS.value]: { type: 'plain_text_input', value: 6543 as never } },
      },
    });
    expect(parseFigureSubmission(payload.view)).toEqual({
      ok: true,
      submission: {
        input: { planId: 1, actionPlanNumber: 11, indicatorId: null, fiscalYear: null, value: '', note: null },
        indicatorSelectable: true,
      },
    });
  });

  it.each([
    ['not JSON', '{planId:1'],
    ['empty', ''],
    ['a number out of range', JSON.stringify({ planId: 1, actionPlanNumber: 0 })],
    ['missing the plan', JSON.stringify({ actionPlanNumber: 13 })],
  ])('refuses private_metadata that is %s', (_, privateMetadata) => {
    const payload = viewSubmissionPayload({ callbackId: FIGURE_FORM_CALLBACK_ID, privateMetadata, values: stateFor({ value: '1' }) });
    expect(parseFigureSubmission(payload.view)).toEqual({ ok: false });
  });

  it('refuses a view with no state at all', () => {
    expect(parseFigureSubmission(undefined)).toEqual({ ok: false });
    expect(parseFigureSubmission({ private_metadata: '{"planId":1,"actionPlanNumber":13}', state: 'x' })).toEqual({ ok: false });
  });
});

describe('refusals in the modal', () => {
  const inputBlockIds = (form: FigureForm) =>
    (buildFigureForm(form, ja).blocks as AnyBlock[]).filter((b) => b.type === 'input').map((b) => b.block_id);

  it('keys each field error by a real input block of the modal, in the user’s language', () => {
    const fieldErrors = {
      indicator: { code: 'unknown_indicator' as const },
      fiscalYear: { code: 'not_started' as const },
      value: { code: 'above_max' as const, max: 100, unit: '%' },
      note: { code: 'note_too_long' as const, length: 612, limit: 500 },
    };
    const response = fieldErrorsResponse(fieldErrors, ja, { indicatorSelectable: true });
    expect(response.response_action).toBe('errors');
    expect(Object.keys(response.errors).sort()).toEqual([...inputBlockIds(twoIndicatorForm)].sort());
    expect(response.errors[FIGURE_FORM_BLOCK_IDS.value]).toBe('100%以下の値を入力してください。');
    expect(fieldErrorsResponse(fieldErrors, en, { indicatorSelectable: true }).errors[FIGURE_FORM_BLOCK_IDS.note]).toBe(
      'Keep the note within 500 characters (it has 612).',
    );
  });

  it('shows an indicator error on the value when the modal has no indicator select', () => {
    const response = fieldErrorsResponse(
      { indicator: { code: 'stale_form' }, value: { code: 'empty' } },
      ja,
      { indicatorSelectable: false },
    );
    expect(Object.keys(response.errors)).toEqual([FIGURE_FORM_BLOCK_IDS.value]);
    expect(inputBlockIds(singleIndicatorForm)).toContain(FIGURE_FORM_BLOCK_IDS.value);
    expect(response.errors[FIGURE_FORM_BLOCK_IDS.value]).toContain('開き直して');
    expect(response.errors[FIGURE_FORM_BLOCK_IDS.value]).toContain('実績値を入力してください。');
  });

  it('asks for a fresh form when the submission cannot be read', () => {
    expect(staleFormResponse(en)).toEqual({
      response_action: 'errors',
      errors: { [FIGURE_FORM_BLOCK_IDS.value]: 'This form is out of date. Close it and open it again.' },
    });
  });

  it('replaces the modal with who may record when the person may not', () => {
    const forbidden: Forbidden = { actionPlan: header, owners: ['U0OWNER'], admins: ['U0ADMIN'] };
    const response = forbiddenResponse(forbidden, ja);
    expect(response.response_action).toBe('update');
    const view = response.view as types.ModalView;
    expect([...view.title.text].length).toBeLessThanOrEqual(24);
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('<@U0OWNER>');
    expect(forbiddenMessage(forbidden, ja).text).toBe(
      '⑬ の実績を入力できるのは 担当者（<@U0OWNER>）と管理者（<@U0ADMIN>） です。入力が必要な場合は連絡してください。',
    );
    expect(forbiddenMessage({ ...forbidden, owners: [] }, en).text).toContain('the admins (<@U0ADMIN>)');
  });
});

describe('after saving', () => {
  const saved: SavedFigure = {
    duplicate: false,
    revisionId: 77,
    actionPlan: header,
    indicator: wifi,
    fiscalYear: 2021,
    value: 6543,
    provisional: false,
    note: '<!channel> 集計 & 確認',
    recordedBy: 'U0OWNER',
    source: 'slack',
    status: 'missed',
    target: 7000,
    previous: { value: 6000, recordedBy: 'U0ADMIN', recordedAt: '2022-07-01T00:00:00.000Z' },
  };

  it('tells the person the figure, its status against the target and where to see it', () => {
    const message = confirmationMessage(saved, ja);
    expect(checkLimits(message)).toEqual([]);
    const all = JSON.stringify(message.blocks);
    expect(all).toContain('6,543回');
    expect(all).toContain('❌ 目標 7,000回 に対して 未達成');
    expect(all).toContain('前の値 6,000回');
    expect(all).toContain('/plan 13');
    // A note is what someone typed: it must not ping the channel.
    expect(all).toContain('&lt;!channel&gt; 集計 &amp; 確認');
    expect(message.text).toContain('6,543回');
  });

  it('says a provisional figure is provisional', () => {
    const message = confirmationMessage({ ...saved, provisional: true, status: 'pending', previous: null, note: null }, en);
    expect(checkLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('recorded as provisional');
  });

  it('posts a one-line notice for ALERT_CHANNEL', () => {
    expect(noticeText(saved, ja)).toBe('⑬ 令和3年度 実績 6,543回 を記録（無線LANアクセス回数・<@U0OWNER>）');
    expect(noticeText({ ...saved, recordedBy: 'cli', source: 'cli' }, en)).toBe(
      '⑬ FY2021 actual 6,543 times recorded (無線LANアクセス回数, cli)',
    );
  });
});
