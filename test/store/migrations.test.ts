import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findPlan, loadActionPlan, loadActionPlans } from '../../src/store/action-plans.ts';
import { openDatabase } from '../../src/store/db.ts';
import { recordActual } from '../../src/store/figures.ts';
import { HalfMigratedError, migrateToLatest, NewerDatabaseError } from '../../src/store/migrate.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { migrations } from '../../db/migrations/index.ts';

describe('database preparation', () => {
  const dirs: string[] = [];
  const freshPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-mig-'));
    dirs.push(dir);
    return join(dir, 'nested', 'plans.db');
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates the file and its folder, applies every migration and seeds the plan', async () => {
    const path = freshPath();
    const db = await prepareDatabase(path);
    const plan = await findPlan(db);
    expect(plan).toMatchObject({ code: 'suita-4', first_fiscal_year: 2019, last_fiscal_year: 2023 });
    await db.destroy();

    const raw = new SQLite(path, { readonly: true });
    const applied = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('pragma integrity_check').get()).toEqual({ integrity_check: 'ok' });
    raw.close();
  });

  it('turns foreign keys on for every connection', async () => {
    const db = await prepareDatabase(freshPath());
    await expect(
      db.insertInto('indicator').values({
        action_plan_id: 9999,
        position: 1,
        name: 'orphan',
        unit: '件',
        direction: 'higher_is_better',
        comparator: null,
        min_value: null,
        max_value: null,
        note: null,
      }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('migrates forward on a later start without re-seeding over recorded figures', async () => {
    const path = freshPath();
    const first = await prepareDatabase(path);
    const plan = (await findPlan(first))!;
    const thirteen = (await loadActionPlan(first, plan.id, 13))!;
    await recordActual(first, {
      indicatorId: thirteen.indicators[0]!.id,
      fiscalYear: 2021,
      value: 6543,
      provisional: false,
      recordedBy: 'U0ADMIN',
      source: 'cli',
      note: null,
      now: new Date('2022-05-01T00:00:00Z'),
    });
    await first.destroy();

    const second = await prepareDatabase(path);
    expect(await migrateToLatest(second)).toEqual([]);
    const again = (await loadActionPlan(second, plan.id, 13))!;
    expect(again.indicators[0]!.figures.find((f) => f.fiscalYear === 2021)!.actual!.value).toBe(6543);
    const plans = await second.selectFrom('plan').select('id').execute();
    expect(plans).toHaveLength(1);
    await second.destroy();
  });

  it('seeds once when two processes prepare the same fresh file together', async () => {
    const path = freshPath();
    const [a, b] = await Promise.all([prepareDatabase(path), prepareDatabase(path)]);
    const count = await a.selectFrom('action_plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(20);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('refuses a seed file that breaks its schema, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-seed-'));
    dirs.push(dir);
    const bad = join(dir, 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, JSON.stringify({ plan: { code: 'x' }, policies: [], themes: [], actionPlans: [] }));
    await expect(prepareDatabase(join(dir, 'p.db'), { seedFile: bad })).rejects.toThrow(/seed file .* is not valid/);
    const db = openDatabase(join(dir, 'p.db'));
    expect(await db.selectFrom('plan').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});

describe('migrations and kills (#12.3)', () => {
  const dirs: string[] = [];
  const freshPath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-mig-kill-'));
    dirs.push(dir);
    return join(dir, 'plans.db');
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const recorded = (path: string) => {
    const raw = new SQLite(path, { readonly: true });
    const names = (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    raw.close();
    return names;
  };

  it('rolls a failing migration back whole, with its bookkeeping', async () => {
    const path = freshPath();
    const db = openDatabase(path);
    const failing = {
      ...migrations,
      'zzzz-broken': {
        up: async (trx: Parameters<(typeof migrations)[string]['up']>[0]) => {
          await trx.schema.createTable('half_made').addColumn('id', 'integer').execute();
          throw new Error('died half-way');
        },
      },
    };
    await expect(migrateToLatest(db, { migrations: failing })).rejects.toThrow(/zzzz-broken/);
    await db.destroy();
    const raw = new SQLite(path, { readonly: true });
    expect(raw.prepare("select name from sqlite_master where name = 'half_made'").all()).toEqual([]);
    raw.close();
    // The migrations before it each committed with their row.
    expect(recorded(path)).toEqual(Object.keys(migrations).sort());
  });

  it('rebuilds a file an earlier version left half-way through its first migration, before any data', async () => {
    const path = freshPath();
    const raw = new SQLite(path);
    // The old runner: bookkeeping table first, then DDL statement by statement; killed after three tables.
    raw.exec(`create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null);
      create table kysely_migration_lock (id varchar(255) not null primary key, is_locked integer default 0 not null);
      create table plan (id integer primary key, code text not null unique, name text not null,
        first_fiscal_year integer not null, last_fiscal_year integer not null, review_fiscal_year integer, source text);
      create table basic_policy (id integer primary key, plan_id integer not null references plan(id), number integer not null, name text not null);
      create table theme (id integer primary key);`);
    raw.close();
    const db = await prepareDatabase(path);
    expect(await loadActionPlans(db, (await findPlan(db))!.id)).toHaveLength(20);
    await db.destroy();
    expect(recorded(path)).toEqual(Object.keys(migrations).sort());
  });

  it('explains, and leaves as it was, a half-migrated file that holds data', async () => {
    const path = freshPath();
    await (await prepareDatabase(path)).destroy();
    const raw = new SQLite(path);
    raw.prepare("delete from kysely_migration where name = '2026-11-27-03-revision-request-key'").run();
    raw.close();
    const before = recorded(path);
    await expect(prepareDatabase(path)).rejects.toBeInstanceOf(HalfMigratedError);
    await expect(prepareDatabase(path)).rejects.toThrow(/half-way through migration 2026-11-27-03-revision-request-key .* holds data/);
    expect(recorded(path)).toEqual(before);
  });

  it('refuses a file migrated by a newer version', async () => {
    const path = freshPath();
    await (await prepareDatabase(path)).destroy();
    const raw = new SQLite(path);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-99-future', '2099-01-01T00:00:00Z')").run();
    raw.close();
    await expect(prepareDatabase(path)).rejects.toBeInstanceOf(NewerDatabaseError);
  });
});

describe('what the database file is created with (#12.8)', () => {
  it('makes its folder 0700 and the file, -wal and -shm 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-perm-'));
    try {
      const path = join(dir, 'new-folder', 'plans.db');
      const db = await prepareDatabase(path);
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(join(dir, 'new-folder'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe(0o600);
      await db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
