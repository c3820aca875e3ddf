import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { findPlan, loadActionPlans } from '../../src/store/action-plans.ts';
import { claimAlertRun, countLedgerRows } from '../../src/store/alert-ledger.ts';
import { dataVersion } from '../../src/store/data-version.ts';
import { openDatabase, type PlanDb } from '../../src/store/db.ts';
import { listRevisions } from '../../src/store/figures.ts';
import { migrateToLatest, NewerDatabaseError } from '../../src/store/migrate.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { claimSignedRequest } from '../../src/store/signed-requests.ts';
import { freshLocation, TEST_ENGINE, type FreshLocation } from '../support/databases.ts';
import { recordFor13, thirteen } from '../support/temp-db.ts';

/**
 * What must hold on whichever engine the file runs on (SQLite always, PostgreSQL in the
 * "postgres" project): the one set of migrations, transactional; numbers as numbers; the
 * answer-cache token moved by another instance's write; one claim per channel across instances.
 */

const opened: PlanDb[] = [];
const fresh: FreshLocation[] = [];
function location(): string {
  const f = freshLocation('plan-bot-engines-');
  fresh.push(f);
  return f.location;
}
function open(at: string): PlanDb {
  const db = openDatabase(at);
  opened.push(db);
  return db;
}
async function prepare(at: string): Promise<PlanDb> {
  const db = await prepareDatabase(at);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
  await Promise.all(fresh.splice(0).map((f) => f.cleanup()));
});

describe(`the store on ${TEST_ENGINE}`, () => {
  it('applies every migration once, each with its row, and finds nothing to do the second time', async () => {
    const db = open(location());
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(db)).toEqual([]);
    const rows = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(rows).toHaveLength(Object.keys(migrations).length);
  });

  it('lets two instances starting at once take turns: migrated and seeded once', async () => {
    const at = location();
    const [a, b] = await Promise.all([prepare(at), prepare(at)]);
    expect(await loadActionPlans(a, (await findPlan(a))!.id)).toHaveLength(20);
    expect(await b.selectFrom('plan').select('code').execute()).toEqual([{ code: 'suita-4' }]);
  });

  it('rolls a failing migration back whole, DDL and bookkeeping alike', async () => {
    const db = open(location());
    const failing = {
      ...migrations,
      'zzzz-broken': {
        up: async (trx: PlanDb) => {
          await trx.schema.createTable('half_made').addColumn('id', 'integer').execute();
          throw new Error('died half-way');
        },
      },
    };
    await expect(migrateToLatest(db, { migrations: failing as never })).rejects.toThrow(/zzzz-broken/);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('half_made');
    expect(tables).toContain('reminder_snooze');
  });

  it('refuses a database migrated by a newer version', async () => {
    const at = location();
    const db = await prepare(at);
    await db.insertInto('kysely_migration' as never).values({ name: '2099-01-01-future', timestamp: 'x' } as never).execute();
    await expect(migrateToLatest(open(at))).rejects.toBeInstanceOf(NewerDatabaseError);
  });

  it('keeps a figure to the last digit and counts as numbers', async () => {
    const db = await prepare(location());
    const { actionPlanId, indicatorId } = await thirteen(db);
    await recordFor13(db, indicatorId, { value: 1234567.891 });
    const [revision] = (await listRevisions(db, actionPlanId)).filter((r) => r.fiscalYear === 2021);
    expect(revision).toMatchObject({ value: 1234567.891, provisional: false, current: true });
    expect(await countLedgerRows(db)).toBe(0);
  });

  it('moves the answer-cache token when another instance writes, and only then', async () => {
    const at = location();
    const bot = await prepare(at);
    const other = open(at);
    const before = await dataVersion(bot);
    expect(await dataVersion(bot)).toBe(before);
    const { indicatorId } = await thirteen(other);
    await recordFor13(other, indicatorId, { value: 7001 });
    const after = await dataVersion(bot);
    expect(after).not.toBe(before);
    expect(await dataVersion(bot)).toBe(after);
  });

  it('moves the token on a write to any table (PostgreSQL: each table has the write-counter trigger)', async () => {
    const db = await prepare(location());
    const before = await dataVersion(db);
    const now = new Date('2024-07-01T00:00:00Z');
    await claimSignedRequest(db, { signature: 'v0=abc', expiresAt: new Date(now.getTime() + 300_000), now });
    expect(await dataVersion(db)).not.toBe(before);
    if (TEST_ENGINE === 'postgres') {
      // A table a later migration adds without countWrites() would leave answers stale: caught here.
      const { rows } = await sql<{ name: string }>`
        select t.table_name as name from information_schema.tables t
        where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and t.table_name not like 'kysely_migration%' and t.table_name <> 'plan_bot_data_version'
          and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                          where c.relname = t.table_name and c.relnamespace = current_schema()::regnamespace
                            and g.tgname = 'plan_bot_count_write')`.execute(db);
      expect(rows.map((r) => r.name)).toEqual([]);
    }
  });

  it('gives one channel to one run, however many instances ask at once', async () => {
    const at = location();
    const instances = [await prepare(at), open(at), open(at), open(at)];
    const now = new Date('2024-07-01T00:00:00Z');
    const claims = await Promise.all(
      instances.map((db, i) =>
        claimAlertRun(db, { channel: 'C0PLAN', runDate: '2024-07-01', holder: `instance-${i}`, now, leaseMs: 60_000 }),
      ),
    );
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
  });
});
