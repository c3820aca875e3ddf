import type { GradeCode, GradingScheme } from '../../src/domain/grading.ts';
import { achievementRate, type FigureStatus } from '../../src/domain/status.ts';
import { loadActionPlans, type ActionPlanRecord } from '../../src/store/action-plans.ts';
import { listOwnersByActionPlan } from '../../src/store/owners.ts';
import { loadPlanOutline } from '../../src/store/plans.ts';
import type { RevisionSource } from '../../src/store/schema.ts';
import type { CommandContext } from '../context.ts';
import { indicatorView } from '../views.ts';
import { reviewsForSheets } from './committee.ts';
import type { ExportActionPlan, ExportIndicator, ExportModel, ExportYear } from './model.ts';

/**
 * The words a model carries (statuses, grades, who recorded): the door hands them in from the
 * messages of the person's language, since this layer sits under the messages.
 */
export interface ExportWords {
  status: Record<FigureStatus, string>;
  grade(code: GradeCode, scheme: GradingScheme): { code: string; label: string };
  recorder(recordedBy: string, source: RevisionSource): string;
  owner(userId: string): string;
}

export interface ExportOptions {
  /** The year the evaluation sheets are for (see requestExport for the default). */
  fiscalYear: number;
  words: ExportWords;
}

/**
 * Everything the exports print about `ctx.plan`, read from the store and judged on `ctx.today`
 * with the rules the answers use (status, grade, achievement), in the source document's order:
 * policy → theme → action plan.
 *
 * The narratives evaluate the plan's review year; a sheet for another year gets an empty
 * 進捗状況 for that year rather than another year's text under its title.
 */
export async function buildExportModel(ctx: CommandContext, options: ExportOptions): Promise<ExportModel> {
  const { plan, db } = ctx;
  const { fiscalYear, words } = options;
  const [outline, records, reviews] = await Promise.all([
    loadPlanOutline(db, plan.id),
    loadActionPlans(db, plan.id),
    reviewsForSheets(db, plan.id, fiscalYear),
  ]);
  const owners = await listOwnersByActionPlan(
    db,
    records.map((r) => r.id),
  );
  const narrativeYear = plan.review_fiscal_year;
  const narrativeShown = narrativeYear === null || narrativeYear === fiscalYear;

  const actionPlan = (record: ActionPlanRecord): ExportActionPlan => {
    const review = reviews.get(record.id);
    return {
      number: record.number,
      name: record.name,
      narrative: narrativeShown ? record.narrative : null,
      narrativeFiscalYear: narrativeYear === null ? null : fiscalYear,
      issues: review?.issues ?? null,
      owners: (owners.get(record.id) ?? []).map(words.owner),
      indicators: record.indicators.map((indicator): ExportIndicator => {
        const view = indicatorView(record, indicator, ctx);
        return {
          position: indicator.position,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          comparator: indicator.comparator,
          years: view.years.map((year): ExportYear => {
            const recorded = indicator.figures.find((f) => f.fiscalYear === year.fiscalYear)?.actual ?? null;
            const grade = year.grade.grade;
            return {
              fiscalYear: year.fiscalYear,
              target: year.target,
              actual: year.actual,
              provisional: year.actual !== null && year.provisional,
              achievement:
                year.target !== null && year.actual !== null ? achievementRate(year.actual, year.target, indicator.direction) : null,
              grade: grade === null ? null : words.grade(grade, record.gradingScheme),
              status: year.status,
              statusLabel: words.status[year.status],
              // A seed figure's time is when this database was created, not when anyone recorded
              // it: left out, so two stores of one plan export the same bytes.
              recordedAt: recorded && recorded.source !== 'seed' ? recorded.recordedAt : null,
              recordedBy: recorded ? words.recorder(recorded.recordedBy, recorded.source) : null,
              note: recorded?.note ?? null,
            };
          }),
        };
      }),
      committee: review?.committee ?? null,
    };
  };

  return {
    plan: {
      code: plan.code,
      name: plan.name,
      firstFiscalYear: plan.first_fiscal_year,
      lastFiscalYear: plan.last_fiscal_year,
      reviewFiscalYear: fiscalYear,
    },
    asOf: ctx.today,
    policies: outline.policies.map((policy) => ({
      number: policy.number,
      name: policy.name,
      themes: outline.themes
        .filter((theme) => theme.policyNumber === policy.number)
        .map((theme) => ({
          name: theme.name,
          actionPlans: records.filter((r) => r.theme.id === theme.id).map(actionPlan),
        })),
    })),
  };
}
