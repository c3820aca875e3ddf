import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { isQuietAt, rungName } from '../../src/domain/reminder-ladder.ts';
import { isWorkingDay } from '../../src/domain/working-days.ts';
import { claimAlertRun, finishAlertRun, releaseAlertRun } from '../../src/store/alert-ledger.ts';
import type { PlanDb } from '../../src/store/db.ts';
import {
  beginPost,
  listPendingPosts,
  markPostNotSent,
  markPostSent,
  notePostUnknown,
  type ReminderLedgerItem,
} from '../../src/store/post-attempts.ts';
import type { Plan } from '../../src/store/schema.ts';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { DEFAULT_CLAIM, defaultHolder, newMessageKey, type ClaimOptions } from '../alerts/run.ts';
import { PostFailure, type PostFailureKind } from '../alerts/publish.ts';
import { computeReminders, type ReminderDm, type ReminderPlan } from './compute.ts';
import type { ReminderMessenger } from './messenger.ts';
import type { ReminderLocale, ReminderSettings } from './settings.ts';

/**
 * One reminder run: DMs to owners down the ladder, one escalation per admin.
 *
 * Exactly once per figure, rung and person. Each post is preceded by an outbox row and its
 * ledger rows (one transaction) and carries the row's key in its Slack metadata; the client
 * never retries. Slack says ok → settled as sent. Slack clearly refuses (429, ok:false) → the
 * rows go and the next run sends again. No answer, or a 5xx → the rows stay pending and the
 * run stops; the next run looks for the key in that DM's history before anything else, and
 * only sends again what is not there.
 *
 * Only one run at a time, across processes: the same claim as the digest, on a channel name
 * of its own.
 */

export const REMINDER_CLAIM_CHANNEL = '@reminders';

export type ReminderRunOutcome =
  | { kind: 'not_working_day'; runDate: CivilDate }
  | { kind: 'quiet'; runDate: CivilDate }
  | { kind: 'busy'; runDate: CivilDate; heldBy: { holder: string; claimedAt: string } }
  | { kind: 'dry_run'; runDate: CivilDate; plan: ReminderPlan }
  | { kind: 'nothing_new'; runDate: CivilDate; settled: SettleCounts }
  | { kind: 'sent'; runDate: CivilDate; dms: number; escalations: number; settled: SettleCounts }
  | {
      kind: 'failed';
      runDate: CivilDate;
      dms: number;
      escalations: number;
      settled: SettleCounts;
      failure: PostFailureKind;
      detail: string;
      retryAfterSeconds: number | undefined;
      /** Slack may have taken the last post: the next run looks before sending it again. */
      unknownOutcome: boolean;
    };

export interface SettleCounts {
  /** Posts whose answer was lost, found in Slack. */
  found: number;
  /** … not found: sent again. */
  absent: number;
  /** … still undecided (Slack could not be asked): nothing about them is sent yet. */
  open: number;
}

export interface ReminderRunOptions {
  db: PlanDb;
  plan: Plan;
  settings: ReminderSettings;
  messenger: ReminderMessenger;
  dryRun?: boolean;
  clock?: () => Date;
  runDate?: CivilDate;
  holder?: string;
  claim?: Partial<ClaimOptions>;
  sleep?: (ms: number) => Promise<void>;
  newKey?: () => string;
}

// A run stops at its first unanswered post, so it lasts one timeout past its last good post.
const DEFAULT_LEASE_MS = 10 * 60_000;

class StopRun extends Error {
  constructor(readonly failure: PostFailure) {
    super(failure.detail);
  }
}

