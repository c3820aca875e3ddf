import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimSignedRequest, countSignedRequests } from '../../src/store/signed-requests.ts';
import { tempDatabase } from '../support/temp-db.ts';

/** The replay record (#12.6): a signature is claimed once, and forgotten once it could no longer be accepted. */
let t: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  t = await tempDatabase();
});
afterEach(() => t.cleanup());

const at = (iso: string) => new Date(iso);

describe('claimSignedRequest', () => {
  it('claims a signature once; a second delivery is a replay', async () => {
    const request = { signature: 'v0=aaa', expiresAt: at('2026-12-01T00:05:00Z'), now: at('2026-12-01T00:00:00Z') };
    expect(await claimSignedRequest(t.db, request)).toBe(true);
    expect(await claimSignedRequest(t.db, { ...request, now: at('2026-12-01T00:04:59Z') })).toBe(false);
  });

  it('decides two deliveries at the same moment: exactly one wins', async () => {
    const request = { signature: 'v0=race', expiresAt: at('2026-12-01T00:05:00Z'), now: at('2026-12-01T00:00:00Z') };
    const outcomes = await Promise.all([claimSignedRequest(t.db, request), claimSignedRequest(t.db, request)]);
    expect(outcomes.sort()).toEqual([false, true]);
  });

  it('prunes signatures past their window as new ones arrive', async () => {
    await claimSignedRequest(t.db, { signature: 'v0=old', expiresAt: at('2026-12-01T00:05:00Z'), now: at('2026-12-01T00:00:00Z') });
    await claimSignedRequest(t.db, { signature: 'v0=new', expiresAt: at('2026-12-01T00:15:00Z'), now: at('2026-12-01T00:10:00Z') });
    expect(await countSignedRequests(t.db)).toBe(1);
  });
});
