import { LOCAL_WORKSPACE } from '../../src/store/workspaces.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { seedPlan } from '../../src/store/seed.ts';
import { planSeedSchema, type PlanSeed } from '../../src/store/seed-file.ts';
import { checkPlanQuality, type QualityWarning } from './quality.ts';

/** A whole plan from a plan file (the format of db/seeds, docs/plan-file.schema.json). */

export interface PlanFileIssue {
  /** Where in the file, e.g. `actionPlans.3.indicators.0.unit`; empty for the file as a whole. */
  path: string;
  message: string;
}

export type PlanFileReading =
  | { ok: false; kind: 'json'; detail: string }
  | { ok: false; kind: 'schema'; issues: PlanFileIssue[] }
  | { ok: true; seed: PlanSeed; warnings: QualityWarning[] };

/** Reads and validates a plan file's text; nothing touches the store. */
export function readPlanFile(text: string): PlanFileReading {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, kind: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = planSeedSchema().safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'schema',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  return { ok: true, seed: parsed.data, warnings: checkPlanQuality(parsed.data) };
}

export interface PlanFileSummary {
  code: string;
  name: string;
  firstFiscalYear: number;
  lastFiscalYear: number;
  policies: number;
  themes: number;
  actionPlans: { number: number; name: string; indicators: number }[];
  indicators: number;
  targets: number;
  actuals: number;
}

export type PlanImportOutcome =
  | { kind: 'exists'; code: string }
  | { kind: 'strict_refused'; warnings: QualityWarning[] }
  | { kind: 'dry_run'; summary: PlanFileSummary }
  | { kind: 'created'; summary: PlanFileSummary };

/**
 * Creates the plan in one transaction (seedPlan), its actuals recorded as imported by
 * `recordedBy`. Never over an existing plan: a code already in the store is refused, so what
 * people recorded there stays. With `strict`, any data-quality warning refuses the file.
 */
export async function importPlanFile(
  db: PlanDb,
  reading: Extract<PlanFileReading, { ok: true }>,
  options: { dryRun: boolean; strict: boolean; recordedBy: string; now: Date; workspace?: string },
): Promise<PlanImportOutcome> {
  const { seed, warnings } = reading;
  const workspace = options.workspace ?? LOCAL_WORKSPACE;
  if (await findPlan(db, seed.plan.code, workspace)) return { kind: 'exists', code: seed.plan.code };
  if (options.strict && warnings.length > 0) return { kind: 'strict_refused', warnings };
  const summary = summaryOf(seed);
  if (options.dryRun) return { kind: 'dry_run', summary };
  const created = await seedPlan(db, seed, options.now, { recordedBy: options.recordedBy, source: 'import', workspace });
  // Another process created the same code between the look and the write.
  if (!created) return { kind: 'exists', code: seed.plan.code };
  return { kind: 'created', summary };
}

export function summaryOf(seed: PlanSeed): PlanFileSummary {
  const indicators = seed.actionPlans.flatMap((ap) => ap.indicators);
  return {
    code: seed.plan.code,
    name: seed.plan.name,
    firstFiscalYear: seed.plan.firstFiscalYear,
    lastFiscalYear: seed.plan.lastFiscalYear,
    policies: seed.policies.length,
    themes: seed.themes.length,
    actionPlans: seed.actionPlans.map((ap) => ({ number: ap.number, name: ap.name, indicators: ap.indicators.length })),
    indicators: indicators.length,
    targets: indicators.reduce((n, ind) => n + Object.keys(ind.targets).length, 0),
    actuals: indicators.reduce((n, ind) => n + Object.keys(ind.actuals).length, 0),
  };
}
