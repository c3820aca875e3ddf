import { fiscalYearOf } from '../../src/domain/fiscal-year.ts';
import type { Plan } from '../../src/store/schema.ts';
import type { CommandContext } from '../context.ts';
import type { ExportFormat } from '../grammar.ts';
import type { CommandResult } from '../results.ts';

/**
 * `/plan export xlsx [year]`: checks what can be checked before any work (the year is the
 * plan's) and says which file to build. Building and delivering it is the door's: a workbook
 * is bytes for a DM or a file on disk, and words in the person's language.
 */
export function requestExport(ctx: CommandContext, format: ExportFormat, fiscalYear: number | null): CommandResult {
  const { first_fiscal_year: first, last_fiscal_year: last } = ctx.plan;
  const year = fiscalYear ?? defaultEvaluationYear(ctx.plan, ctx.today);
  if (year < first || year > last) {
    return { kind: 'error', error: { code: 'year_outside_plan', fiscalYear: year, first, last } };
  }
  return { kind: 'export', format, fiscalYear: year, plan: ctx.plan };
}

/**
 * The year an evaluation sheet is for when nobody says: the year the plan's narratives evaluate
 * (the mid-term review's FY2020), else the last year of the plan that has closed, else its first.
 */
export function defaultEvaluationYear(plan: Plan, today: string): number {
  if (plan.review_fiscal_year !== null) return plan.review_fiscal_year;
  const lastClosed = fiscalYearOf(today) - 1;
  return Math.min(Math.max(lastClosed, plan.first_fiscal_year), plan.last_fiscal_year);
}
