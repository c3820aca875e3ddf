import { z } from 'zod';
import type { SubmitAssessmentInput } from '../../../commands/review/assessment.ts';
import type { SubmitResponseInput } from '../../../commands/review/response.ts';
import { MAX_ACTION_PLAN_NUMBER } from '../../../commands/grammar.ts';
import { MODAL_LIMITS } from '../../render/blocks/record-figure-modal.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM, type ReviewFormMetadata } from '../../render/blocks/review-ids.ts';

/**
 * The review's modals as Slack sends them back → the inputs of submitAssessment and
 * submitResponse. Signed by Slack but built by a client: every field is checked, and a field
 * of the wrong shape reads as empty (answered in the modal), not as a failure.
 */

const metadataSchema: z.ZodType<ReviewFormMetadata> = z.object({
  planId: z.number().int().min(1).max(2 ** 31 - 1),
  fiscalYear: z.number().int().min(1000).max(9999),
  actionPlanNumber: z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER),
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

const selected = (blockId: string, actionId: string) =>
  z
    .object({ [blockId]: z.object({ [actionId]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) }) })
    .transform((v) => v[blockId]?.[actionId]?.selected_option?.value ?? null)
    .catch(null);

const typed = (blockId: string, actionId: string) =>
  z
    .object({ [blockId]: z.object({ [actionId]: z.object({ value: z.string().nullish() }) }) })
    .transform((v) => v[blockId]?.[actionId]?.value ?? null)
    .catch(null);

function readView(view: unknown): { metadata: ReviewFormMetadata; values: unknown } | null {
  const v = (view ?? {}) as { private_metadata?: unknown; state?: { values?: unknown } };
  const metadata = metadataJson.safeParse(v.private_metadata);
  return metadata.success ? { metadata: metadata.data, values: v.state?.values ?? {} } : null;
}

/** Hand to submitAssessment with the request key added; null means answer "stale form". */
export function parseAssessmentSubmission(view: unknown): Omit<SubmitAssessmentInput, 'requestKey'> | null {
  const read = readView(view);
  if (!read) return null;
  const { blocks, actions } = ASSESSMENT_FORM;
  return {
    ...read.metadata,
    grade: selected(blocks.grade, actions.grade).parse(read.values),
    opinion: typed(blocks.opinion, actions.opinion).parse(read.values),
  };
}

export function parseResponseSubmission(view: unknown): Omit<SubmitResponseInput, 'requestKey'> | null {
  const read = readView(view);
  if (!read) return null;
  const { blocks, actions } = RESPONSE_FORM;
  return {
    ...read.metadata,
    response: typed(blocks.response, actions.response).parse(read.values),
    wayForward: selected(blocks.wayForward, actions.wayForward).parse(read.values),
  };
}

/** A button's `<fiscal year>:<number>` (an action plan, or a page). */
export const yearAndNumber = z
  .string()
  .regex(/^\d{4}:\d{1,3}$/)
  .transform((s) => {
    const [fiscalYear, number] = s.split(':').map(Number) as [number, number];
    return { fiscalYear, number };
  })
  .refine((v) => v.number >= 1);

export const yearOnly = z.string().regex(/^\d{4}$/).transform(Number);
