import { z } from 'zod';

/**
 * What the buttons of a reminder DM carry, written and read in one place. The values come
 * back over the wire, so they are read with zod like any other input.
 */

const MAX_ID = 2 ** 31 - 1;
const idOk = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID;
const yearOk = (n: number) => n >= 1989 && n <= 2100;

/** 「実績を入力」: the action plan, and the figure the form should open on. */
export function recordFigureValue(actionPlanNumber: number, indicatorId: number, fy: number): string {
  return `${actionPlanNumber}:${indicatorId}:${fy}`;
}

export interface RecordFigureValue {
  actionPlanNumber: number;
  choice?: { indicatorId: number; fiscalYear: number };
}

/** `13` (the plan answer's button) or `13:45:2023` (a reminder's, naming the figure). */
export const recordFigureValueSchema = z
  .string()
  .regex(/^[1-9]\d{0,2}(:\d{1,10}:\d{4})?$/)
  .transform((s): RecordFigureValue => {
    const [n, indicatorId, fy] = s.split(':').map(Number) as [number, number?, number?];
    return indicatorId === undefined || fy === undefined ? { actionPlanNumber: n } : { actionPlanNumber: n, choice: { indicatorId, fiscalYear: fy } };
  })
  .refine((v) => !v.choice || (idOk(v.choice.indicatorId) && yearOk(v.choice.fiscalYear)));

export function snoozeValue(indicatorId: number, fy: number, locale: 'ja' | 'en'): string {
  return `${indicatorId}:${fy}:${locale}`;
}

export const snoozeValueSchema = z
  .string()
  .regex(/^\d{1,10}:\d{4}:(ja|en)$/)
  .transform((s) => {
    const [indicatorId, fy, locale] = s.split(':') as [string, string, 'ja' | 'en'];
    return { indicatorId: Number(indicatorId), fiscalYear: Number(fy), locale };
  })
  .refine((v) => idOk(v.indicatorId) && yearOk(v.fiscalYear));
