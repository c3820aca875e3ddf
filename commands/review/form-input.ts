import { z } from 'zod';
import { MAX_ACTION_PLAN_NUMBER } from '../grammar.ts';

/** Which review and action plan a form was opened for: carried by the form, checked when it comes back. */
export interface ReviewFormTarget {
  planId: number;
  fiscalYear: number;
  actionPlanNumber: number;
}

export const formInputSchema = z.object({
  /** The plan the form was opened for; a form left open across a plan switch is stale. */
  planId: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  fiscalYear: z.number().int().min(1000).max(9999),
  actionPlanNumber: z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER),
  /** Identifies the submission (a Slack view id), so one delivered twice is stored once. */
  requestKey: z.string().min(1).max(200).optional(),
});
