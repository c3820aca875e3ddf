import type { types } from '@slack/bolt';
import type { CurrentActual, FigureForm, FigureFormIndicator } from '../../../commands/record-figure.ts';
import { MAX_NOTE_LENGTH, MAX_VALUE_INPUT_LENGTH } from '../../domain/figure-input.ts';
import type { Messages } from '../../messages/index.ts';
import { actualWords, targetWords } from '../describe.ts';
import { escapeMrkdwn } from './build.ts';
import { truncateText } from './limits.ts';
import { recorderName } from './recorder.ts';
import { localIndicator, localName } from '../local.ts';

/**
 * The "record a figure" modal, built from a prepared FigureForm. Pure: the listener opens it
 * with views.open (or views.update after a choice changes) and reads the submission back
 * through the ids below.
 */

export const FIGURE_FORM_CALLBACK_ID = 'record_figure_modal';

/** block_ids: `view.state.values[block_id]`, and the keys of `response_action: 'errors'`. */
export const FIGURE_FORM_BLOCK_IDS = {
  heading: 'report_heading',
  /** Input block with the indicator select; absent when the plan has a single indicator. */
  indicator: 'report_indicator',
  /** Context naming the single indicator, in place of the select. */
  indicatorInfo: 'report_indicator_info',
  fiscalYear: 'report_fiscal_year',
  /** Target and current actual for the chosen indicator and year. */
  figures: 'report_figures',
  value: 'report_value',
  note: 'report_note',
} as const;

/** action_ids: `view.state.values[block_id][action_id]`; the two selects also arrive as block_actions. */
export const FIGURE_FORM_ACTION_IDS = {
  indicator: 'report_indicator_choice',
  fiscalYear: 'report_fiscal_year_choice',
  value: 'report_value_text',
  note: 'report_note_text',
} as const;

/**
 * Choosing an indicator or a year dispatches block_actions with these action_ids, so the
 * listener can ack, prepare the form again for the new choice and views.update the modal
 * (same block_ids and action_ids keep what was typed). Unhandled, the choice still submits;
 * only the target line would be stale.
 */
export const FIGURE_FORM_CHOICE_ACTION_IDS = [FIGURE_FORM_ACTION_IDS.indicator, FIGURE_FORM_ACTION_IDS.fiscalYear] as const;

/** Modal limits from docs.slack.dev/reference/views/modal-views and the element references. */
export const MODAL_LIMITS = {
  title: 24,
  submit: 24,
  close: 24,
  blocks: 100,
  privateMetadata: 3000,
  callbackId: 255,
  id: 255,
  optionText: 75,
  optionValue: 150,
  options: 100,
  placeholder: 150,
  label: 2000,
  hint: 2000,
  contextElements: 10,
  textObject: 3000,
  inputMaxLength: 3000,
} as const;

/** What the modal carries for its submission: which plan and action plan the form was opened for. */
export interface FigureFormMetadata {
  planId: number;
  actionPlanNumber: number;
  /** Only when the plan has one indicator, so there is no select to read it from. */
  indicatorId?: number;
}

export function buildFigureForm(shown: FigureForm, m: Messages): types.ModalView {
  // Names and units as the answer's language has them; ids and figures are the same.
  const form: FigureForm = { ...shown, indicators: shown.indicators.map((i) => localIndicator(i, m)) };
  const circled = m.circled(form.actionPlan.number);
  const chosen = form.indicators.find((i) => i.id === form.chosen.indicatorId) ?? form.indicators[0]!;
  const selectable = form.indicators.length > 1;
  const metadata: FigureFormMetadata = {
    planId: form.planId,
    actionPlanNumber: form.actionPlan.number,
    ...(selectable ? {} : { indicatorId: chosen.id }),
  };

  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      block_id: FIGURE_FORM_BLOCK_IDS.heading,
      text: {
        type: 'mrkdwn',
        text: truncateText(`*${circled} ${escapeMrkdwn(localName(form.actionPlan.name, form.actionPlan.nameEn, m))}*`, MODAL_LIMITS.textObject),
      },
    },
    selectable ? indicatorSelect(form, chosen, m) : indicatorInfo(chosen, m),
    fiscalYearSelect(form, m),
    figuresContext(form, chosen, m),
    {
      type: 'input',
      block_id: FIGURE_FORM_BLOCK_IDS.value,
      label: plain(m.record.valueLabel(chosen.unit), MODAL_LIMITS.label),
      hint: plain(m.record.valueHint(chosen.unit), MODAL_LIMITS.hint),
      element: {
        type: 'plain_text_input',
        action_id: FIGURE_FORM_ACTION_IDS.value,
        placeholder: plain(m.record.valuePlaceholder, MODAL_LIMITS.placeholder),
        max_length: MAX_VALUE_INPUT_LENGTH,
        focus_on_load: true,
      },
    },
    {
      type: 'input',
      block_id: FIGURE_FORM_BLOCK_IDS.note,
      optional: true,
      label: plain(m.record.noteLabel, MODAL_LIMITS.label),
      hint: plain(m.record.noteHint(MAX_NOTE_LENGTH), MODAL_LIMITS.hint),
      element: {
        type: 'plain_text_input',
        action_id: FIGURE_FORM_ACTION_IDS.note,
        multiline: true,
        max_length: MAX_NOTE_LENGTH,
        placeholder: plain(m.record.notePlaceholder, MODAL_LIMITS.placeholder),
      },
    },
  ];

  return {
    type: 'modal',
    callback_id: FIGURE_FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(m.record.title(circled), MODAL_LIMITS.title),
    submit: plain(m.record.submit, MODAL_LIMITS.submit),
    close: plain(m.record.close, MODAL_LIMITS.close),
    blocks,
  };
}