export async function runReminders(options: ReminderRunOptions): Promise<ReminderRunOutcome> {
  const { db, plan, settings, messenger } = options;
  const clock = options.clock ?? (() => new Date());
  const runDate = options.runDate ?? civilDateInTokyo(clock());

  if (!isWorkingDay(runDate)) return { kind: 'not_working_day', runDate };
  if (options.dryRun) {
    const planned = await computeReminders(db, plan, settings, runDate);
    const escalations = planned.escalations.map((e) => messenger.fitEscalation(e, settings.defaultLocale));
    return { kind: 'dry_run', runDate, plan: { ...planned, escalations } };
  }
  if (isQuietAt(clock(), settings.quietHours)) return { kind: 'quiet', runDate };

  const claimOptions = { ...DEFAULT_CLAIM, leaseMs: DEFAULT_LEASE_MS, ...options.claim };
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const holder = options.holder ?? defaultHolder();
  const takeClaim = () =>
    claimAlertRun(db, { channel: REMINDER_CLAIM_CHANNEL, runDate, holder, now: clock(), leaseMs: claimOptions.leaseMs });
  // Like the digest: a second process waits for the first, then finds its ledger rows.
  const waitUntil = clock().getTime() + claimOptions.waitMs;
  let claim = await takeClaim();
  while (!claim.ok && clock().getTime() < waitUntil) {
    await sleep(claimOptions.pollMs);
    claim = await takeClaim();
  }
  if (!claim.ok) return { kind: 'busy', runDate, heldBy: { holder: claim.heldBy.holder, claimedAt: claim.heldBy.claimedAt } };
  const runId = claim.runId;

  const newKey = options.newKey ?? newMessageKey;
  const locales = new Map<string, ReminderLocale>();
  const dmChannels = new Map<string, string>();
  let dms = 0;
  let escalations = 0;
  let settled: SettleCounts = { found: 0, absent: 0, open: 0 };

  const localeOf = async (userId: string): Promise<ReminderLocale> => {
    let locale = locales.get(userId);
    if (locale === undefined) {
      locale = (await messenger.localeOf(userId)) ?? settings.defaultLocale;
      locales.set(userId, locale);
    }
    return locale;
  };
  const dmOf = async (userId: string): Promise<string> => {
    let channel = dmChannels.get(userId);
    if (channel === undefined) {
      channel = await messenger.openDm(userId);
      dmChannels.set(userId, channel);
    }
    return channel;
  };

  /** One post, outbox first. A clear refusal skips this person; anything else stops the run. */
  const send = async (
    kind: 'reminder' | 'escalation',
    recipient: string,
    items: ReminderLedgerItem[],
    post: (channel: string, key: string) => Promise<{ ts: string }>,
  ): Promise<boolean> => {
    let channel: string;
    try {
      channel = await dmOf(recipient);
    } catch (error) {
      const failure = PostFailure.of(error);
      if (failure.kind === 'platform') return false;
      throw new StopRun(failure);
    }
    const key = newKey();
    const attemptId = await beginPost(db, { messageKey: key, kind, recipient, channel, runDate, now: clock(), items });
    try {
      const { ts } = await post(channel, key);
      await markPostSent(db, { id: attemptId, ts, now: clock() });
      return true;
    } catch (error) {
      const failure = PostFailure.of(error);
      if (failure.outcomeUnknown) {
        await notePostUnknown(db, { id: attemptId, error: failure.detail });
        throw new StopRun(failure);
      }
      await markPostNotSent(db, { id: attemptId, error: failure.detail, now: clock() });
      // A 429 is Slack asking everyone to wait; a person's own problem (cannot DM) is theirs alone.
      if (failure.kind === 'rate_limited' || failure.kind === 'http') throw new StopRun(failure);
      return false;
    }
  };

  try {
    const repeated = new Set<string>();
    settled = await settleLostPosts(db, messenger, clock, repeated);
    const planned = await computeReminders(db, plan, settings, runDate);

    for (const dm of planned.dms) {
      const locale = await localeOf(dm.recipient);
      const items = [{ indicatorId: dm.figure.indicator.id, fiscalYear: dm.figure.fiscalYear, rung: rungName(dm.rung) }];
      const ok = await send('reminder', dm.recipient, items, (channel, key) =>
        messenger.postReminder(channel, dm, { locale, key, repeated: repeated.has(dm.recipient) }),
      );
      if (ok) dms += 1;
    }
    for (const whole of planned.escalations) {
      const locale = await localeOf(whole.recipient);
      // What does not fit is not ledgered, so it goes in the next run's message.
      const escalation = messenger.fitEscalation(whole, locale);
      const items = escalation.lines.map((line) => ({
        indicatorId: line.figure.indicator.id,
        fiscalYear: line.figure.fiscalYear,
        rung: line.rung,
      }));
      const ok = await send('escalation', escalation.recipient, items, (channel, key) =>
        messenger.postEscalation(channel, escalation, { locale, key, repeated: repeated.has(escalation.recipient) }),
      );
      if (ok) escalations += 1;
    }

    if (dms + escalations === 0) {
      await releaseAlertRun(db, { runId, state: 'nothing_new', now: clock() });
      return { kind: 'nothing_new', runDate, settled };
    }
    await finishAlertRun(db, { runId, itemCount: dms + escalations, now: clock() });
    return { kind: 'sent', runDate, dms, escalations, settled };
  } catch (error) {
    if (!(error instanceof StopRun)) {
      await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: String(error) }).catch(() => {});
      throw error;
    }
    const { failure } = error;
    await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: `after ${dms + escalations} sent: ${failure.detail}` });
    return {
      kind: 'failed',
      runDate,
      dms,
      escalations,
      settled,
      failure: failure.kind,
      detail: failure.detail,
      retryAfterSeconds: failure.retryAfterSeconds,
      unknownOutcome: failure.outcomeUnknown,
    };
  }
}

/**
 * Settles the posts of earlier runs whose answer was lost, before anything is planned: a
 * post found in the person's DM is sent; one not there is forgotten, so its figures go again.
 * A person whose history cannot be read gets the message again, saying it may be a repeat.
 */
async function settleLostPosts(
  db: PlanDb,
  messenger: ReminderMessenger,
  clock: () => Date,
  repeated: Set<string>,
): Promise<SettleCounts> {
  const counts: SettleCounts = { found: 0, absent: 0, open: 0 };
  for (const attempt of await listPendingPosts(db, ['reminder', 'escalation'])) {
    const found = await messenger.find(attempt.channel, attempt.messageKey, new Date(attempt.attemptedAt));
    switch (found.kind) {
      case 'found':
        await markPostSent(db, { id: attempt.id, ts: found.ts, now: clock() });
        counts.found += 1;
        break;
      case 'absent':
        await markPostNotSent(db, { id: attempt.id, error: 'not found in the DM history', now: clock() });
        counts.absent += 1;
        break;
      case 'unreadable':
        await markPostNotSent(db, { id: attempt.id, error: `history unreadable (${found.detail}): sent again`, now: clock() });
        if (attempt.recipient) repeated.add(attempt.recipient);
        counts.absent += 1;
        break;
      case 'unreachable':
        // Its rows stay, so nothing it carried is sent until a later run can tell.
        counts.open += 1;
        break;
    }
  }
  return counts;
}

export type { ReminderDm };
