import { afterEach, describe, expect, it } from 'vitest';
import { dataVersion } from '../../src/store/data-version.ts';
import { tempDatabase, recordFor13, thirteen } from '../support/temp-db.ts';

/**
 * SQLite's answer-cache token is read straight from the connection (a prepared statement, no
 * Kysely), except while a transaction is open on it: then it waits for the transaction like any
 * query, so a token never counts writes that are not committed yet.
 */
describe('the SQLite data version read from the connection', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('is the token the query through Kysely gives, before and after a write', async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    // A transaction's handle is not the connection's: its token goes through Kysely.
    const throughKysely = () => t.db.transaction().execute((trx) => dataVersion(trx));
    expect(await dataVersion(t.db)).toBe(await throughKysely());
    const before = await dataVersion(t.db);
    const { indicatorId } = await thirteen(t.db);
    await recordFor13(t.db, indicatorId, { value: 4321 });
    const after = await dataVersion(t.db);
    expect(after).not.toBe(before);
    expect(after).toBe(await throughKysely());
  });

  it('waits for a transaction open on the connection instead of reading in the middle of it', async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    const events: string[] = [];
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const transaction = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('signed_request').values({ signature: 'v0=mid', expires_at: '2999-01-01T00:00:00.000Z' }).execute();
      wrote();
      await finishing;
      events.push('committed');
    });
    await written;
    const token = dataVersion(t.db).then((version) => {
      events.push('token');
      return version;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    finish();
    await transaction;
    const read = await token;
    expect(events).toEqual(['committed', 'token']);
    expect(read).toBe(await dataVersion(t.db));
  });
});
