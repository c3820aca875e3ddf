import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findPlan, loadActionPlan } from '../../src/store/action-plans.ts';
import { openDatabase } from '../../src/store/db.ts';
import { recordActual } from '../../src/store/figures.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
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
