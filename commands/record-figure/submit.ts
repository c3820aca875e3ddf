import { z } from 'zod';
import {
  checkFigureValue,
  checkFiscalYear,
  checkNote,
  isProvisional,
  type FiscalYearProblem,
  type NoteProblem,
  type ValueProblem,
} from '../../src/domain/figure-input.ts';
import { figureStatus, type FigureStatus } from '../../src/domain/status.ts';
import { loadActionPlan } from '../../src/store/action-plans.ts';
import { recordActual, UnknownFigureError } from '../../src/store/figures.ts';
import type { CommandContext } from '../context.ts';
import { LockedFigureError, lockGuard, type LockProblem } from '../review/locks.ts';
import { MAX_ACTION_PLAN_NUMBER } from '../grammar.ts';
import type { ActionPlanHeader } from '../results.ts';
import { headerOf } from '../views.ts';
import { planPeriod, refusal, formIndicator, type Forbidden, type RecordingPolicy, type FigureFormIndicator } from './form.ts';

/**
 * Recording a yearly actual, whatever the door, part two: the submission, which validates,
 * checks again who may record (a form can be forged), and stores a new revision.
 */

export type FieldError =
  | { code: 'indicator_required' }
  | { code: 'unknown_indicator' }
  | { code: 'fiscal_year_required' }
  | { code: 'stale_form' }
  | FiscalYearProblem
  | ValueProblem
  | NoteProblem
  | LockProblem;

export interface FieldErrors {
  indicator?: FieldError;
  fiscalYear?: FieldError;
  value?: FieldError;
  note?: FieldError;
}

export type FigureField = keyof FieldErrors;

export interface SavedFigure {
  revisionId: number;
  actionPlan: ActionPlanHeader;
  indicator: FigureFormIndicator;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  note: string | null;
  recordedBy: string;
  source: 'slack' | 'cli';
  /** As of ctx.today; never 'overdue', since the figure now has an actual. */
  status: Exclude<FigureStatus, 'overdue'>;
  target: number | null;
  previous: { value: number; recordedBy: string; recordedAt: string } | null;
  /** This request had been recorded before (a replay): nothing new was stored. */
  duplicate: boolean;
}

export type SubmitFigureResult =
  | { ok: true; saved: SavedFigure }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; forbidden: Forbidden };

const MAX_ID = 2 ** 31 - 1;

/**
 * What a door hands in. Checked again here whatever its static type says: it was built from a
 * payload someone else sent. Text fields stay text; the domain rules read the numbers in them.
 */
export const submitFigureInputSchema = z.object({
  /** The plan the form was opened for; a form left open across a plan switch is stale. */
  planId: z.number().int().min(1).max(MAX_ID).optional(),
  actionPlanNumber: z.number().int().min(1).max(MAX_ACTION_PLAN_NUMBER),
  indicatorId: z.number().int().min(1).max(MAX_ID).nullable(),
  fiscalYear: z.number().int().min(1000).max(9999).nullable(),
  // Lengths are the domain's to judge (it names the limit back to the person).
  value: z.string(),
  note: z.string().nullable(),
  source: z.enum(['slack', 'cli']),
  /** Identifies the submission (a Slack view id), so one delivered twice is stored once. */
  requestKey: z.string().min(1).max(200).optional(),
});

export type SubmitFigureInput = z.input<typeof submitFigureInputSchema>;

