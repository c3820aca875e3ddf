import { parseArgs } from 'node:util';
import { messagesFor } from '../messages/index.ts';
import { prepareDatabase } from '../store/prepare.ts';
import { deleteWorkspace, listWorkspaces, LOCAL_WORKSPACE } from '../store/workspaces.ts';
import { coreConfigOrSay, processIo, type CliIo } from './io.ts';

/**
 * `npm run workspaces`: the workspaces the database holds (installed, or uninstalled with their
 * data kept). `npm run workspaces -- delete T0123ABCD --yes`: deletes an uninstalled workspace
 * and all its data, in one transaction; without `--yes` it only says what would go. Exit 0 done,
 * 1 refused (nothing deleted), 2 configuration or usage wrong.
 */
export const EXIT = { ok: 0, refused: 1, config: 2 } as const;

export async function workspacesCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const config = coreConfigOrSay(io);
  if (!config) return EXIT.config;
  const w = messagesFor(config.locale).workspace.cli;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { yes: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`plan-bot: ${error instanceof Error ? error.message : String(error)}\n${w.usage}\n`);
    return EXIT.config;
  }
  const [action, key, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    io.stdout(`${w.usage}\n`);
    return EXIT.ok;
  }
  if ((action !== undefined && action !== 'delete') || (action === 'delete' && key === undefined) || extra.length > 0) {
    io.stderr(`${w.usage}\n`);
    return EXIT.config;
  }

  const db = await prepareDatabase(config.database);
  try {
    const workspaces = await listWorkspaces(db);
    if (action === undefined) {
      for (const ws of workspaces) io.stdout(`${w.line(ws.key, ws.name, ws.plans, ws.uninstalledAt ?? null, ws.installedAt ?? null)}\n`);
      return EXIT.ok;
    }
    // The token mode's plans are the one city's own: not something to delete from a list.
    if (key === LOCAL_WORKSPACE) {
      io.stderr(`${w.notLocal}\n`);
      return EXIT.refused;
    }
    const target = workspaces.find((ws) => ws.key === key);
    if (!target) {
      io.stderr(`${w.unknown(key!)}\n`);
      return EXIT.refused;
    }
    if (!parsed.values.yes) {
      io.stdout(`${w.wouldDelete(target.key, target.plans)}\n`);
      return EXIT.ok;
    }
    const outcome = await deleteWorkspace(db, target.key);
    if (outcome.kind === 'deleted') {
      io.stdout(`${w.deleted(target.key, outcome.plans)}\n`);
      return EXIT.ok;
    }
    io.stderr(`${outcome.kind === 'installed' ? w.stillInstalled(target.key) : w.unknown(target.key)}\n`);
    return EXIT.refused;
  } finally {
    await db.destroy();
  }
}
