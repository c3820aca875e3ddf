import type { PlanDb } from './db.ts';
import type { Selectable } from 'kysely';
import type { WorkspaceTable } from './schema.ts';

/**
 * Slack workspaces and their installations. A workspace row outlives its installation: an
 * uninstall deletes the bot token and stops the alerts, and the plans, figures and reviews stay
 * until an admin deletes them.
 */

/** The one workspace of the token mode and the CLI; every row made before #18 belongs to it. */
export const LOCAL_WORKSPACE = 'local';

export interface WorkspaceIdentity {
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  name: string | null;
}

export type WorkspaceRow = Selectable<WorkspaceTable>;

export async function findWorkspace(db: PlanDb, key: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspace').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Records an installation: the workspace row (made, or marked installed again) and its token.
 * Returns whether the workspace is new, so the caller can give it its first plan and admin.
 */
export async function saveInstallation(
  db: PlanDb,
  input: { workspace: WorkspaceIdentity; installation: string; installedBy: string | null; now: Date },
): Promise<{ isNew: boolean }> {
  const { workspace, now } = input;
  const at = now.toISOString();
  const existing = await findWorkspace(db, workspace.key);
  if (existing) {
    await db
      .updateTable('workspace')
      .set({ name: workspace.name ?? existing.name, uninstalled_at: null, installed_at: at, installed_by: input.installedBy ?? existing.installed_by })
      .where('key', '=', workspace.key)
      .execute();
  } else {
    await db
      .insertInto('workspace')
      .values({
        key: workspace.key,
        team_id: workspace.teamId,
        enterprise_id: workspace.enterpriseId,
        is_enterprise_install: workspace.isEnterpriseInstall ? 1 : 0,
        name: workspace.name,
        installed_by: input.installedBy,
        installed_at: at,
      })
      .execute();
  }
  await db
    .insertInto('slack_installation')
    .values({ workspace_key: workspace.key, installation: input.installation, updated_at: at })
    .onConflict((oc) => oc.column('workspace_key').doUpdateSet({ installation: input.installation, updated_at: at }))
    .execute();
  return { isNew: existing === undefined };
}

/** The installation's JSON, or undefined when the workspace never installed or uninstalled since. */
export async function fetchInstallation(db: PlanDb, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('slack_installation').select('installation').where('workspace_key', '=', key).executeTakeFirst();
  return row?.installation;
}

/** Forgets the token and marks the workspace uninstalled; its data stays. Returns whether anything was installed. */
export async function deleteInstallation(db: PlanDb, key: string, now: Date): Promise<boolean> {
  const deleted = await db.deleteFrom('slack_installation').where('workspace_key', '=', key).executeTakeFirst();
  await db.updateTable('workspace').set({ uninstalled_at: now.toISOString() }).where('key', '=', key).where('uninstalled_at', 'is', null).execute();
  return Number(deleted.numDeletedRows) > 0;
}

/** Every workspace installed now, with its installation's JSON: what the alert job serves. */
export async function installedWorkspaces(db: PlanDb): Promise<{ key: string; installation: string }[]> {
  return db
    .selectFrom('slack_installation')
    .select(['workspace_key as key', 'installation'])
    .orderBy('workspace_key')
    .execute();
}

export interface SettingChange {
  name: string;
  value: string | null;
  changedBy: string;
  changedAt: string;
}

/** The newest change of each setting of a workspace. */
export async function latestSettings(db: PlanDb, key: string): Promise<SettingChange[]> {
  const rows = await db
    .selectFrom('workspace_setting')
    .select(['name', 'value', 'changed_by as changedBy', 'changed_at as changedAt', 'id'])
    .where('workspace_key', '=', key)
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.name) && seen.add(r.name)).map(({ id: _id, ...change }) => change);
}

export async function appendSetting(
  db: PlanDb,
  input: { workspaceKey: string; name: string; value: string | null; changedBy: string; now: Date; requestKey: string | null },
): Promise<void> {
  await db
    .insertInto('workspace_setting')
    .values({
      workspace_key: input.workspaceKey,
      name: input.name,
      value: input.value,
      changed_by: input.changedBy,
      changed_at: input.now.toISOString(),
      request_key: input.requestKey,
    })
    .execute();
}

/** The bot token inside an installation's JSON, or undefined when it holds none (a user-only install). */
export function botTokenOf(installation: string): string | undefined {
  try {
    const token = (JSON.parse(installation) as { bot?: { token?: unknown } }).bot?.token;
    return typeof token === 'string' && token.startsWith('xoxb-') ? token : undefined;
  } catch {
    return undefined;
  }
}

/** The bot token of a workspace's installation; undefined when it is not installed (or the install holds none). */
export async function installedBotToken(db: PlanDb, key: string): Promise<string | undefined> {
  const installation = await fetchInstallation(db, key);
  return installation === undefined ? undefined : botTokenOf(installation);
}

/** The token mode's start: its token works again, so its workspace is installed (after an uninstall, say). */
export async function markInstalled(db: PlanDb, key: string): Promise<void> {
  await db.updateTable('workspace').set({ uninstalled_at: null }).where('key', '=', key).where('uninstalled_at', 'is not', null).execute();
}

export interface WorkspaceListing {
  key: string;
  name: string | null;
  installedAt: string | null;
  uninstalledAt: string | null;
  plans: number;
}

/** Every workspace the database knows, installed or not, with how many plans it holds. */
export async function listWorkspaces(db: PlanDb): Promise<WorkspaceListing[]> {
  const rows = await db
    .selectFrom('workspace as w')
    .leftJoin('plan as p', 'p.workspace_key', 'w.key')
    .select(['w.key', 'w.name', 'w.installed_at as installedAt', 'w.uninstalled_at as uninstalledAt'])
    .select((eb) => eb.fn.count<number>('p.id').as('plans'))
    .groupBy(['w.key', 'w.name', 'w.installed_at', 'w.uninstalled_at'])
    .orderBy('w.key')
    .execute();
  return rows.map((r) => ({ ...r, plans: Number(r.plans) }));
}

/**
 * Deletes a workspace and everything it holds, in one transaction: its plans (and with them
 * every figure, revision, owner, review and ledger row, by the schema's cascades), its committee
 * changes, settings and installation. What it deleted, or why it would not.
 */
export async function deleteWorkspace(
  db: PlanDb,
  key: string,
): Promise<{ kind: 'deleted'; plans: number } | { kind: 'unknown' } | { kind: 'installed' }> {
  return db.transaction().execute(async (trx) => {
    const row = await findWorkspace(trx, key);
    if (!row) return { kind: 'unknown' as const };
    const installed = await trx.selectFrom('slack_installation').select('workspace_key').where('workspace_key', '=', key).executeTakeFirst();
    if (installed) return { kind: 'installed' as const };
    const plans = await trx.deleteFrom('plan').where('workspace_key', '=', key).executeTakeFirst();
    await trx.deleteFrom('committee_change').where('workspace_key', '=', key).execute();
    await trx.deleteFrom('workspace_setting').where('workspace_key', '=', key).execute();
    await trx.deleteFrom('workspace').where('key', '=', key).execute();
    return { kind: 'deleted' as const, plans: Number(plans.numDeletedRows) };
  });
}
