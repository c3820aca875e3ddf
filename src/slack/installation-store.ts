import type { Installation, InstallationQuery, InstallationStore, Logger } from '@slack/bolt';
import type { PlanDb } from '../store/db.ts';
import { seedPlan } from '../store/seed.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from '../store/seed-file.ts';
import {
  appendSetting,
  deleteInstallation,
  fetchInstallation,
  saveInstallation,
  type WorkspaceIdentity,
} from '../store/workspaces.ts';

/**
 * Bolt's installation store, kept in the plan database beside the plans (#18). An installation
 * is keyed by its team, or by its enterprise when it was installed org-wide, so Bolt's
 * authorize finds the same row from any request of that workspace (or org).
 *
 * A workspace installing for the first time gets its own copy of the plan file (the 4th plan
 * unless `seedFile` says otherwise) and the person who installed as its first admin; from then
 * on its admins run it from Slack (`/plan settings`). Installing again keeps all of that.
 */
export function planInstallationStore(options: { db: PlanDb; clock: () => Date; seedFile?: string }): Required<InstallationStore> {
  const { db, clock } = options;
  return {
    async storeInstallation(installation: Installation, logger?: Logger) {
      const workspace = identityOf(installation);
      const installedBy = installation.user?.id ?? null;
      const now = clock();
      const isNew = await db.transaction().execute(async (trx) => {
        const saved = await saveInstallation(trx, { workspace, installation: JSON.stringify(installation), installedBy, now });
        if (saved.isNew && installedBy) {
          await appendSetting(trx, {
            workspaceKey: workspace.key,
            name: 'admins',
            value: JSON.stringify([installedBy]),
            changedBy: installedBy,
            now,
            requestKey: null,
          });
        }
        return saved.isNew;
      });
      // Its own transaction (seedPlan's): a plan that could not be written leaves the installation
      // in place, and the next install (or a plan file loaded by the operator) gives it one.
      if (isNew) await seedPlan(db, loadSeedFile(options.seedFile ?? DEFAULT_SEED_FILE), now, { workspace: workspace.key });
      logger?.info(`installed into ${workspace.key}${workspace.name ? ` (${workspace.name})` : ''}${isNew ? ', a new workspace' : ''}`);
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOfQuery(query);
      const stored = key ? await fetchInstallation(db, key) : undefined;
      // Bolt's authorize answers a request with no installation by refusing it.
      if (!stored) throw new Error(`no installation for ${key ?? 'a request naming no team'}`);
      return JSON.parse(stored) as Installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = keyOfQuery(query);
      if (key) await deleteInstallation(db, key, clock());
    },
  };
}

export function identityOf(installation: Installation): WorkspaceIdentity {
  const enterpriseId = installation.enterprise?.id ?? null;
  const teamId = installation.team?.id ?? null;
  const orgWide = installation.isEnterpriseInstall === true;
  const key = orgWide ? enterpriseId : teamId;
  if (!key) throw new Error('the installation names neither its team nor its enterprise');
  return {
    key,
    teamId,
    enterpriseId,
    isEnterpriseInstall: orgWide,
    name: (orgWide ? installation.enterprise?.name : installation.team?.name) ?? null,
  };
}

/** The workspace key a request's installation is kept under: its enterprise for an org-wide install, else its team. */
export function keyOfQuery(query: InstallationQuery<boolean>): string | undefined {
  return (query.isEnterpriseInstall ? query.enterpriseId : query.teamId) ?? undefined;
}
