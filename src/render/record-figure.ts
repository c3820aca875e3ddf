import type { FieldError, Forbidden } from '../../commands/record-figure.ts';
import type { Messages } from '../messages/index.ts';
import { mention } from './describe.ts';

/** Wording for recording a figure, shared by every door that offers it (modal, text). */

export function fieldErrorText(error: FieldError, m: Messages): string {
  const e = m.record.fieldErrors;
  switch (error.code) {
    case 'indicator_required':
      return e.indicatorRequired;
    case 'unknown_indicator':
      return e.unknownIndicator;
    case 'fiscal_year_required':
      return e.fiscalYearRequired;
    case 'stale_form':
      return e.staleForm;
    case 'outside_plan_period':
      return e.outsidePlanPeriod(m.fiscalYear(error.first), m.fiscalYear(error.last));
    case 'not_started':
      return e.notStarted;
    case 'empty':
      return e.empty;
    case 'not_a_number':
      return e.notANumber(error.text);
    case 'ambiguous_scale':
      return e.ambiguousScale(error.text);
    case 'scale_on_percent':
      return e.scaleOnPercent(error.text);
    case 'unknown_unit':
      return e.unknownUnit(error.text, error.expected);
    case 'too_precise':
      return e.tooPrecise;
    case 'too_large':
      return e.tooLarge(m.number(error.limit));
    case 'negative_not_allowed':
      return e.negativeNotAllowed;
    case 'below_min':
      return e.belowMin(m.withUnit(error.min, error.unit));
    case 'above_max':
      return e.aboveMax(m.withUnit(error.max, error.unit));
    case 'percent_sign_on_non_percent':
      return e.percentSignOnNonPercent(error.unit);
    case 'note_too_long':
      return e.noteTooLong(error.length, error.limit);
    case 'year_locked':
      return m.review.locks.yearLocked(m.fiscalYear(error.fiscalYear));
    case 'correction_reason_required':
      return m.review.locks.reasonRequired(m.fiscalYear(error.fiscalYear));
  }
}

/** "⑬ can be recorded by its owners (@a) and the admins (@b)": names people, so the refused know whom to ask. */
export function forbiddenText(forbidden: Forbidden, m: Messages): string {
  const parts: string[] = [];
  if (forbidden.owners.length) parts.push(m.record.owners(forbidden.owners.map((u) => mention(u)).join(', ')));
  if (forbidden.admins.length) parts.push(m.record.admins(forbidden.admins.map((u) => mention(u)).join(', ')));
  const who = parts.length ? parts.join(m.record.and) : m.record.nobody;
  return m.record.forbidden(m.circled(forbidden.actionPlan.number), who);
}