function indicatorSelect(form: FigureForm, chosen: FigureFormIndicator, m: Messages): types.InputBlock {
  const options = form.indicators.slice(0, MODAL_LIMITS.options).map((i) => option(indicatorLabel(i, m), String(i.id)));
  return {
    type: 'input',
    block_id: FIGURE_FORM_BLOCK_IDS.indicator,
    dispatch_action: true,
    label: plain(m.record.indicatorLabel, MODAL_LIMITS.label),
    element: {
      type: 'static_select',
      action_id: FIGURE_FORM_ACTION_IDS.indicator,
      placeholder: plain(m.record.indicatorPlaceholder, MODAL_LIMITS.placeholder),
      options,
      initial_option: options.find((o) => o.value === String(chosen.id)) ?? options[0]!,
    },
  };
}

function indicatorLabel(indicator: FigureFormIndicator, m: Messages): string {
  return `${indicator.name}${m.paren(m.unitName(indicator.unit))}`;
}

function indicatorInfo(indicator: FigureFormIndicator, m: Messages): types.ContextBlock {
  return {
    type: 'context',
    block_id: FIGURE_FORM_BLOCK_IDS.indicatorInfo,
    elements: [
      {
        type: 'mrkdwn',
        text: truncateText(escapeMrkdwn(m.record.onlyIndicator(indicator.name, indicator.unit)), MODAL_LIMITS.textObject),
      },
    ],
  };
}

function fiscalYearSelect(form: FigureForm, m: Messages): types.InputBlock {
  // The plan has five years; the cap only guards against a longer plan someone seeds later.
  const options = form.years.slice(-MODAL_LIMITS.options).map((fy) => option(m.fiscalYear(fy), String(fy)));
  return {
    type: 'input',
    block_id: FIGURE_FORM_BLOCK_IDS.fiscalYear,
    dispatch_action: true,
    label: plain(m.record.fiscalYearLabel, MODAL_LIMITS.label),
    element: {
      type: 'static_select',
      action_id: FIGURE_FORM_ACTION_IDS.fiscalYear,
      placeholder: plain(m.record.fiscalYearPlaceholder, MODAL_LIMITS.placeholder),
      options,
      ...initialOption(options, String(form.chosen.fiscalYear)),
    },
  };
}

function figuresContext(form: FigureForm, indicator: FigureFormIndicator, m: Messages): types.ContextBlock {
  const { fiscalYear, target, actual, provisional } = form.chosen;
  const fy = m.fiscalYear(fiscalYear);
  const lines = [
    target === null
      ? m.record.noTarget(fy)
      : m.record.target(fy, escapeMrkdwn(targetWords(target, indicator, m))),
    actual === null ? m.record.noActual : currentActualLine(actual, indicator, m),
  ];
  const notes = [actual === null ? null : m.record.replaces, provisional ? m.record.provisionalNotice : null];
  return {
    type: 'context',
    block_id: FIGURE_FORM_BLOCK_IDS.figures,
    elements: [lines.join('\n'), ...notes.filter((n): n is string => n !== null)].map((text) => ({
      type: 'mrkdwn' as const,
      text: truncateText(text, MODAL_LIMITS.textObject),
    })),
  };
}

/** mrkdwn, so the recorder shows as a mention; the pieces that come from data are escaped. */
function currentActualLine(actual: CurrentActual, indicator: FigureFormIndicator, m: Messages): string {
  return m.record.currentActual(
    escapeMrkdwn(actualWords(actual.value, actual.provisional, indicator.unit, m)),
    recorderName(actual.recordedBy, actual.source, m),
    m.instant(actual.recordedAt),
  );
}

function initialOption(options: types.PlainTextOption[], value: string): { initial_option?: types.PlainTextOption } {
  const found = options.find((o) => o.value === value);
  return found ? { initial_option: found } : {};
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, MODAL_LIMITS.optionText), value: value.slice(0, MODAL_LIMITS.optionValue) };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncateText(text, max), emoji: true };
}
