import type { AllMiddlewareArgs, AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import { resolveWorkspace } from '../../commands/settings.ts';
import type { WorkspaceDefaults, WorkspaceSettings } from '../domain/workspace-settings.ts';
import { settingsForChannel } from '../../commands/alerts/settings.ts';
import { messagesFor } from '../messages/index.ts';
import { dataVersion, dataVersionNow } from '../store/data-version.ts';
import { LOCAL_WORKSPACE } from '../store/workspaces.ts';
import type { SlackDeps } from './deps.ts';

/**
 * Which workspace a request comes from, and the deps it is answered with: that workspace's plan,
 * admins, language and alert channel. Every listener reads its deps from here, so a request from
 * workspace A can only reach A's plan and settings.
 *
 * In the token mode there is one workspace, `local`, whatever team the request names. With OAuth
 * it is the team the installation is for, or the enterprise for an org-wide install (Bolt has
 * already found that installation, or refused the request, before this runs).
 */

/** What the app is built with: the deps of every workspace but its plan and settings. */
export type AppDeps = Omit<SlackDeps, 'plan' | 'workspace' | 'settingsDefaults'> & {
  /** Token mode: the plan chosen at start (PLAN_CODE, or the newest); absent with OAuth. */
  plan?: SlackDeps['plan'];
};

const CONTEXT_KEY = 'planWorkspace';
const VERSION_KEY = 'planDataVersion';

/** The data version the request's workspace was resolved at: the answer cache needs to ask no more. */
export function dataVersionOf(context: Context): string | undefined {
  return context[VERSION_KEY] as string | undefined;
}

type Resolved = { ok: true; deps: SlackDeps } | { ok: false; workspace: string };

export function workspaceKeyOf(context: Context, oauth: boolean): string {
  if (!oauth) return LOCAL_WORKSPACE;
  const key = context.isEnterpriseInstall ? context.enterpriseId : context.teamId;
  // Bolt's authorize found an installation for this team, so it named one; a body naming none never got here.
  if (!key) throw new Error('a request with no team or enterprise reached the listeners');
  return key;
}

export function defaultsOf(base: Pick<AppDeps, 'config' | 'alertSettings' | 'plan'>): WorkspaceDefaults {
  return {
    admins: base.config.admins,
    alertChannel: base.alertSettings?.channel ?? null,
    // Tests and the token mode's start hand in the plan they chose; it is the default plan.
    planCode: base.plan?.code ?? base.config.planCode ?? null,
    locale: base.config.locale,
  };
}

/**
 * Resolves each request's workspace into `context.planWorkspace`. A workspace's deps are kept
 * while the data version stays the same, and kept as the same object when a write left its plan
 * and settings alone, so its listeners (and their answer caches) live on.
 */
export function workspaceResolver(base: AppDeps): { middleware: Middleware<AnyMiddlewareArgs>; warm(): Promise<void> } {
  const oauth = base.config.oauth !== undefined;
  const known = new Map<string, { version: string; fingerprint: string; resolved: Resolved }>();

  /** What `key` resolved to at this very data version, if it has been resolved at it. */
  const resolvedAt = (key: string, version: string): Resolved | undefined => {
    const kept = known.get(key);
    return kept && kept.version === version ? kept.resolved : undefined;
  };

  const resolve = async (key: string, version: string): Promise<Resolved> => {
    const current = resolvedAt(key, version);
    if (current) return current;
    const kept = known.get(key);
    const { settings, plan } = await resolveWorkspace(base.db, key, defaultsOf(base));
    const fingerprint = JSON.stringify([plan ?? null, settings.admins, settings.alertChannel, settings.locale]);
    if (kept && kept.fingerprint === fingerprint) {
      known.set(key, { ...kept, version });
      return kept.resolved;
    }
    const resolved: Resolved = plan ? { ok: true, deps: depsFor(base, key, plan, settings) } : { ok: false, workspace: key };
    known.set(key, { version, fingerprint, resolved });
    return resolved;
  };

  const proceed = (args: AnyMiddlewareArgs & AllMiddlewareArgs, deps: SlackDeps, version: string): Promise<void> => {
    args.context[CONTEXT_KEY] = deps;
    args.context[VERSION_KEY] = version;
    return args.next();
  };

  const resolveAndProceed = async (args: AnyMiddlewareArgs & AllMiddlewareArgs, key: string): Promise<void> => {
    const version = await dataVersion(base.db);
    const resolved = await resolve(key, version);
    if (resolved.ok) return proceed(args, resolved.deps, version);
    base.logger.warn(`a request from workspace ${key}, which has no plan, was answered with a pointer to the operator`);
    await answerNoPlan(args, messagesFor(base.config.locale).workspace.noPlan);
  };

  return {
    // The token mode's one workspace is resolved at start, so the first request pays nothing more than the rest.
    async warm() {
      if (!oauth) await resolve(LOCAL_WORKSPACE, await dataVersion(base.db));
    },
    middleware: (args) => {
      // Uninstalling concerns the installation, not the plan: a workspace without one still uninstalls.
      if (isInstallationEvent(args.body)) return args.next();
      const key = workspaceKeyOf(args.context, oauth);
      // Nearly every request: nothing changed since the last, and all is at hand without waiting.
      const version = dataVersionNow(base.db);
      const current = version === undefined ? undefined : resolvedAt(key, version);
      if (version !== undefined && current?.ok) return proceed(args, current.deps, version);
      return resolveAndProceed(args, key);
    },
  };
}

export const INSTALLATION_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

function isInstallationEvent(body: unknown): boolean {
  const type = (body as { event?: { type?: unknown } }).event?.type;
  return (INSTALLATION_EVENTS as readonly unknown[]).includes(type);
}

function depsFor(base: AppDeps, workspace: string, plan: SlackDeps['plan'], settings: WorkspaceSettings): SlackDeps {
  const alertSettings = settings.alertChannel ? settingsForChannel(settings.alertChannel, base.alertSettings ?? null, base.config.dueRule) : null;
  return {
    ...base,
    workspace,
    settingsDefaults: defaultsOf(base),
    plan,
    config: { ...base.config, admins: settings.admins, locale: settings.locale },
    alertSettings,
  };
}

/** A command is told why nothing can be answered; anything else is acknowledged so Slack shows no error. */
async function answerNoPlan(args: AnyMiddlewareArgs & AllMiddlewareArgs, text: string): Promise<void> {
  const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
  if ('command' in args) await ack?.({ response_type: 'ephemeral', text });
  else await ack?.();
}

/**
 * A listener built per workspace: `factory(deps)` runs once for each workspace's deps, and each
 * request goes to the one of its own workspace.
 */
export function perWorkspace<A extends { context: Context }>(factory: (deps: SlackDeps) => (args: A) => Promise<void>): (args: A) => Promise<void> {
  const built = new WeakMap<SlackDeps, (args: A) => Promise<void>>();
  return (args) => {
    const deps = args.context[CONTEXT_KEY] as SlackDeps | undefined;
    if (!deps) throw new Error('a listener ran before its workspace was resolved');
    let listener = built.get(deps);
    if (!listener) {
      listener = factory(deps);
      built.set(deps, listener);
    }
    return listener(args);
  };
}
