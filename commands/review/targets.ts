import { checkFigureValue } from '../../src/domain/figure-input.ts';
import { checkText, MAX_REASON_LENGTH } from '../../src/domain/review.ts';
import { loadActionPlan } from '../../src/store/action-plans.ts';
import { lockOfFigure, requestKeyUsed } from '../../src/store/reviews.ts';
import { reviseTarget } from '../../src/store/target-revisions.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import { noSuchActionPlan } from '../errors.ts';
import type { ReviewCommand } from '../grammar.ts';
import type { CommandResult } from '../results.ts';
import { headerOf } from '../views.ts';
import { refused, reviewAnswer } from './common.ts';

/**
 * `/plan review target 13 2022 9000 reason … decision …`: an admin revises a target (the mid-term
 * review's 目標の見直し). The old target stays in the revision, with why and who decided; a year
 * a review has locked keeps the target the committee judged it by.
 */
export async function reviseTargetCommand(
  ctx: CommandContext,
  command: Extract<ReviewCommand, { action: 'target' }>,
): Promise<CommandResult> {
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  const record = await loadActionPlan(ctx.db, ctx.plan.id, command.number);
  if (!record) return noSuchActionPlan(ctx, command.number);
  const count = record.indicators.length;
  if (command.position === null && count > 1) return refused({ code: 'which_indicator', number: record.number, count });
  const position = command.position ?? 1;
  const indicator = record.indicators.find((i) => i.position === position);
  if (!indicator) return refused({ code: 'no_such_indicator', number: record.number, position, count });
  const figure = indicator.figures.find((f) => f.fiscalYear === command.fiscalYear);
  if (!figure) return refused({ code: 'no_target_year', number: record.number, fiscalYear: command.fiscalYear });

  const value = checkFigureValue(command.value, { unit: indicator.unit, minValue: indicator.minValue, maxValue: indicator.maxValue });
  if (!value.ok) return refused({ code: 'bad_target', problem: value.problem });
  const reason = checkText(command.reason, { required: true, limit: MAX_REASON_LENGTH });
  if (!reason.ok || reason.text === null) return refused({ code: 'reason', field: 'reason', problem: reason.ok ? { code: 'required' } : reason.problem });
  const decision = checkText(command.decision, { required: true, limit: MAX_REASON_LENGTH });
  if (!decision.ok || decision.text === null) {
    return refused({ code: 'reason', field: 'decision', problem: decision.ok ? { code: 'required' } : decision.problem });
  }

  const answer = {
    type: 'target_revised' as const,
    actionPlan: headerOf(record),
    indicator: { name: indicator.name, unit: indicator.unit, comparator: indicator.comparator },
    fiscalYear: command.fiscalYear,
    target: value.value,
    reason: reason.text,
    decision: decision.text,
  };
  return inWriteTransaction(ctx.db, async (trx) => {
    if (await requestKeyUsed(trx, 'target_revision', ctx.requestKey)) return reviewAnswer({ ...answer, previous: null, duplicate: true });
    if (await lockOfFigure(trx, figure.figureId)) return refused({ code: 'target_locked', fiscalYear: command.fiscalYear });
    const { previousTarget } = await reviseTarget(trx, {
      figureId: figure.figureId,
      target: value.value,
      reason: answer.reason,
      decision: answer.decision,
      revisedBy: ctx.actor.id,
      now: ctx.now,
      requestKey: ctx.requestKey ?? null,
    });
    return reviewAnswer({ ...answer, previous: previousTarget, duplicate: false });
  });
}
