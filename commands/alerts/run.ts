import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { alertKeyOf } from '../../src/domain/alert-rules.ts';
import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { claimAlertRun, recordFoundDigest, recordPostedRun, releaseAlertRun, type LedgerKey } from '../../src/store/alert-ledger.ts';
import { beginPost, listPendingPosts, markPostNotSent, notePostUnknown } from '../../src/store/post-attempts.ts';
import type { PlanDb } from '../../src/store/db.ts';
import type { Plan } from '../../src/store/schema.ts';
import { computeDigest } from './compute.ts';
import type { AlertSettings } from './settings.ts';
import { isEmptyDigest, shownItems, type Digest } from './digest.ts';
import { PostFailure, type DigestPublisher, type PostFailureKind } from './publish.ts';

/**
 * One alert run: claim the channel, work out what is new, post one digest, ledger it.
 *
 * Order matters for exactly-once. The ledger is read only after the claim is held, so a
 * second process waits for the first and then sees its ledger rows. Items are ledgered only
 * after Slack answered ok, all in one transaction, so a failed post leaves nothing behind and
 * the next run posts the same items.
 *
 * A post whose outcome is unknown (Slack answered 5xx, the answer was lost, the process died
 * before ledgering) is never posted again blindly: an outbox row written before the post
 * carries the key the message carries in its metadata, and the next run looks for that key
 * in the channel's history. Found: its items are ledgered. Absent: posted again. History
 * unreadable (a missing scope): posted again, saying it may be a repeat. Slack unreachable:
 * nothing is posted until a later run can tell.
 */

export type AlertRunOutcome =
  | {
      kind: 'posted';
      runDate: CivilDate;
      channel: string;
      ts: string;
      digest: Digest;
      itemCount: number;
      /** A lost digest was found in the channel instead of posting it again. */
      recovered: number;
      /** The last digest's fate could not be read, so this one says it may repeat it. */
      repeated: boolean;
    }
  | {
      kind: 'nothing_new';
      runDate: CivilDate;
      channel: string;
      /** Items of a lost digest found in the channel and ledgered by this run. */
      recovered?: number;
    }
  | { kind: 'dry_run'; runDate: CivilDate; channel: string; digest: Digest }
  | { kind: 'busy'; runDate: CivilDate; channel: string; heldBy: { holder: string; claimedAt: string } }
  | {
      kind: 'failed';
      runDate: CivilDate;
      channel: string;
      failure: PostFailureKind;
      detail: string;
      retryAfterSeconds: number | undefined;
      /** Slack may have taken it all the same: the next run looks before posting again. */
      unknownOutcome?: boolean;
      digest: Digest | null;
    };

export interface ClaimOptions {
  /** A claim older than this is taken to be a dead process's. Must exceed one run's longest post. */
  leaseMs: number;
  /** How long to wait for another run to finish before giving up as busy. */
  waitMs: number;
  pollMs: number;
}

// A post takes at most one 30 s timeout, plus a few history reads: ten minutes is ample.
export const DEFAULT_CLAIM: ClaimOptions = { leaseMs: 10 * 60_000, waitMs: 20_000, pollMs: 200 };

export interface AlertRunOptions {
  db: PlanDb;
  plan: Plan;
  settings: AlertSettings;
  publisher: DigestPublisher;
  /** Compute and fit, claim and post nothing, write nothing. */
  dryRun?: boolean;
  clock?: () => Date;
  /** The Tokyo day to run for (--date); default today in Tokyo. */
  runDate?: CivilDate;
  claim?: Partial<ClaimOptions>;
  sleep?: (ms: number) => Promise<void>;
  /** Names this process in alert_run, for operators reading the table. */
  holder?: string;
  /** The outbox key of the next post (tests fix it); default random. */
  newKey?: () => string;
}

export const DIGEST_EVENT_TYPE = 'plan_bot_digest';

export function newMessageKey(): string {
  return randomBytes(9).toString('base64url');
}

