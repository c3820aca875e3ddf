import { resolveWorkspace } from '../../commands/settings.ts';
import type { WorkspaceDefaults, WorkspaceSettings } from '../domain/workspace-settings.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import { botTokenOf, findWorkspace, installedWorkspaces, LOCAL_WORKSPACE } from '../store/workspaces.ts';

/** A workspace the scheduled jobs serve: its plan, its settings and the token to post with. */
export interface WorkspaceTarget {
  workspace: string;
  plan: Plan;
  token: string;
  settings: WorkspaceSettings;
}

/**
 * Who a scheduled run serves, read afresh at each run. The token mode: its one workspace, unless
 * Slack said it was uninstalled. OAuth: every workspace installed now, each with its own token.
 * A workspace without a plan (or a token) has nothing to send and is left out.
 */
export async function workspaceTargets(db: PlanDb, options: { defaults: WorkspaceDefaults; token?: string | undefined }): Promise<WorkspaceTarget[]> {
  const candidates: { key: string; token: string | undefined }[] = [];
  if (options.token !== undefined) {
    if (!(await findWorkspace(db, LOCAL_WORKSPACE))?.uninstalled_at) candidates.push({ key: LOCAL_WORKSPACE, token: options.token });
  } else {
    for (const { key, installation } of await installedWorkspaces(db)) candidates.push({ key, token: botTokenOf(installation) });
  }
  const targets: WorkspaceTarget[] = [];
  for (const { key, token } of candidates) {
    if (!token) continue;
    const { settings, plan } = await resolveWorkspace(db, key, options.defaults);
    if (plan) targets.push({ workspace: key, plan, token, settings });
  }
  return targets;
}
