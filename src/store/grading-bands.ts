import { z } from 'zod';
import type { GradingBands } from '../domain/grading.ts';
import type { Plan } from './schema.ts';

const ratio = z.number().finite();
const bandsSchema = z
  .object({
    abcd: z.object({ A: ratio, B: ratio, C: ratio }).strict(),
    marks: z.object({ double_circle: ratio, circle: ratio, triangle: ratio }).strict(),
    changePoints: z.object({ second: ratio, third: ratio }).strict(),
    flatTolerance: z.number().min(0),
  })
  .partial()
  .strict();

const cache = new Map<string, Partial<GradingBands>>();
const DEFAULT_ONLY: Partial<GradingBands> = Object.freeze({});

/**
 * A plan's grading bands as stored (JSON of what differs from the defaults). A column that
 * does not read as bands counts as the defaults rather than breaking every answer.
 */
export function bandsOf(plan: Pick<Plan, 'grading_bands'>): Partial<GradingBands> {
  const json = plan.grading_bands;
  // One object for "the defaults", so what is worked out from it can be kept with it.
  if (json === null) return DEFAULT_ONLY;
  let bands = cache.get(json);
  if (!bands) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      parsed = undefined;
    }
    const result = bandsSchema.safeParse(parsed);
    bands = result.success ? result.data : {};
    cache.set(json, bands);
  }
  return bands;
}
