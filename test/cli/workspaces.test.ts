import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, workspacesCli } from '../../src/cli/workspaces.ts';
import { engineOf } from '../../src/store/engine.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { seedPlan } from '../../src/store/seed.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from '../../src/store/seed-file.ts';
import { appendSetting, deleteInstallation, saveInstallation } from '../../src/store/workspaces.ts';
import { databaseEnv, freshLocation, type FreshLocation } from '../support/databases.ts';
import { testIo } from '../support/cli-io.ts';
import { recordFor13, thirteen } from '../support/temp-db.ts';

const NOW = new Date('2024-08-01T00:00:00Z');
let fresh: FreshLocation;
let db: PlanDb;

beforeEach(async () => {
  fresh = freshLocation('plan-bot-workspaces-cli-');
  db = await prepareDatabase(fresh.location, { now: NOW });
  const workspace = { key: 'T0BBBB', teamId: 'T0BBBB', enterpriseId: null, isEnterpriseInstall: false, name: 'Beppu' };
  await saveInstallation(db, { workspace, installation: '{"bot":{"token":"xoxb-b"}}', installedBy: 'U0B', now: NOW });
  await seedPlan(db, loadSeedFile(DEFAULT_SEED_FILE), NOW, { workspace: 'T0BBBB' });
  await appendSetting(db, { workspaceKey: 'T0BBBB', name: 'locale', value: '"en"', changedBy: 'U0B', now: NOW, requestKey: null });
});
afterEach(async () => {
  await db.destroy();
  await fresh.cleanup();
});

const run = async (...argv: string[]) => {
  const io = testIo({ cwd: fresh.dir, env: databaseEnv(fresh.location), now: NOW });
  return { code: await workspacesCli(argv, io), out: io.text(), err: io.errors() };
};

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(((await query.execute(db)).rows[0] as { n: number }).n);
}
const revisionsOf = (key: string) =>
  count(sql`select count(*) as n from actual_revision r join yearly_figure f on f.id = r.yearly_figure_id join indicator i on i.id = f.indicator_id
    join action_plan ap on ap.id = i.action_plan_id join plan p on p.id = ap.plan_id where p.workspace_key = ${key}`);

describe('npm run workspaces', () => {
  it('lists every workspace with its plans and whether it is installed', async () => {
    const { code, out } = await run();
    expect(code).toBe(EXIT.ok);
    expect(out.trim().split('\n')).toEqual([
      'T0BBBB\tBeppu\t計画 1件\tインストール済み（2024-08-01）',
      'local\t-\t計画 1件\tトークン方式',
    ]);
  });

  it('refuses to delete a workspace still installed, then says what would go, then deletes all of it and nothing else', async () => {
    await recordFor13(db, (await thirteen(db)).indicatorId, { value: 6543 });
    const localRevisions = await revisionsOf('local');
    expect(await run('delete', 'T0BBBB', '--yes')).toMatchObject({ code: EXIT.refused, err: expect.stringContaining('まだインストールされています') });

    await deleteInstallation(db, 'T0BBBB', NOW);
    const dry = await run('delete', 'T0BBBB');
    expect(dry).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('--yes を付けてください') });
    expect(await revisionsOf('T0BBBB')).toBeGreaterThan(0);

    expect(await run('delete', 'T0BBBB', '--yes')).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('T0BBBB を削除しました（計画 1件') });
    expect(await revisionsOf('T0BBBB')).toBe(0);
    expect(await count(sql`select count(*) as n from workspace_setting where workspace_key = 'T0BBBB'`)).toBe(0);
    expect(await count(sql`select count(*) as n from workspace where key = 'T0BBBB'`)).toBe(0);
    expect(await count(sql`select count(*) as n from action_plan ap join plan p on p.id = ap.plan_id where p.workspace_key = 'local'`)).toBe(20);
    expect(await revisionsOf('local')).toBe(localRevisions);
    if (engineOf(db) === 'sqlite') expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('will not delete the token mode’s workspace, nor one that does not exist, and explains its usage', async () => {
    expect(await run('delete', 'local', '--yes')).toMatchObject({ code: EXIT.refused, err: expect.stringContaining('local') });
    expect(await run('delete', 'T0NONE', '--yes')).toMatchObject({ code: EXIT.refused, err: expect.stringContaining('T0NONE') });
    expect((await run('remove', 'T0BBBB')).code).toBe(EXIT.config);
    expect((await run('--force')).code).toBe(EXIT.config);
    expect(await run('--help')).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('npm run workspaces') });
  });
});