export function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function runAlerts(options: AlertRunOptions): Promise<AlertRunOutcome> {
  const { db, plan, settings, publisher } = options;
  const clock = options.clock ?? (() => new Date());
  const runDate = options.runDate ?? civilDateInTokyo(clock());
  const channel = settings.channel;

  if (options.dryRun) {
    const { digest } = await computeDigest(db, plan, settings, runDate);
    return { kind: 'dry_run', runDate, channel, digest: publisher.fit(digest) };
  }

  const claimOptions = { ...DEFAULT_CLAIM, ...options.claim };
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const holder = options.holder ?? defaultHolder();
  const waitUntil = clock().getTime() + claimOptions.waitMs;
  let claim = await claimAlertRun(db, { channel, runDate, holder, now: clock(), leaseMs: claimOptions.leaseMs });
  while (!claim.ok && clock().getTime() < waitUntil) {
    await sleep(claimOptions.pollMs);
    claim = await claimAlertRun(db, { channel, runDate, holder, now: clock(), leaseMs: claimOptions.leaseMs });
  }
  if (!claim.ok) {
    return { kind: 'busy', runDate, channel, heldBy: { holder: claim.heldBy.holder, claimedAt: claim.heldBy.claimedAt } };
  }
  const runId = claim.runId;

  try {
    const settled = await settleLostDigests(db, publisher, channel, clock);
    if (settled.kind === 'unreachable') {
      await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: settled.detail });
      return {
        kind: 'failed',
        runDate,
        channel,
        failure: 'network',
        detail: settled.detail,
        retryAfterSeconds: undefined,
        unknownOutcome: true,
        digest: null,
      };
    }

    const { digest: everything } = await computeDigest(db, plan, settings, runDate);
    if (isEmptyDigest(everything)) {
      await releaseAlertRun(db, { runId, state: 'nothing_new', now: clock() });
      return { kind: 'nothing_new', runDate, channel, recovered: settled.recovered };
    }
    const digest = publisher.fit(everything);
    const keys = shownItems(digest).map((item) => alertKeyOf(item.finding));
    const key = (options.newKey ?? newMessageKey)();
    const attemptId = await beginPost(db, {
      messageKey: key,
      kind: 'digest',
      recipient: null,
      channel,
      runDate,
      now: clock(),
      payload: JSON.stringify(keys),
    });

    let ts: string;
    try {
      ({ ts } = await publisher.post(channel, digest, { key, repeated: settled.repeated }));
    } catch (error) {
      const failure = PostFailure.of(error);
      const unknownOutcome = failure.outcomeUnknown;
      if (unknownOutcome) await notePostUnknown(db, { id: attemptId, error: failure.detail });
      else await markPostNotSent(db, { id: attemptId, error: failure.detail, now: clock() });
      await releaseAlertRun(db, {
        runId,
        state: 'failed',
        now: clock(),
        error: unknownOutcome ? `outcome unknown (${failure.detail}); the next run looks before posting` : failure.detail,
      });
      return {
        kind: 'failed',
        runDate,
        channel,
        failure: failure.kind,
        detail: failure.detail,
        retryAfterSeconds: failure.retryAfterSeconds,
        unknownOutcome,
        digest,
      };
    }

    await recordPostedRun(db, { runId, channel, runDate, sentAt: clock(), messageTs: ts, keys, attemptId });
    return {
      kind: 'posted',
      runDate,
      channel,
      ts,
      digest,
      itemCount: keys.length,
      recovered: settled.recovered,
      repeated: settled.repeated,
    };
  } catch (error) {
    // Anything unexpected before the post: free the channel now rather than after the lease.
    // (After a successful post this only runs if ledgering itself failed; the claim is then
    // released too, and the README's crash caveat applies.)
    await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: String(error) }).catch(() => {});
    throw error;
  }
}

type Settled = { kind: 'settled'; recovered: number; repeated: boolean } | { kind: 'unreachable'; detail: string };

/**
 * Decides the fate of digests whose answer was lost, before anything new is computed, so
 * that a digest Slack did take is ledgered and not posted again.
 */
async function settleLostDigests(
  db: PlanDb,
  publisher: DigestPublisher,
  channel: string,
  clock: () => Date,
): Promise<Settled> {
  let recovered = 0;
  let repeated = false;
  for (const attempt of await listPendingPosts(db, ['digest'], channel)) {
    const found = await publisher.find(channel, attempt.messageKey, new Date(attempt.attemptedAt));
    switch (found.kind) {
      case 'found': {
        const keys = JSON.parse(attempt.payload ?? '[]') as LedgerKey[];
        await recordFoundDigest(db, {
          attemptId: attempt.id,
          channel,
          runDate: attempt.runDate,
          foundAt: clock(),
          messageTs: found.ts,
          keys,
        });
        recovered += keys.length;
        break;
      }
      case 'absent':
        await markPostNotSent(db, { id: attempt.id, error: 'not found in the channel history', now: clock() });
        break;
      case 'unreadable':
        await markPostNotSent(db, { id: attempt.id, error: `history unreadable (${found.detail}): posted again`, now: clock() });
        repeated = true;
        break;
      case 'unreachable':
        return { kind: 'unreachable', detail: `the last digest's outcome is still unknown (${found.detail})` };
    }
  }
  return { kind: 'settled', recovered, repeated };
}
