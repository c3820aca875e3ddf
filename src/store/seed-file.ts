import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isCivilDate, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, type CivilDate } from '../domain/fiscal-year.ts';
import { GRADING_SCHEMES, INDICATOR_KINDS, KIND_DIRECTIONS } from '../domain/grading.ts';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('../../db/seeds/suita-4th.json', import.meta.url));

/** The longest plan period the exports lay out (src/render/export/model.ts refuses more). */
const MAX_PLAN_YEARS = 50;

function buildPlanSeedSchema() {
  const fiscalYearKey = z.string().regex(/^\d{4}$/, 'fiscal year keys are four digits, e.g. "2021"');
  const english = z.string().min(1).optional();
  const fiscalYear = z.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR);
  // The CSV carries figures as plain numbers of at most 4 decimals below 10^12 (docs/exports.md):
  // a plan file holds nothing the figures' CSV could not carry back.
  const figure = z
    .number()
    .refine((v) => Math.abs(v) < 1e12 && Number(v.toFixed(4)) === v, 'a figure is below 10^12 with at most 4 decimals');

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
      targets: z.record(fiscalYearKey, figure),
      /** Years the source marks 評価期間前: not graded even when a figure exists. */
      beforeEvaluation: z.array(z.number().int()).optional(),
      actuals: z.record(
        fiscalYearKey,
        z
          .object({
            value: figure,
            /** Recorded before its fiscal year closed; absent = false. */
            provisional: z.boolean().optional(),
            note: z.string().optional(),
            noteEn: english,
          })
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
      number: z.number().int().min(1).max(999),
      name: z.string().min(1),
      nameEn: english,
      theme: z.string().min(1),
      /** How its figures are graded (docs/grading.md); absent = abcd. */
      gradingScheme: z.enum(GRADING_SCHEMES).optional(),
      narrative: z.string().min(1).optional(),
      indicators: z.array(indicatorSeed).min(1).max(99),
    })
    .strict();

  return z
    .object({
      plan: z
        .object({
          code: z.string().regex(/^[a-z0-9-]+$/),
          name: z.string().min(1),
          nameEn: english,
          firstFiscalYear: fiscalYear,
          lastFiscalYear: fiscalYear,
          reviewFiscalYear: fiscalYear.optional(),
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
      if (lastFiscalYear < firstFiscalYear || lastFiscalYear - firstFiscalYear >= MAX_PLAN_YEARS) {
        ctx.addIssue({ code: 'custom', message: `plan period ${firstFiscalYear}–${lastFiscalYear} is not a period of 1 to ${MAX_PLAN_YEARS} years` });
      }
      const policyNumbers = new Set(seed.policies.map((p) => p.number));
      const themeNames = new Set(seed.themes.map((t) => t.name));
      // Action plans name their theme and themes their policy, so a repeat would be ambiguous.
      if (policyNumbers.size !== seed.policies.length) ctx.addIssue({ code: 'custom', message: 'a policy number appears twice' });
      if (themeNames.size !== seed.themes.length) ctx.addIssue({ code: 'custom', message: 'a theme name appears twice' });
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
    })
    .meta({
      title: 'plan-bot plan file',
      description:
        'A whole plan as data: policies (基本方針), themes (取組テーマ), action plans with their indicators, targets and actuals. docs/exports.md describes it; db/seeds/suita-4th.json is one.',
    });
}

let builtSchema: ReturnType<typeof buildPlanSeedSchema> | undefined;

/**
 * The plan file's schema, built on first use: zod builds schemas slowly, and a start that finds
 * the shipped file already validated by the build (loadSeedFile) never needs it (#14).
 */
export function planSeedSchema(): ReturnType<typeof buildPlanSeedSchema> {
  builtSchema ??= buildPlanSeedSchema();
  return builtSchema;
}

export type PlanSeed = z.infer<ReturnType<typeof buildPlanSeedSchema>>;

/** When seeded actuals count as recorded: the source's date (midnight in Tokyo), else `now`. */
export function seedRecordedAt(seed: PlanSeed, now: Date): string {
  const day: CivilDate | undefined = seed.plan.sourceDate;
  return day ? new Date(`${day}T00:00:00+09:00`).toISOString() : now.toISOString();
}

export const PLAN_FILE_SCHEMA_PATH = fileURLToPath(new URL('../../docs/plan-file.schema.json', import.meta.url));

/**
 * The plan file's JSON Schema as published in docs/: what the schema accepts as input. The
 * cross-checks (themes name known policies, years inside the period…) are code, not schema.
 */
export function planFileJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(planSeedSchema(), { io: 'input' }), null, 2)}\n`;
}

export class SeedFileError extends Error {
  constructor(path: string, detail: string) {
    super(`seed file ${path} is not valid: ${detail}`);
    this.name = 'SeedFileError';
  }
}

/**
 * Beside a plan file the build found valid: the SHA-256 of the bytes it validated, then the
 * file's size and modification time as the build left it (`<digest> <size> <mtimeMs>`).
 */
export const VALIDATED_SUFFIX = '.validated';

export function seedDigest(bytes: Buffer): string {
  // Taken here rather than imported: node:crypto (with the streams it loads) was a few
  // milliseconds of every CLI start, and a start that finds the build's file never hashes.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');
}

/** What copy-seeds.mjs writes beside a plan file it validated. */
export function validatedRecord(path: string, bytes: Buffer): string {
  return `${seedDigest(bytes)} ${bytes.length} ${statSync(path).mtimeMs}\n`;
}

/**
 * Reads and validates a plan file. The build validates the shipped one and writes the digest of
 * its bytes beside it (scripts/copy-seeds.mjs): those very bytes are not validated again, which
 * was a tenth of every `npm run plan -- 13` (#14). The schema is data only (no defaults, no
 * transforms, strict objects), so a valid file parses to itself. Any other file, or an edited
 * one, is validated here as always.
 */
export function loadSeedFile(path: string = DEFAULT_SEED_FILE): PlanSeed {
  let bytes: Buffer;
  let raw: unknown;
  try {
    bytes = readFileSync(path);
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new SeedFileError(path, error instanceof Error ? error.message : String(error));
  }
  if (validatedByBuild(path, bytes)) return raw as PlanSeed;
  const parsed = planSeedSchema().safeParse(raw);
  if (!parsed.success) throw new SeedFileError(path, z.prettifyError(parsed.error));
  return parsed.data;
}

/**
 * The file as the build left it (same size and modification time, one stat) is the file it
 * validated; otherwise the bytes must hash to the recorded digest (a copy that kept its bytes
 * but not its time).
 */
function validatedByBuild(path: string, bytes: Buffer): boolean {
  let digest: string | undefined;
  let size: string | undefined;
  let mtimeMs: string | undefined;
  try {
    [digest, size, mtimeMs] = readFileSync(`${path}${VALIDATED_SUFFIX}`, 'utf8').trim().split(' ');
  } catch {
    return false;
  }
  if (size === String(bytes.length) && mtimeMs === String(statSync(path).mtimeMs)) return true;
  return digest === seedDigest(bytes);
}
