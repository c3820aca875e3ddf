import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { alertKeyOf } from '../../src/domain/alert-rules.ts';
import { civilDateInTokyo, type CivilDate } from '../../src/domain/fiscal-year.ts';
import { claimAlertRun, recordPostedRun, releaseAlertRun } from '../../src/store/alert-ledger.ts';
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
 * the next run posts the same items. The one gap: a crash after Slack answered and before
 * that transaction commits; the claim then expires and the next run repeats that digest.
 */

export type AlertRunOutcome =
  | { kind: 'posted'; runDate: CivilDate; channel: string; ts: string; digest: Digest; itemCount: number }
  | { kind: 'nothing_new'; runDate: CivilDate; channel: string }
  | { kind: 'dry_run'; runDate: CivilDate; channel: string; digest: Digest }
  | { kind: 'busy'; runDate: CivilDate; channel: string; heldBy: { holder: string; claimedAt: string } }
  | {
      kind: 'failed';
      runDate: CivilDate;
      channel: string;
      failure: PostFailureKind;
      detail: string;
      retryAfterSeconds: number | undefined;
      digest: Digest;
    };

export interface ClaimOptions {
  /** A claim older than this is taken to be a dead process's. Must exceed one run's longest post. */
  leaseMs: number;
  /** How long to wait for another run to finish before giving up as busy. */
  waitMs: number;
  pollMs: number;
}

// A post takes at most (retries + 1) × 30 s timeout plus backoff, about 100 s: ten minutes is ample.
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
    const { digest: everything } = await computeDigest(db, plan, settings, runDate);
    if (isEmptyDigest(everything)) {
      await releaseAlertRun(db, { runId, state: 'nothing_new', now: clock() });
      return { kind: 'nothing_new', runDate, channel };
    }
    const digest = publisher.fit(everything);

    let ts: string;
    try {
      ({ ts } = await publisher.post(channel, digest));
    } catch (error) {
      const failure = PostFailure.of(error);
      await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: failure.detail });
      return {
        kind: 'failed',
        runDate,
        channel,
        failure: failure.kind,
        detail: failure.detail,
        retryAfterSeconds: failure.retryAfterSeconds,
        digest,
      };
    }

    const keys = shownItems(digest).map((item) => alertKeyOf(item.finding));
    await recordPostedRun(db, { runId, channel, runDate, sentAt: clock(), messageTs: ts, keys });
    return { kind: 'posted', runDate, channel, ts, digest, itemCount: keys.length };
  } catch (error) {
    // Anything unexpected before the post: free the channel now rather than after the lease.
    // (After a successful post this only runs if ledgering itself failed; the claim is then
    // released too, and the README's crash caveat applies.)
    await releaseAlertRun(db, { runId, state: 'failed', now: clock(), error: String(error) }).catch(() => {});
    throw error;
  }
}
