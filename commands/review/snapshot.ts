import { z } from 'zod';
import {
  GRADING_SCHEMES,
  INDICATOR_KINDS,
  gradeActionPlan,
  gradesOf,
  isBeforeEvaluationPeriod,
  type GradeCode,
  type GradingBands,
  type UngradedReason,
} from '../../src/domain/grading.ts';
import { missingActuals, type MissingActual } from '../../src/domain/review.ts';
import type { ActionPlanRecord } from '../../src/store/action-plans.ts';
import { gradeOfYear, seriesOf } from '../grading.ts';

/**
 * The year's figures as they were when the review opened: what the committee read and graded.
 * Stored as JSON with the review and never changed, so the review reads the same in ten years
 * whatever happens to the figures, names or grading rules afterwards. Read back through the
 * schema, so a stored snapshot that does not fit is a loud error, not a silent wrong answer.
 */

const ALL_GRADES: readonly string[] = GRADING_SCHEMES.flatMap((s) => gradesOf(s));
const UNGRADED_REASONS = ['no_target', 'no_actual', 'before_evaluation_period', 'zero_target', 'no_base'] as const satisfies readonly UngradedReason[];

export const gradeCodeSchema = z.custom<GradeCode>((v) => typeof v === 'string' && ALL_GRADES.includes(v));

const name = { name: z.string(), nameEn: z.string().nullable() };

const snapshotIndicatorSchema = z.object({
  id: z.number().int(),
  figureId: z.number().int().nullable(),
  position: z.number().int(),
  ...name,
  unit: z.string(),
  unitEn: z.string().nullable(),
  comparator: z.string().nullable(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  kind: z.enum(INDICATOR_KINDS),
  target: z.number().nullable(),
  targetRevised: z.boolean(),
  actual: z.number().nullable(),
  provisional: z.boolean(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  beforeEvaluation: z.boolean(),
  grade: gradeCodeSchema.nullable(),
  ungraded: z.enum(UNGRADED_REASONS).nullable(),
  achievement: z.object({ kind: z.enum(['ratio', 'points', 'margin']), value: z.number() }).nullable(),
});

const snapshotActionPlanSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  ...name,
  policy: z.object({ number: z.number().int(), ...name }),
  theme: z.object(name),
  scheme: z.enum(GRADING_SCHEMES),
  narrative: z.string().nullable(),
  /** The year the narrative was written for (the plan document's evaluation year). */
  narrativeFiscalYear: z.number().int().nullable(),
  grade: gradeCodeSchema.nullable(),
  ungraded: z.enum(UNGRADED_REASONS).nullable(),
  indicators: z.array(snapshotIndicatorSchema),
});

export const snapshotSchema = z.object({
  version: z.literal(1),
  fiscalYear: z.number().int(),
  takenAt: z.string(),
  actionPlans: z.array(snapshotActionPlanSchema),
});

export type ReviewSnapshot = z.infer<typeof snapshotSchema>;
export type SnapshotActionPlan = ReviewSnapshot['actionPlans'][number];
export type SnapshotIndicator = SnapshotActionPlan['indicators'][number];

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
