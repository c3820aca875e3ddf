import { checkMeetingDate, checkReviewYear, checkText, MAX_REASON_LENGTH } from '../../src/domain/review.ts';
import { loadActionPlans } from '../../src/store/action-plans.ts';
import { bandsOf } from '../../src/store/grading-bands.ts';
import { findReview, insertReview, requestKeyUsed } from '../../src/store/reviews.ts';
import { inWriteTransaction } from '../../src/store/write-transaction.ts';
import type { CommandContext } from '../context.ts';
import type { ReviewCommand } from '../grammar.ts';
import { planPeriod } from '../record-figure/form.ts';
import type { CommandResult } from '../results.ts';
import { currentCommittee, headerOfReview, refused, reviewAnswer } from './common.ts';
import { missingInSnapshot, takeSnapshot } from './snapshot.ts';

/**
 * `/plan review open 2020`: the office confirms the year. In one transaction the year's figures
 * are read, kept as the review's snapshot and locked (a review row for the year is the lock),
 * so a figure recorded at the same moment is either in the snapshot or refused as locked.
 */
export async function openReview(
  ctx: CommandContext,
  command: Extract<ReviewCommand, { action: 'open' }>,
): Promise<CommandResult> {
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };
  // Opening sends the committee its DMs, which only the Slack door can (the CLI has no forms either).
  if (!ctx.actor.canOpenForms) return refused({ code: 'open_from_slack' });
  const { fiscalYear } = command;
  const year = checkReviewYear(fiscalYear, planPeriod(ctx), ctx.today);
  if (!year.ok) return refused({ ...year.problem, fiscalYear });
  if (command.meetingDate !== null && !checkMeetingDate(command.meetingDate, ctx.today).ok) {
    return refused({ code: 'meeting_in_past', date: command.meetingDate });
  }
  const reason = checkText(command.force, { required: false, limit: MAX_REASON_LENGTH });
  if (!reason.ok) return refused({ code: 'reason', field: 'reason', problem: reason.problem });

  const outcome = await inWriteTransaction(ctx.db, async (trx) => {
    const existing = await findReview(trx, ctx.plan.id, fiscalYear);
    if (existing && (await requestKeyUsed(trx, 'review', ctx.requestKey))) return { kind: 'replayed' as const, record: existing };
    if (existing) return { kind: 'exists' as const, record: existing };
    const snapshot = takeSnapshot({
      records: await loadActionPlans(trx, ctx.plan.id),
      fiscalYear,
      bands: bandsOf(ctx.plan),
      now: ctx.now,
      narrativeFiscalYear: ctx.plan.review_fiscal_year,
    });
    const missing = missingInSnapshot(snapshot);
    if (missing.length > 0 && reason.text === null) return { kind: 'missing' as const, missing };
    await insertReview(trx, {
      planId: ctx.plan.id,
      fiscalYear,
      openedBy: ctx.actor.id,
      now: ctx.now,
      meetingDate: command.meetingDate,
      openReason: missing.length > 0 ? reason.text : null,
      snapshot: JSON.stringify(snapshot),
      requestKey: ctx.requestKey ?? null,
    });
    return { kind: 'opened' as const, record: (await findReview(trx, ctx.plan.id, fiscalYear))!, missing };
  });

  switch (outcome.kind) {
    case 'missing':
      return refused({ code: 'missing_actuals', fiscalYear, missing: outcome.missing });
    case 'exists':
      return refused({
        code: 'already_open',
        fiscalYear,
        openedBy: outcome.record.openedBy,
        openedAt: outcome.record.openedAt,
        closed: outcome.record.closed !== null,
      });
    case 'replayed':
    case 'opened':
      return reviewAnswer({
        type: 'opened',
        review: headerOfReview(outcome.record),
        missing: outcome.kind === 'opened' ? outcome.missing : [],
        members: await currentCommittee(ctx.db, ctx.workspace, ctx.committee),
        duplicate: outcome.kind === 'replayed',
      });
  }
}
