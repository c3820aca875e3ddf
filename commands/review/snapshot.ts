import {
  gradeActionPlan,
  isBeforeEvaluationPeriod,
  type GradingBands,
} from '../../src/domain/grading.ts';
import { missingActuals, type MissingActual } from '../../src/domain/review.ts';
import type { ActionPlanRecord } from '../../src/store/action-plans.ts';
import { gradeOfYear, seriesOf } from '../grading.ts';
import { snapshotSchema, type ReviewSnapshot } from './snapshot-schema.ts';

export { gradeCodeSchema, snapshotSchema, type ReviewSnapshot, type SnapshotActionPlan, type SnapshotIndicator } from './snapshot-schema.ts';

/**
 * The year's figures as they were when the review opened: what the committee read and graded.
 * Stored as JSON with the review and never changed, so the review reads the same in ten years
 * whatever happens to the figures, names or grading rules afterwards. Read back through the
 * schema, so a stored snapshot that does not fit is a loud error, not a silent wrong answer.
 */


export function takeSnapshot(options: {
  records: readonly ActionPlanRecord[];
  fiscalYear: number;
  bands: Partial<GradingBands>;
  now: Date;
  narrativeFiscalYear: number | null;
}): ReviewSnapshot {
  const { fiscalYear, bands } = options;
  return {
    version: 1,
    fiscalYear,
    takenAt: options.now.toISOString(),
    actionPlans: options.records.map((record) => {
      const planGrade = gradeActionPlan(record.indicators.map(seriesOf), fiscalYear, record.gradingScheme, bands);
      return {
        id: record.id,
        number: record.number,
        name: record.name,
        nameEn: record.nameEn,
        policy: record.policy,
        theme: { name: record.theme.name, nameEn: record.theme.nameEn },
        scheme: record.gradingScheme,
        narrative: record.narrative,
        narrativeFiscalYear: options.narrativeFiscalYear,
        grade: planGrade.grade,
        ungraded: planGrade.reason,
        indicators: record.indicators.map((indicator) => {
          const figure = indicator.figures.find((f) => f.fiscalYear === fiscalYear);
          const grade = gradeOfYear(record, indicator, fiscalYear, bands);
          const achievement = grade.achievement && Number.isFinite(grade.achievement.value) ? grade.achievement : null;
          return {
            id: indicator.id,
            figureId: figure?.figureId ?? null,
            position: indicator.position,
            name: indicator.name,
            nameEn: indicator.nameEn,
            unit: indicator.unit,
            unitEn: indicator.unitEn,
            comparator: indicator.comparator,
            direction: indicator.direction,
            kind: indicator.kind,
            target: figure?.target ?? null,
            targetRevised: figure?.targetRevised ?? false,
            actual: figure?.actual?.value ?? null,
            provisional: figure?.actual?.provisional ?? false,
            recordedBy: figure?.actual?.recordedBy ?? null,
            recordedAt: figure?.actual?.recordedAt ?? null,
            beforeEvaluation: isBeforeEvaluationPeriod(seriesOf(indicator), fiscalYear),
            grade: grade.grade,
            ungraded: grade.reason,
            achievement,
          };
        }),
      };
    }),
  };
}

export function readSnapshot(json: string, reviewId: number): ReviewSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`the snapshot of review ${reviewId} is not JSON`);
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) throw new Error(`the snapshot of review ${reviewId} does not fit its schema: ${parsed.error.message}`);
  return parsed.data;
}

/** What the snapshot lacks: actuals missing or still provisional when the review opened. */
export function missingInSnapshot(snapshot: ReviewSnapshot): MissingActual[] {
  return missingActuals(
    snapshot.actionPlans.flatMap((ap) =>
      ap.indicators.map((i) => ({
        actionPlanNumber: ap.number,
        indicatorName: i.name,
        target: i.target,
        actual: i.actual,
        provisional: i.provisional,
        beforeEvaluation: i.beforeEvaluation,
      })),
    ),
  );
}
