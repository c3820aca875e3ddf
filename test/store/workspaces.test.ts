import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { resolveWorkspace, workspaceSettings } from '../../commands/settings.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { engineOf } from '../../src/store/engine.ts';
import { openDatabase, type PlanDb } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { listPlans } from '../../src/store/plans.ts';
import { seedPlan } from '../../src/store/seed.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from '../../src/store/seed-file.ts';
import {
  appendSetting,
  botTokenOf,
  deleteInstallation,
  fetchInstallation,
  installedWorkspaces,
  LOCAL_WORKSPACE,
  saveInstallation,
} from '../../src/store/workspaces.ts';
import { freshLocation, type FreshLocation } from '../support/databases.ts';

const opened: PlanDb[] = [];
const fresh: FreshLocation[] = [];
function open(): PlanDb {
  const f = freshLocation('plan-bot-workspaces-');
  fresh.push(f);
  const db = openDatabase(f.location);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
  for (const f of fresh.splice(0)) await f.cleanup();
});

const NOW = new Date('2024-08-01T00:00:00Z');
const BEFORE_WORKSPACES = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026-11-30-18-02-workspaces'));

async function countOf(db: PlanDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

describe('the workspaces migration', () => {
  it('keeps every row of a database made before it, all in the local workspace, with no reference broken', async () => {
    const db = open();
    await migrateToLatest(db, { migrations: BEFORE_WORKSPACES });
    // Written as the earlier version wrote them: no workspace column anywhere yet.
    const { id: planId } = await db
      .insertInto('plan')
      .values({ code: 'suita-4', name: '第4期', first_fiscal_year: 2019, last_fiscal_year: 2023 } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: policyId } = await db.insertInto('basic_policy').values({ plan_id: planId, number: 1, name: '方針' }).returning('id').executeTakeFirstOrThrow();
    const { id: themeId } = await db.insertInto('theme').values({ plan_id: planId, policy_id: policyId, position: 1, name: '手続' }).returning('id').executeTakeFirstOrThrow();
    const { id: apId } = await db
      .insertInto('action_plan')
      .values({ plan_id: planId, policy_id: policyId, theme_id: themeId, number: 13, name: '施設' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('action_plan_owner').values({ action_plan_id: apId, slack_user_id: 'U0OWNER', added_by: 'U0ADMIN', added_at: NOW.toISOString() }).execute();
    await db
      .insertInto('committee_change')
      .values({ slack_user_id: 'U0MEMBER', action: 'add', changed_by: 'U0ADMIN', changed_at: NOW.toISOString(), request_key: null } as never)
      .execute();
    await db
      .insertInto('review')
      .values({ plan_id: planId, fiscal_year: 2020, opened_by: 'U0ADMIN', opened_at: NOW.toISOString(), meeting_date: null, open_reason: null, snapshot: '{}', request_key: null })
      .execute();
    const tables = ['plan', 'basic_policy', 'theme', 'action_plan', 'action_plan_owner', 'committee_change', 'review'];
    const before = await Promise.all(tables.map((t) => countOf(db, t)));

    expect(await migrateToLatest(db)).toEqual(['2026-11-30-18-02-workspaces']);
    expect(await Promise.all(tables.map((t) => countOf(db, t)))).toEqual(before);
    expect(await db.selectFrom('plan').select(['id', 'workspace_key']).execute()).toEqual([{ id: planId, workspace_key: LOCAL_WORKSPACE }]);
    expect(await db.selectFrom('committee_change').select('workspace_key').execute()).toEqual([{ workspace_key: LOCAL_WORKSPACE }]);
    expect(await db.selectFrom('workspace').select('key').execute()).toEqual([{ key: LOCAL_WORKSPACE }]);
    if (engineOf(db) === 'sqlite') {
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);
      // The rebuilt plan table still cascades into what hangs off it, as the old one did.
      await db.deleteFrom('review').execute();
      await db.deleteFrom('action_plan_owner').execute();
      await db.deleteFrom('plan').where('id', '=', planId).execute();
      expect(await countOf(db, 'action_plan')).toBe(0);
    }
  });

  it('lets two workspaces hold a plan of the same code, but not one workspace twice', async () => {
    const db = open();
    await migrateToLatest(db);
    const seed = loadSeedFile(DEFAULT_SEED_FILE);
    await saveInstallation(db, {
      workspace: { key: 'T0B', teamId: 'T0B', enterpriseId: null, isEnterpriseInstall: false, name: 'B' },
      installation: '{}',
      installedBy: 'U0B',
      now: NOW,
    });
    expect(await seedPlan(db, seed, NOW)).toBe(true);
    expect(await seedPlan(db, seed, NOW, { workspace: 'T0B' })).toBe(true);
    expect(await seedPlan(db, seed, NOW, { workspace: 'T0B' })).toBe(false);
    const local = (await findPlan(db))!;
    const b = (await findPlan(db, 'suita-4', 'T0B'))!;
    expect(b.id).not.toBe(local.id);
    expect((await listPlans(db, 'T0B')).map((p) => [p.plan.id, p.actionPlanCount])).toEqual([[b.id, 20]]);
    await expect(db.insertInto('plan').values({ code: 'suita-4', name: 'x', first_fiscal_year: 2019, last_fiscal_year: 2023, workspace_key: 'T0B' }).execute()).rejects.toThrow();
    // A plan of a workspace nobody installed is refused too.
    await expect(db.insertInto('plan').values({ code: 'x-1', name: 'x', first_fiscal_year: 2019, last_fiscal_year: 2023, workspace_key: 'T0NONE' }).execute()).rejects.toThrow();
  });
});

describe('installations', () => {
  it('are stored, fetched and deleted by workspace, and an uninstall keeps the workspace', async () => {
    const db = open();
    await migrateToLatest(db);
    const installation = JSON.stringify({ team: { id: 'T0A' }, bot: { token: 'xoxb-a-1' } });
    const workspace = { key: 'T0A', teamId: 'T0A', enterpriseId: null, isEnterpriseInstall: false, name: 'A' };
    expect(await saveInstallation(db, { workspace, installation, installedBy: 'U0A', now: NOW })).toEqual({ isNew: true });
    expect(await saveInstallation(db, { workspace, installation, installedBy: 'U0A', now: NOW })).toEqual({ isNew: false });
    expect(await fetchInstallation(db, 'T0A')).toBe(installation);
    expect((await installedWorkspaces(db)).map((w) => [w.key, botTokenOf(w.installation)])).toEqual([['T0A', 'xoxb-a-1']]);
    expect(await deleteInstallation(db, 'T0A', NOW)).toBe(true);
    expect(await deleteInstallation(db, 'T0A', NOW)).toBe(false);
    expect(await fetchInstallation(db, 'T0A')).toBeUndefined();
    expect(await installedWorkspaces(db)).toEqual([]);
    expect(await db.selectFrom('workspace').select(['key', 'uninstalled_at']).where('key', '=', 'T0A').execute()).toEqual([
      { key: 'T0A', uninstalled_at: NOW.toISOString() },
    ]);
  });

  it('reads no token from an installation that holds none or is not JSON', () => {
    expect(botTokenOf('{"user":{"token":"xoxp-1"}}')).toBeUndefined();
    expect(botTokenOf('not json')).toBeUndefined();
    expect(botTokenOf('{"bot":{"token":"xoxa-1"}}')).toBeUndefined();
  });
});

describe('settings', () => {
  const defaults = { admins: ['U0ENV'], alertChannel: 'C0ENV', planCode: null, locale: 'ja' as const };

  it('are the environment’s until changed, then the newest change, and a reset goes back', async () => {
    const db = open();
    await migrateToLatest(db);
    expect(await workspaceSettings(db, LOCAL_WORKSPACE, defaults)).toMatchObject({ admins: ['U0ENV'], alertChannel: 'C0ENV', locale: 'ja', changed: {} });
    const change = (name: string, value: string | null) =>
      appendSetting(db, { workspaceKey: LOCAL_WORKSPACE, name, value, changedBy: 'U0ADMIN', now: NOW, requestKey: null });
    await change('alert_channel', '"off"');
    await change('locale', '"en"');
    await change('locale', '"ja"');
    await change('admins', '["U0ADMIN","U0OTHER"]');
    const after = await workspaceSettings(db, LOCAL_WORKSPACE, defaults);
    expect(after).toMatchObject({ admins: ['U0ADMIN', 'U0OTHER'], alertChannel: null, locale: 'ja' });
    expect(after.changed.locale).toEqual({ by: 'U0ADMIN', at: NOW.toISOString() });
    await change('alert_channel', null);
    expect((await workspaceSettings(db, LOCAL_WORKSPACE, defaults)).alertChannel).toBe('C0ENV');
  });

  it('ignore a stored value no version of the bot writes, rather than break the workspace', async () => {
    const db = open();
    await migrateToLatest(db);
    for (const [name, value] of [['admins', 'not json'], ['locale', '"fr"'], ['alert_channel', '"#general"'], ['nonsense', '1']] as const) {
      await appendSetting(db, { workspaceKey: LOCAL_WORKSPACE, name, value, changedBy: 'U0X', now: NOW, requestKey: null });
    }
    expect(await workspaceSettings(db, LOCAL_WORKSPACE, defaults)).toMatchObject({ admins: ['U0ENV'], alertChannel: 'C0ENV', locale: 'ja' });
  });

  it('choose the workspace’s plan: its admins’, else the environment’s, else its newest', async () => {
    const db = open();
    await migrateToLatest(db);
    const seed = loadSeedFile(DEFAULT_SEED_FILE);
    await seedPlan(db, seed, NOW);
    await seedPlan(db, { ...seed, plan: { ...seed.plan, code: 'suita-5', firstFiscalYear: 2024, lastFiscalYear: 2028 } }, NOW);
    expect((await resolveWorkspace(db, LOCAL_WORKSPACE, defaults)).plan?.code).toBe('suita-5');
    expect((await resolveWorkspace(db, LOCAL_WORKSPACE, { ...defaults, planCode: 'suita-4' })).plan?.code).toBe('suita-4');
    await appendSetting(db, { workspaceKey: LOCAL_WORKSPACE, name: 'plan', value: '"suita-4"', changedBy: 'U0A', now: NOW, requestKey: null });
    expect((await resolveWorkspace(db, LOCAL_WORKSPACE, { ...defaults, planCode: 'suita-5' })).plan?.code).toBe('suita-4');
    expect((await resolveWorkspace(db, 'T0EMPTY', defaults)).plan).toBeUndefined();
  });
});