export async function submitFigure(
  ctx: CommandContext,
  rawInput: SubmitFigureInput,
  policy: RecordingPolicy,
): Promise<SubmitFigureResult> {
  const parsed = submitFigureInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, fieldErrors: schemaFieldErrors(parsed.error) };
  const input = parsed.data;
  if (input.planId !== undefined && input.planId !== ctx.plan.id) {
    return { ok: false, fieldErrors: { indicator: { code: 'stale_form' } } };
  }

  const record = await loadActionPlan(ctx.db, ctx.plan.id, input.actionPlanNumber);
  if (!record) return { ok: false, fieldErrors: { indicator: { code: 'stale_form' } } };
  const forbidden = await refusal(ctx, record, policy);
  if (forbidden) return { ok: false, forbidden };

  const errors: FieldErrors = {};
  // An id from another action plan is refused here: owning ⑬ gives no say over ⑭'s figures.
  const indicator =
    input.indicatorId === null ? undefined : record.indicators.find((i) => i.id === input.indicatorId);
  if (input.indicatorId === null) errors.indicator = { code: 'indicator_required' };
  else if (!indicator) errors.indicator = { code: 'unknown_indicator' };

  if (input.fiscalYear === null) errors.fiscalYear = { code: 'fiscal_year_required' };
  else {
    const year = checkFiscalYear(input.fiscalYear, planPeriod(ctx), ctx.today);
    if (!year.ok) errors.fiscalYear = year.problem;
  }

  // Without a known indicator the number is still judged, so one round of errors says all it can.
  const value = checkFigureValue(
    input.value,
    indicator
      ? { unit: indicator.unit, minValue: indicator.minValue, maxValue: indicator.maxValue }
      : { unit: null, minValue: null, maxValue: null },
  );
  if (!value.ok) errors.value = value.problem;

  const note = checkNote(input.note);
  if (!note.ok) errors.note = note.problem;

  // The checks after the first repeat it for the type checker's sake.
  if (Object.keys(errors).length || !indicator || input.fiscalYear === null || !value.ok || !note.ok) {
    return { ok: false, fieldErrors: errors };
  }

  const fiscalYear = input.fiscalYear;
  const provisional = isProvisional(fiscalYear, ctx.today);
  let stored;
  try {
    stored = await recordActual(ctx.db, {
      indicatorId: indicator.id,
      fiscalYear,
      value: value.value,
      provisional,
      recordedBy: ctx.actor.id,
      source: input.source,
      note: note.note,
      now: ctx.now,
      requestKey: input.requestKey ?? null,
      // A year a review has locked: refused, or (an admin giving a reason) kept as a correction.
      guard: lockGuard(ctx, note.note),
    });
  } catch (error) {
    if (error instanceof LockedFigureError) {
      const field = error.problem.code === 'year_locked' ? 'fiscalYear' : 'note';
      return { ok: false, fieldErrors: { [field]: error.problem } };
    }
    // Every plan year has a row; a missing one means the form named a year the plan lacks.
    if (error instanceof UnknownFigureError) {
      const period = planPeriod(ctx);
      return {
        ok: false,
        fieldErrors: {
          fiscalYear: { code: 'outside_plan_period', first: period.firstFiscalYear, last: period.lastFiscalYear },
        },
      };
    }
    throw error;
  }

  const target = indicator.figures.find((f) => f.fiscalYear === fiscalYear)?.target ?? null;
  const status = figureStatus(
    { fiscalYear, target, actual: value.value, direction: indicator.direction },
    ctx.today,
    ctx.dueRule,
  ) as SavedFigure['status'];
  return {
    ok: true,
    saved: {
      revisionId: stored.revisionId,
      actionPlan: headerOf(record),
      indicator: formIndicator(indicator),
      fiscalYear,
      value: value.value,
      provisional,
      note: note.note,
      recordedBy: ctx.actor.id,
      source: input.source,
      status,
      target,
      previous: stored.previous,
      duplicate: stored.duplicate,
    },
  };
}

const SCHEMA_FIELD: Record<string, FigureField> = {
  indicatorId: 'indicator',
  fiscalYear: 'fiscalYear',
  value: 'value',
  note: 'note',
};

/** A shape the form cannot produce: point at the field when there is one, else call the form stale. */
function schemaFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = SCHEMA_FIELD[String(issue.path[0])];
    if (field === 'value') errors.value = { code: 'not_a_number', text: '' };
    else if (field === 'note') errors.note = { code: 'stale_form' };
    else if (field === 'indicator') errors.indicator = { code: 'unknown_indicator' };
    else if (field === 'fiscalYear') errors.fiscalYear = { code: 'fiscal_year_required' };
    else errors.indicator = { code: 'stale_form' };
  }
  return errors;
}
