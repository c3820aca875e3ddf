import { z } from 'zod';
import { SETTING_NAMES, type SettingName, type WorkspaceDefaults, type WorkspaceSettings } from '../src/domain/workspace-settings.ts';
import type { Locale } from '../src/domain/locale.ts';
import { findPlan } from '../src/store/action-plans.ts';
import type { PlanDb } from '../src/store/db.ts';
import { listPlans } from '../src/store/plans.ts';
import type { Plan } from '../src/store/schema.ts';
import { requestKeyUsed } from '../src/store/reviews.ts';
import { inWriteTransaction } from '../src/store/write-transaction.ts';
import { appendSetting, latestSettings } from '../src/store/workspaces.ts';
import type { CommandContext } from './context.ts';
import type { SettingsCommand } from './grammar.ts';
import type { CommandResult } from './results.ts';

/**
 * A workspace's settings: who administers it, where the alert digest goes, which plan `/plan`
 * answers about, and the language. The environment gives the defaults; a workspace's admins
 * change them in Slack (`/plan settings …`), and every change is kept with who made it and when.
 */

// Stored as JSON and read back through these: a row no version of the bot could have written
// (edited by hand, say) counts as unset rather than breaking every request of the workspace.
const storedValue = {
  admins: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/)),
  alert_channel: z.union([z.string().regex(/^[CG][A-Z0-9]{2,}$/), z.literal('off')]),
  plan: z.string().min(1),
  locale: z.enum(['ja', 'en']),
} satisfies Record<SettingName, z.ZodType>;

export async function workspaceSettings(db: PlanDb, workspace: string, defaults: WorkspaceDefaults): Promise<WorkspaceSettings> {
  const settings: WorkspaceSettings = {
    admins: [...defaults.admins],
    alertChannel: defaults.alertChannel,
    planCode: defaults.planCode,
    locale: defaults.locale,
    changed: {},
  };
  for (const change of await latestSettings(db, workspace)) {
    const name = change.name as SettingName;
    if (!(SETTING_NAMES as readonly string[]).includes(name)) continue;
    settings.changed[name] = { by: change.changedBy, at: change.changedAt };
    if (change.value === null) continue;
    const parsed = storedValue[name].safeParse(safeJson(change.value));
    if (!parsed.success) continue;
    if (name === 'admins') settings.admins = parsed.data as string[];
    else if (name === 'alert_channel') settings.alertChannel = parsed.data === 'off' ? null : (parsed.data as string);
    else if (name === 'plan') settings.planCode = parsed.data as string;
    else settings.locale = parsed.data as Locale;
  }
  return settings;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `/plan settings [admin add|remove @user | channel #c|off|default | plan code|default | locale ja|en|default]`. */
export async function manageSettings(ctx: CommandContext, command: SettingsCommand): Promise<CommandResult> {
  const defaults = ctx.settingsDefaults;
  const current = () => workspaceSettings(ctx.db, ctx.workspace, defaults);
  if (command.action === 'show') return { kind: 'settings', settings: await current(), change: null };
  if (!ctx.actor.isAdmin) return { kind: 'error', error: { code: 'admins_only' } };

  if (command.action === 'plan' && command.value !== null && !(await findPlan(ctx.db, command.value, ctx.workspace))) {
    const plans = (await listPlans(ctx.db, ctx.workspace)).map((p) => p.plan.code);
    return { kind: 'error', error: { code: 'no_such_plan', selector: command.value, plans, ambiguous: false } };
  }
  const outcome = await inWriteTransaction(ctx.db, async (trx) => {
    if (await requestKeyUsed(trx, 'workspace_setting', ctx.requestKey)) return { changed: false, refused: null };
    const before = await workspaceSettings(trx, ctx.workspace, defaults);
    const next = nextValue(before, command);
    if (next.refused) return { changed: false, refused: next.refused };
    if (next.value === undefined) return { changed: false, refused: null };
    await appendSetting(trx, {
      workspaceKey: ctx.workspace,
      name: settingOf(command),
      value: next.value,
      changedBy: ctx.actor.id,
      now: ctx.now,
      requestKey: ctx.requestKey ?? null,
    });
    return { changed: true, refused: null };
  });
  if (outcome.refused) return { kind: 'error', error: { code: outcome.refused } };
  return { kind: 'settings', settings: await current(), change: { setting: settingOf(command), changed: outcome.changed } };
}

function settingOf(command: Exclude<SettingsCommand, { action: 'show' }>): SettingName {
  return command.action === 'admin' ? 'admins' : command.action;
}

/** The JSON to store (null: back to the default), undefined when nothing would change, or why it is refused. */
function nextValue(
  before: WorkspaceSettings,
  command: Exclude<SettingsCommand, { action: 'show' }>,
): { value?: string | null; refused?: 'last_admin' } {
  switch (command.action) {
    case 'admin': {
      const has = before.admins.includes(command.userId);
      if (has === (command.change === 'add')) return {};
      const admins = command.change === 'add' ? [...before.admins, command.userId] : before.admins.filter((id) => id !== command.userId);
      // A workspace nobody can administer could never be put right from Slack.
      if (admins.length === 0) return { refused: 'last_admin' };
      return { value: JSON.stringify(admins) };
    }
    default: {
      // One value each: unchanged when it is already set so in Slack; `default` only undoes a change.
      const name = command.action;
      const current = { alert_channel: before.alertChannel ?? 'off', plan: before.planCode, locale: before.locale }[name];
      const changed = before.changed[name] !== undefined;
      if (command.value === null) return changed ? { value: null } : {};
      return command.value === current && changed ? {} : { value: JSON.stringify(command.value) };
    }
  }
}

/**
 * A workspace's settings and the plan its `/plan` answers about: the one its admins chose, else
 * the environment's PLAN_CODE, else its newest. Undefined plan: the workspace has none yet.
 */
export async function resolveWorkspace(
  db: PlanDb,
  workspace: string,
  defaults: WorkspaceDefaults,
): Promise<{ settings: WorkspaceSettings; plan: Plan | undefined }> {
  const settings = await workspaceSettings(db, workspace, defaults);
  const chosen = settings.planCode ? await findPlan(db, settings.planCode, workspace) : undefined;
  return { settings, plan: chosen ?? (await findPlan(db, undefined, workspace)) };
}
