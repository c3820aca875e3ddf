import { makeContext, type Actor, type CommandContext } from '../../commands/context.ts';
import type { SlackConfig } from '../config/slack.ts';
import type { SlackDeps } from './deps.ts';

/** A Slack user as the command handlers see them: admin rights come from PLAN_ADMINS. */
export function actorFor(userId: string, config: Pick<SlackConfig, 'admins'>): Actor {
  return { id: userId, isAdmin: config.admins.includes(userId), canOpenForms: true };
}

/** `requestKey` names the Slack request (a trigger or view id), so a replayed write is stored once. */
export function contextFor(deps: SlackDeps, userId: string, requestKey?: string): CommandContext {
  return makeContext({
    db: deps.db,
    workspace: deps.workspace,
    settingsDefaults: deps.settingsDefaults,
    plan: deps.plan,
    now: deps.clock(),
    dueRule: deps.config.dueRule,
    actor: actorFor(userId, deps.config),
    alertSettings: deps.alertSettings ?? null,
    reminderSettings: deps.reminderSettings ?? null,
    committee: deps.config.committee,
    ...(requestKey ? { requestKey } : {}),
  });
}
