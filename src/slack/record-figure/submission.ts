import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SubmitFigureInput } from '../../../commands/record-figure.ts';
import { MAX_ACTION_PLAN_NUMBER } from '../../../commands/grammar.ts';
import { MODAL_LIMITS, FIGURE_FORM_ACTION_IDS, FIGURE_FORM_BLOCK_IDS, type FigureFormMetadata } from '../../render/blocks/record-figure-modal.ts';

/**
 * A view_submission of the figure form → the input of submitFigure. The payload is signed by
 * Slack but built by a client: every field is checked, and a field of the wrong shape reads as
 * empty (answered in the modal) rather than failing the whole submission.
 */

const id = z.number().int().min(1).max(2 ** 31 - 1);

const metadataSchema: z.ZodType<FigureFormMetadata> = z.object({
  planId: id,
  actionPlanNumber: z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER),
  indicatorId: id.optional(),
});

const metadataJson = z
  .string()
  .max(MODAL_LIMITS.privateMetadata)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'private_metadata is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(metadataSchema);

/** `{ [action_id]: { selected_option: { value } } }` → the value, or null. */
const selectedValue = (actionId: string) =>
  z
    .object({ [actionId]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) })
    .transform((block) => block[actionId]?.selected_option?.value ?? null)
    .nullish()
    .catch(null);

/** `{ [action_id]: { value } }` → the text, or null when left empty. */
const typedText = (actionId: string) =>
  z
    .object({ [actionId]: z.object({ value: z.string().nullish() }) })
    .transform((block) => block[actionId]?.value ?? null)
    .nullish()
    .catch(null);

const stateValuesSchema = z.object({
  [FIGURE_FORM_BLOCK_IDS.indicator]: selectedValue(FIGURE_FORM_ACTION_IDS.indicator),
  [FIGURE_FORM_BLOCK_IDS.fiscalYear]: selectedValue(FIGURE_FORM_ACTION_IDS.fiscalYear),
  [FIGURE_FORM_BLOCK_IDS.value]: typedText(FIGURE_FORM_ACTION_IDS.value),
  [FIGURE_FORM_BLOCK_IDS.note]: typedText(FIGURE_FORM_ACTION_IDS.note),
});

const digits = (text: string | null | undefined, pattern: RegExp): number | null =>
  text != null && pattern.test(text) ? Number(text) : null;

export interface FigureSubmission {
  /** Hand to submitFigure with the door's `source` added. */
  input: Omit<SubmitFigureInput, 'source'>;
  /** Whether the modal had an indicator select (decides where an indicator error is shown). */
  indicatorSelectable: boolean;
}

/** Parses `{ privateMetadata: view.private_metadata, values: view.state.values }`. */
export const figureSubmissionSchema = z
  .object({ privateMetadata: metadataJson, values: z.record(z.string(), z.unknown()) })
  .transform(({ privateMetadata, values }): FigureSubmission => {
    const state = stateValuesSchema.parse(values);
    const selectable = privateMetadata.indicatorId === undefined;
    const chosenIndicator = digits(state[FIGURE_FORM_BLOCK_IDS.indicator], /^\d{1,10}$/);
    return {
      input: {
        planId: privateMetadata.planId,
        actionPlanNumber: privateMetadata.actionPlanNumber,
        indicatorId: selectable ? chosenIndicator : (privateMetadata.indicatorId ?? null),
        fiscalYear: digits(state[FIGURE_FORM_BLOCK_IDS.fiscalYear], /^\d{4}$/),
        value: state[FIGURE_FORM_BLOCK_IDS.value] ?? '',
        note: state[FIGURE_FORM_BLOCK_IDS.note] ?? null,
      },
      indicatorSelectable: selectable,
    };
  });

/** For the listener: `parseFigureSubmission(body.view)`; not ok means answer with staleFormResponse. */
export function parseFigureSubmission(
  view: unknown,
): { ok: true; submission: FigureSubmission } | { ok: false } {
  const v = (view ?? {}) as { private_metadata?: unknown; state?: { values?: unknown } };
  const parsed = figureSubmissionSchema.safeParse({ privateMetadata: v.private_metadata, values: v.state?.values });
  return parsed.success ? { ok: true, submission: parsed.data } : { ok: false };
}

/**
 * The choice a block_actions from the modal's selects carries (parse `body.view` the same
 * way), to prepare the form again for views.update.
 */
export function formChoice(submission: FigureSubmission): { indicatorId?: number; fiscalYear?: number } {
  const { indicatorId, fiscalYear } = submission.input;
  return {
    ...(indicatorId !== null ? { indicatorId } : {}),
    ...(fiscalYear !== null ? { fiscalYear } : {}),
  };
}

/**
 * The request key of a submission: the view and what was submitted in it. When an ack is lost
 * or slow, the person may correct the value and press Record again in the same view: that is a
 * new figure and gets a key of its own, while the very same submission delivered twice keeps
 * one key and stays one revision.
 */
export function submissionRequestKey(viewId: string, input: FigureSubmission['input']): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([input.planId ?? null, input.actionPlanNumber, input.indicatorId, input.fiscalYear, input.value, input.note]))
    .digest('hex')
    .slice(0, 24);
  return `slack-view:${viewId}:${digest}`;
}
