import type { ViewErrorsResponseAction } from '@slack/bolt';
import type { FieldErrors, FigureField } from '../../../commands/record-figure.ts';
import type { Messages } from '../../messages/index.ts';
import { fieldErrorText } from '../record-figure.ts';
import { FIGURE_FORM_BLOCK_IDS } from './record-figure-modal.ts';

/**
 * Refusals answered inside the modal: `ack(response)` with Slack's
 * `{ response_action: 'errors', errors: { [block_id]: text } }`. Slack shows each text under
 * its block, and only input blocks can carry one.
 */

const BLOCK_OF: Record<FigureField, string> = {
  indicator: FIGURE_FORM_BLOCK_IDS.indicator,
  fiscalYear: FIGURE_FORM_BLOCK_IDS.fiscalYear,
  value: FIGURE_FORM_BLOCK_IDS.value,
  note: FIGURE_FORM_BLOCK_IDS.note,
};

const FIELD_ORDER: FigureField[] = ['indicator', 'fiscalYear', 'value', 'note'];

export function fieldErrorsResponse(
  fieldErrors: FieldErrors,
  m: Messages,
  layout: { indicatorSelectable: boolean },
): ViewErrorsResponseAction {
  const errors: Record<string, string> = {};
  for (const field of FIELD_ORDER) {
    const error = fieldErrors[field];
    if (!error) continue;
    // Without a select there is no indicator block to hang the text on; the value is the
    // nearest input, and the person still learns why nothing was stored.
    const blockId = field === 'indicator' && !layout.indicatorSelectable ? FIGURE_FORM_BLOCK_IDS.value : BLOCK_OF[field];
    const text = fieldErrorText(error, m);
    errors[blockId] = errors[blockId] ? `${errors[blockId]} ${text}` : text;
  }
  return { response_action: 'errors', errors };
}

/** The submission could not be read at all (old or forged form): ask for a fresh one. */
export function staleFormResponse(m: Messages): ViewErrorsResponseAction {
  return { response_action: 'errors', errors: { [FIGURE_FORM_BLOCK_IDS.value]: m.record.fieldErrors.staleForm } };
}
