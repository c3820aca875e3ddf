import { z } from 'zod';
import { ConfigError, loadCoreConfig, parseWith, type CoreConfig } from '../config.ts';

/**
 * What the Slack door needs on top of the core settings. A token is never part of an
 * error message: operators paste these lines into tickets and chat.
 */

export const DEFAULT_PORT = 3000;

export interface SlackConfig extends CoreConfig {
  botToken: string;
  /** Absent only in Socket Mode, where Slack authenticates the WebSocket instead. */
  signingSecret: string | undefined;
  /** Set → Socket Mode (no public URL); unset → HTTP on `port` at POST /slack/events. */
  appToken: string | undefined;
  port: number;
  /** Base URL of a Slack-compatible Web API, ending in `/`; unset → Slack's own. */
  slackApiUrl: string | undefined;
  alertChannel: string | undefined;
}

/** How to fix each variable, in the words of Slack's app settings pages. */
export const HOW_TO_FIX: Record<string, string> = {
  SLACK_BOT_TOKEN: 'copy the "Bot User OAuth Token" (xoxb-…) from your app\'s "OAuth & Permissions" page',
  SLACK_SIGNING_SECRET:
    'copy the "Signing Secret" from your app\'s "Basic Information" page, or set SLACK_APP_TOKEN to use Socket Mode instead',
  SLACK_APP_TOKEN:
    'create an App-Level Token with the connections:write scope under "Basic Information" → "App-Level Tokens" (xapp-…), or unset it to use HTTP mode',
  PORT: 'set PORT to a free port number, e.g. 3000',
  SLACK_API_URL: 'use a base URL such as https://slack.com/api/, or unset it',
  ALERT_CHANNEL: 'use a channel id such as C0123ABCD (channel details → "About" → bottom), or unset it',
};

const slackSchema = z
  .object({
    SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[\w-]+$/, { error: 'must be a bot token starting with "xoxb-"' }),
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
    SLACK_API_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http(s) URL' })
      // The Web API client appends method names straight onto the base.
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    ALERT_CHANNEL: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'must be a channel id such as C0123ABCD' })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is not set (it is required in HTTP mode)',
      });
    }
  });

export function loadSlackConfig(env: Record<string, string | undefined> = process.env): SlackConfig {
  const core = loadCoreConfig(env);
  const s = parseWith(slackSchema, env);
  return {
    ...core,
    botToken: s.SLACK_BOT_TOKEN,
    signingSecret: s.SLACK_SIGNING_SECRET,
    appToken: s.SLACK_APP_TOKEN,
    port: s.PORT,
    slackApiUrl: s.SLACK_API_URL,
    alertChannel: s.ALERT_CHANNEL,
  };
}

/** The one line an operator sees when the environment is wrong: what, and how to fix it. */
export function describeConfigError(error: ConfigError): string {
  const fix = HOW_TO_FIX[error.variable];
  return fix ? `${error.variable} ${error.problem}: ${fix}` : error.message;
}

export function slackMode(config: Pick<SlackConfig, 'appToken'>): 'socket' | 'http' {
  return config.appToken === undefined ? 'http' : 'socket';
}
