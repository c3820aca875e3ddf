import { z } from 'zod';
import { collectProblems, loadCoreConfig, parseWith, sharedSlackFields, type CoreConfig } from './core.ts';

export { describeConfigError } from './core.ts';

/**
 * What the Slack door needs on top of the core settings. A token is never part of an
 * error message: operators paste these lines into tickets and chat.
 */

export const DEFAULT_PORT = 3000;

export interface SlackConfig extends CoreConfig {
  /** The one workspace's bot token (token mode); unset with OAuth, where each installation has its own. */
  botToken: string | undefined;
  /** Set → many workspaces install the app through /slack/install (docs/workspaces.md). */
  oauth: OAuthConfig | undefined;
  /** Absent only in Socket Mode, where Slack authenticates the WebSocket instead. */
  signingSecret: string | undefined;
  /** Set → Socket Mode (no public URL); unset → HTTP on `port` at POST /slack/events. */
  appToken: string | undefined;
  port: number;
  /** Base URL of a Slack-compatible Web API, ending in `/`; unset → Slack's own. */
  slackApiUrl: string | undefined;
  alertChannel: string | undefined;
  /** HTTPS_PROXY (or https_proxy): every connection to Slack goes through it; unset → direct. */
  httpsProxy: string | undefined;
}

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state parameter, so an install cannot be completed from another browser. */
  stateSecret: string;
}

const secret = (what: string) =>
  z
    .string()
    .min(8, { error: `is too short to be ${what}` })
    .refine((s) => !/^(xox[a-z]|xapp)-/.test(s), { error: `holds a token, not ${what}` });

const slackSchema = z
  .object({
    SLACK_BOT_TOKEN: sharedSlackFields.SLACK_BOT_TOKEN.optional(),
    SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, { error: 'must be the app\'s Client ID, like 1234567890.1234567890' }).optional(),
    SLACK_CLIENT_SECRET: secret('the client secret').optional(),
    SLACK_STATE_SECRET: secret('a state secret').optional(),
    SLACK_SIGNING_SECRET: z
      .string()
      .min(8, { error: 'is too short to be a signing secret' })
      // The usual slip is pasting a token into the wrong variable.
      .refine((s) => !/^(xox[a-z]|xapp)-/.test(s), { error: 'holds a token, not the signing secret' })
      .optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-[\w-]+$/, { error: 'must be an app-level token starting with "xapp-"' })
      .optional(),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, { error: 'must be a whole number from 0 to 65535' })
      .transform(Number)
      .pipe(z.number().max(65535, { error: 'must be a whole number from 0 to 65535' }))
      .default(DEFAULT_PORT),
    SLACK_API_URL: sharedSlackFields.SLACK_API_URL.optional(),
    ALERT_CHANNEL: sharedSlackFields.ALERT_CHANNEL.optional(),
    HTTPS_PROXY: sharedSlackFields.HTTPS_PROXY.optional(),
  })
  .superRefine((env, ctx) => {
    const oauth = env.SLACK_CLIENT_ID !== undefined || env.SLACK_CLIENT_SECRET !== undefined || env.SLACK_STATE_SECRET !== undefined;
    if (oauth) {
      for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
        if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is not set' });
      }
      if (env.SLACK_BOT_TOKEN !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'must be unset when SLACK_CLIENT_ID is set: each workspace that installs the app gets its own token' });
      }
      if (env.SLACK_APP_TOKEN !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'must be unset when SLACK_CLIENT_ID is set: installing into many workspaces works in HTTP mode' });
      }
    } else if (env.SLACK_BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is not set' });
    }
    if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is not set (it is required in HTTP mode)',
      });
    }
  });

/** Throws a ConfigErrors naming every bad variable, core and Slack alike. */
export function loadSlackConfig(env: Record<string, string | undefined> = process.env): SlackConfig {
  const withProxy = { ...env, HTTPS_PROXY: env.HTTPS_PROXY || env.https_proxy };
  const [core, s] = collectProblems<unknown>(
    () => loadCoreConfig(env),
    () => parseWith(slackSchema, withProxy),
  ) as [CoreConfig, z.output<typeof slackSchema>];
  return {
    ...core,
    botToken: s.SLACK_BOT_TOKEN,
    oauth:
      s.SLACK_CLIENT_ID && s.SLACK_CLIENT_SECRET && s.SLACK_STATE_SECRET
        ? { clientId: s.SLACK_CLIENT_ID, clientSecret: s.SLACK_CLIENT_SECRET, stateSecret: s.SLACK_STATE_SECRET }
        : undefined,
    signingSecret: s.SLACK_SIGNING_SECRET,
    appToken: s.SLACK_APP_TOKEN,
    port: s.PORT,
    slackApiUrl: s.SLACK_API_URL,
    alertChannel: s.ALERT_CHANNEL,
    httpsProxy: s.HTTPS_PROXY,
  };
}

export function slackMode(config: Pick<SlackConfig, 'appToken'>): 'socket' | 'http' {
  return config.appToken === undefined ? 'http' : 'socket';
}
