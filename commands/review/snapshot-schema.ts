import { z } from 'zod';
import { GRADING_SCHEMES, INDICATOR_KINDS, gradesOf, type GradeCode, type UngradedReason } from '../../src/domain/grading.ts';

/**
 * The shape of a review's snapshot (see snapshot.ts), apart from taking one: what the review's
 * results and renderers name, without the grading they are computed by.
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
