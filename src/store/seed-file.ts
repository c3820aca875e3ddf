import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isCivilDate, type CivilDate } from '../domain/fiscal-year.ts';
import { INDICATOR_KINDS, KIND_DIRECTIONS } from '../domain/grading.ts';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('../../db/seeds/suita-4th.json', import.meta.url));

const fiscalYearKey = z.string().regex(/^\d{4}$/, 'fiscal year keys are four digits, e.g. "2021"');
const english = z.string().min(1).optional();

const indicatorSeed = z
  .object({
    name: z.string().min(1),
    nameEn: english,
    unit: z.string().min(1),
    unitEn: english,
    kind: z.enum(INDICATOR_KINDS),
    direction: z.enum(['higher_is_better', 'lower_is_better']),
    comparator: z.string().min(1).optional(),
    range: z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
    targets: z.record(fiscalYearKey, z.number()),
    /** Years the source marks 評価期間前: not graded even when a figure exists. */
    beforeEvaluation: z.array(z.number().int()).optional(),
    actuals: z.record(
      fiscalYearKey,
      z
        .object({ value: z.number(), note: z.string().optional(), noteEn: english })
        .strict()
        .refine((a) => a.noteEn === undefined || a.note !== undefined, 'noteEn translates a note, so needs one'),
    ),
    notes: z.array(z.string().min(1)).optional(),
    /** notes in English, one for one. */
    notesEn: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (!KIND_DIRECTIONS[ind.kind].includes(ind.direction)) {
      ctx.addIssue({ code: 'custom', message: `${ind.name}: a ${ind.kind} indicator cannot be ${ind.direction}` });
    }
    if (ind.notesEn !== undefined && ind.notesEn.length !== (ind.notes?.length ?? 0)) {
      ctx.addIssue({ code: 'custom', message: `${ind.name}: notesEn must translate notes one for one` });
    }
    for (const fy of ind.beforeEvaluation ?? []) {
      // A year with a target is being evaluated; saying otherwise would hide a missed target.
      if (String(fy) in ind.targets) {
        ctx.addIssue({ code: 'custom', message: `${ind.name}: FY${fy} is marked beforeEvaluation but has a target` });
      }
    }
  });

const actionPlanSeed = z
  .object({
    number: z.number().int().min(1),
    name: z.string().min(1),
    nameEn: english,
    theme: z.string().min(1),
    narrative: z.string().min(1).optional(),
    indicators: z.array(indicatorSeed).min(1),
  })
  .strict();

export const planSeedSchema = z
  .object({
    plan: z
      .object({
        code: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        nameEn: english,
        firstFiscalYear: z.number().int(),
        lastFiscalYear: z.number().int(),
        reviewFiscalYear: z.number().int().optional(),
        source: z.string().optional(),
        /**
         * The day the source document speaks for (YYYY-MM-DD, Tokyo): seeded actuals are
         * recorded as of it, not as of the moment a database happened to be created.
         */
        sourceDate: z.string().refine(isCivilDate, 'sourceDate is a date, YYYY-MM-DD').optional(),
      })
      .strict(),
    policies: z
      .array(z.object({ number: z.number().int().min(1), name: z.string().min(1), nameEn: english }).strict())
      .min(1),
    themes: z
      .array(z.object({ name: z.string().min(1), nameEn: english, policy: z.number().int() }).strict())
      .min(1),
    actionPlans: z.array(actionPlanSeed).min(1),
  })
  .strict()
  .superRefine((seed, ctx) => {
    const { firstFiscalYear, lastFiscalYear } = seed.plan;
    const policyNumbers = new Set(seed.policies.map((p) => p.number));
    const themeNames = new Set(seed.themes.map((t) => t.name));
    for (const theme of seed.themes) {
      if (!policyNumbers.has(theme.policy)) {
        ctx.addIssue({ code: 'custom', message: `theme ${theme.name} names unknown policy ${theme.policy}` });
      }
    }
    const numbers = new Set<number>();
    for (const ap of seed.actionPlans) {
      if (numbers.has(ap.number)) ctx.addIssue({ code: 'custom', message: `action plan ${ap.number} appears twice` });
      numbers.add(ap.number);
      if (!themeNames.has(ap.theme)) {
        ctx.addIssue({ code: 'custom', message: `action plan ${ap.number} names unknown theme ${ap.theme}` });
      }
      for (const ind of ap.indicators) {
        const years = [...Object.keys(ind.targets), ...Object.keys(ind.actuals), ...(ind.beforeEvaluation ?? [])];
        for (const key of years) {
          const fy = Number(key);
          if (fy < firstFiscalYear || fy > lastFiscalYear) {
            ctx.addIssue({
              code: 'custom',
              message: `action plan ${ap.number} / ${ind.name}: fiscal year ${key} is outside the plan period`,
            });
          }
        }
      }
    }
  });

export type PlanSeed = z.infer<typeof planSeedSchema>;

/** When seeded actuals count as recorded: the source's date (midnight in Tokyo), else `now`. */
export function seedRecordedAt(seed: PlanSeed, now: Date): string {
  const day: CivilDate | undefined = seed.plan.sourceDate;
  return day ? new Date(`${day}T00:00:00+09:00`).toISOString() : now.toISOString();
}

export class SeedFileError extends Error {
  constructor(path: string, detail: string) {
    super(`seed file ${path} is not valid: ${detail}`);
    this.name = 'SeedFileError';
  }
}

export function loadSeedFile(path: string = DEFAULT_SEED_FILE): PlanSeed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedFileError(path, error instanceof Error ? error.message : String(error));
  }
  const parsed = planSeedSchema.safeParse(raw);
  if (!parsed.success) throw new SeedFileError(path, z.prettifyError(parsed.error));
  return parsed.data;
}
