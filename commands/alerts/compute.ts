import { findAlerts, keyString, selectNewAlerts, type AlertFinding, type FigureFact } from '../../src/domain/alert-rules.ts';
import type { CivilDate } from '../../src/domain/fiscal-year.ts';
import { loadActionPlans } from '../../src/store/action-plans.ts';
import { listLastSent } from '../../src/store/alert-ledger.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { listOwnersByActionPlan } from '../../src/store/owners.ts';
import { loadPlanClosure } from '../../src/store/plan-closure.ts';
import type { Plan } from '../../src/store/schema.ts';
import type { AlertSettings } from './settings.ts';
import { buildDigest, type Digest } from './digest.ts';

/**
 * The digest a run for `runDate` would post: every rule applied to the plan as it is now,
 * minus what the ledger says this channel has already been told. Reads only.
 */
export async function computeDigest(
  db: PlanDb,
  plan: Plan,
  settings: AlertSettings,
  runDate: CivilDate,
): Promise<{ digest: Digest; findings: AlertFinding[] }> {
  // Three queries for the whole plan: 20 action plans and ~100 figures are read at once.
  const actionPlans = await loadActionPlans(db, plan.id);
  const owners = await listOwnersByActionPlan(
    db,
    actionPlans.map((ap) => ap.id),
  );
  const facts: FigureFact[] = actionPlans.flatMap((ap) =>
    ap.indicators.flatMap((indicator) =>
      indicator.figures.map((figure) => ({
        actionPlanId: ap.id,
        indicatorId: indicator.id,
        fiscalYear: figure.fiscalYear,
        target: figure.target,
        direction: indicator.direction,
        actual: figure.actual === null ? null : { value: figure.actual.value, revisionId: figure.actual.revisionId },
      })),
    ),
  );
  const findings = findAlerts(facts, new Set(owners.keys()), {
    today: runDate,
    dueRule: settings.dueRule,
    dueSoonDays: settings.dueSoonDays,
    planClosed: (await loadPlanClosure(db, plan.id)) !== null,
  });

  const lastSent = new Map<string, CivilDate>();
  for (const row of await listLastSent(db, settings.channel)) lastSent.set(keyString(row), row.runDate);
  const fresh = selectNewAlerts(findings, lastSent, { today: runDate, repeatDays: settings.repeatDays });
  return { digest: buildDigest(runDate, fresh, actionPlans, owners), findings };
}
