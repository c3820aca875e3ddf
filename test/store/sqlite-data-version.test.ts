import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dataVersion, dataVersionNow } from '../../src/store/data-version.ts';
import { runToEnd } from '../support/process.ts';
import { tempDatabase, recordFor13, thirteen, twoConnections } from '../support/temp-db.ts';

/** Another process writing to the file with nothing of plan-bot's: better-sqlite3 and SQL, then exit. */
async function writeFromAnotherProcess(path: string, signature: string, first = ''): Promise<void> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    ${first}
    db.prepare("insert into signed_request (signature, expires_at) values (?, '2999-01-01T00:00:00.000Z')").run(process.argv[2]);
    db.close();`;
  const exit = await runToEnd(process.execPath, ['-e', script, path, signature]);
  expect(exit.stderr).toBe('');
  expect(exit.code).toBe(0);
}

/** This process's open descriptors of a file, there or deleted since. */
function descriptorsOf(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target === path || target === `${path} (deleted)`;
    } catch {
      return false;
    }
  }).length;
}

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

  it("moves with every commit another process makes, seen in the very next token, also when the log starts over", async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    let previous = dataVersionNow(t.db)!;
    expect(dataVersionNow(t.db)).toBe(previous);
    // A plain commit; then one after a checkpoint that empties the log, so the commit starts it
    // over (new salts, the frame count from 0).
    const steps = ['', "db.pragma('wal_checkpoint(TRUNCATE)');", ''];
    for (const [i, first] of steps.entries()) {
      await writeFromAnotherProcess(t.path, `v0=other-${i}`, first);
      const next = dataVersionNow(t.db)!;
      expect(next).not.toBe(previous);
      expect(next).toBe(await t.db.transaction().execute((trx) => dataVersion(trx)));
      expect(dataVersionNow(t.db)).toBe(next);
      previous = next;
    }
    // This connection still holds the database: the process that closed left the log and its index.
    expect(existsSync(`${t.path}-wal`)).toBe(true);
    expect(existsSync(`${t.path}-shm`)).toBe(true);
  });

  it('stays put when nothing was committed: a transaction rolled back leaves the answers as they were', async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    dataVersionNow(t.db);
    const before = dataVersionNow(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('signed_request').values({ signature: 'v0=rolled-back', expires_at: '2999-01-01T00:00:00.000Z' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(dataVersionNow(t.db)).toBe(before);
    await t.db.insertInto('signed_request').values({ signature: 'v0=kept', expires_at: '2999-01-01T00:00:00.000Z' }).execute();
    expect(dataVersionNow(t.db)).not.toBe(before);
  });

  it('lets go of the WAL index only once the connection is closed', async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    const shm = `${t.path}-shm`;
    dataVersionNow(t.db);
    dataVersionNow(t.db);
    // SQLite's own descriptor and the one the header is read through.
    expect(descriptorsOf(shm)).toBe(2);
    await t.db.destroy();
    expect(descriptorsOf(shm)).toBe(0);
  });

  it("keeps one descriptor for the process's connections to a file, so closing one leaves the other's locks", async () => {
    const t = await twoConnections();
    cleanups.push(t.cleanup);
    const shm = `${t.path}-shm`;
    dataVersionNow(t.db);
    dataVersionNow(t.other);
    const before = dataVersionNow(t.db);
    dataVersionNow(t.other);
    // SQLite shares one descriptor between a process's connections to a file; the header's reader does too.
    expect(descriptorsOf(shm)).toBe(2);
    await t.other.destroy();
    expect(descriptorsOf(shm)).toBe(2);
    // The connection left still reads the header, and still sees another process's commit.
    expect(dataVersionNow(t.db)).toBe(before);
    await writeFromAnotherProcess(t.path, 'v0=after-one-closed');
    expect(dataVersionNow(t.db)).not.toBe(before);
    await t.db.destroy();
    expect(descriptorsOf(shm)).toBe(0);
  });
});
