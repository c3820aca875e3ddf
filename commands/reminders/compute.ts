import { daysBetween, dueDateOf, type CivilDate } from '../../src/domain/fiscal-year.ts';
import {
  currentRung,
  ledgerKey,
  planLadder,
  snoozeKey,
  type AdminRung,
  type OpenFigure,
} from '../../src/domain/reminder-ladder.ts';
import { loadActionPlans } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { listOwnersByActionPlan } from '../../src/store/owners.ts';
import { listLedgeredRungs, listSnoozes } from '../../src/store/reminders.ts';
import type { Plan } from '../../src/store/schema.ts';
import type { ReminderSettings } from './settings.ts';

/** A figure as a message names it: which plan, which indicator, which year, against what. */
export interface FigureLabel {
  actionPlan: { id: number; number: number; name: string };
  indicator: { id: number; name: string; unit: string };
  fiscalYear: number;
  target: number;
  dueDate: CivilDate;
}

/** One DM to one owner about one figure. */
export interface ReminderDm {
  recipient: string;
  figure: FigureLabel;
  /** Days from the due date of the rung being sent ('d-14' …). */
  rung: number;
  /** Days from the due date today; negative before it. */
  daysFromDue: number;
}

export interface EscalationLine {
  figure: FigureLabel;
  rung: AdminRung;
  owners: readonly string[];
  daysFromDue: number;
}

/** One DM to one admin listing the figures that need them. */
export interface EscalationDm {
  recipient: string;
  lines: EscalationLine[];
  /** Lines that did not fit in one message: not ledgered, sent next run. */
  deferred: EscalationLine[];
}

export interface ReminderPlan {
  runDate: CivilDate;
  dms: ReminderDm[];
  escalations: EscalationDm[];
  /** Figures with no owner that nobody will hear of, because PLAN_ADMINS is empty. */
  unheardOf: number;
}

/** What a run on `runDate` would send that has not been sent. Reads only. */
export async function computeReminders(
  db: PlanDb,
  plan: Plan,
  settings: ReminderSettings,
  runDate: CivilDate,
): Promise<ReminderPlan> {
  const actionPlans = await loadActionPlans(db, plan.id);
  const owners = await listOwnersByActionPlan(
    db,
    actionPlans.map((ap) => ap.id),
  );
  const labels = new Map<string, FigureLabel>();
  const figures: OpenFigure[] = [];
  for (const ap of actionPlans) {
    for (const indicator of ap.indicators) {
      for (const figure of indicator.figures) {
        // A year with no target has nothing to compare with, and one with an actual is done.
        if (figure.target === null || figure.actual !== null) continue;
        figures.push({
          actionPlanId: ap.id,
          indicatorId: indicator.id,
          fiscalYear: figure.fiscalYear,
          target: figure.target,
          direction: indicator.direction,
        });
        labels.set(`${indicator.id}:${figure.fiscalYear}`, {
          actionPlan: { id: ap.id, number: ap.number, name: ap.name },
          indicator: { id: indicator.id, name: indicator.name, unit: indicator.unit },
          fiscalYear: figure.fiscalYear,
          target: figure.target,
          dueDate: dueDateOf(figure.fiscalYear, settings.dueRule),
        });
      }
    }
  }
  const sent = new Set((await listLedgeredRungs(db)).map((r) => ledgerKey(r.indicatorId, r.fiscalYear, r.rung, r.recipient)));
  const snoozes = new Map((await listSnoozes(db)).map((s) => [snoozeKey(s.indicatorId, s.fiscalYear, s.userId), s.until]));

  const planned = planLadder({
    figures,
    owners,
    admins: settings.admins,
    sent,
    snoozes,
    today: runDate,
    ladder: settings.ladder,
    dueRule: settings.dueRule,
  });
  const label = (f: OpenFigure) => labels.get(`${f.indicatorId}:${f.fiscalYear}`)!;
  // With no admins, a figure nobody owns reaches no one: the preview says so.
  const unheardOf =
    settings.admins.length > 0
      ? 0
      : figures.filter(
          (f) =>
            (owners.get(f.actionPlanId) ?? []).length === 0 &&
            currentRung(daysBetween(dueDateOf(f.fiscalYear, settings.dueRule), runDate), settings.ladder) !== null,
        ).length;
  return {
    runDate,
    dms: planned.reminders.map((r) => ({
      recipient: r.recipient,
      figure: label(r.figure),
      rung: r.rung,
      daysFromDue: r.daysFromDue,
    })),
    escalations: planned.escalations.map((e) => ({
      recipient: e.recipient,
      lines: e.items.map((item) => ({ figure: label(item.figure), rung: item.rung, owners: item.owners, daysFromDue: item.daysFromDue })),
      deferred: [],
    })),
    unheardOf,
  };
}
