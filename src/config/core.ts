import { z } from 'zod';
import { DEFAULT_DUE_DATE_RULE, parseDueDateRule, type DueDateRule } from '../domain/fiscal-year.ts';
import type { Locale } from '../messages/index.ts';
import { describeLocation, isPostgresUrl, parseLocation } from '../store/location.ts';

/**
 * The environment, read once at start and validated in one place. Every entry point
 * (CLI, Slack app, alert job) takes the part it needs; a bad value stops it with one
 * line naming the variable and how to fix it.
 */

export const DEFAULT_DATABASE_PATH = './data/plans.db';

const text = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** Slack user ids, comma-separated: PLAN_ADMINS and PLAN_COMMITTEE read the same way. */
function userIds() {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      const ids = (s ?? '').split(',').map((id) => id.trim()).filter(Boolean);
      const bad = ids.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `${shown(bad)} is not a Slack user id (like U0123ABCD); separate ids with commas` });
        return z.NEVER;
      }
      return [...new Set(ids)];
    });
}
/**
 * A PostgreSQL URL. Its problems are named without repeating the value: it may carry a password,
 * and these lines end up in logs and tickets.
 */
const databaseUrl = z
  .string()
  .optional()
  .superRefine((s, ctx) => {
    if (s === undefined) return;
    if (!isPostgresUrl(s)) {
      ctx.addIssue({ code: 'custom', message: 'must start with postgres:// or postgresql:// (unset it to use the SQLite file at DATABASE_PATH)' });
      return;
    }
    try {
      parseLocation(s);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `is not usable: ${(error as Error).message}` });
    }
  });

const coreSchema = z.object({
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  DATABASE_URL: databaseUrl,
  PLAN_LOCALE: z.enum(['ja', 'en'], { error: 'must be "ja" or "en"' }).default('ja'),
  PLAN_CODE: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a plan code such as "suita-4"' }).optional(),
  PLAN_WORKSPACE: z
    .string()
    .regex(/^(local|[TE][A-Z0-9]{2,})$/, { error: 'must be a Slack team id (T…), an enterprise id (E…) for an org-wide install, or "local"' })
    .default('local'),
  PLAN_DUE_DATE: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return DEFAULT_DUE_DATE_RULE;
      const rule = parseDueDateRule(s);
      if (!rule) {
        ctx.addIssue({ code: 'custom', message: 'must be MM-DD in April–December, e.g. "06-30"' });
        return z.NEVER;
      }
      return rule;
    }),
  PLAN_ADMINS: userIds(),
  PLAN_COMMITTEE: userIds(),
});

/**
 * Variables that both `npm start` and `npm run alerts` read: one definition, so the two
 * can never disagree about what a valid value is.
 */
export const sharedSlackFields = {
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[\w-]+$/, {
    error: 'must be a bot token starting with "xoxb-"',
  }),
  SLACK_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { error: 'must be an http(s) URL' })
    // The Web API client appends method names straight onto the base.
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ALERT_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'must be a channel id such as C0123ABCD' }),
  /** An outbound proxy for every connection to Slack (Web API, response_url, Socket Mode). */
  HTTPS_PROXY: z
    .string()
    .regex(/^https?:\/\/[^\s/]+\/?$/, { error: 'must be a proxy URL such as http://proxy.example:8080' }),
};

/**
 * A value as it may appear in an error line: itself when it is short and plain, else masked.
 * Operators paste these lines into tickets, and the usual slip is a secret pasted into the
 * wrong variable, so anything that looks like a token or a long random string is cut to its
 * first characters and its length.
 */
export function shown(value: string): string {
  const looksSecret = /^(xox[a-z]|xapp)-/i.test(value) || (value.length >= 16 && /^[\w-]+$/.test(value) && /\d/.test(value) && /[a-z]/i.test(value));
  if (!looksSecret && value.length <= 40) return JSON.stringify(value);
  return `"${value.slice(0, 4)}…" (${value.length} characters, masked)`;
}

export interface CoreConfig {
  /** The SQLite file (used when no DATABASE_URL is set). */
  databasePath: string;
  /** What the store opens: DATABASE_URL when set, else DATABASE_PATH (see src/store/location.ts). */
  database: string;
  /** The database as it may be printed: the variable and the value, with no password. */
  databaseLabel: string;
  locale: Locale;
  planCode: string | undefined;
  /** The workspace the CLI and the alert job address (PLAN_WORKSPACE): `local` is the token mode's. */
  workspace: string;
  dueRule: DueDateRule;
  admins: string[];
  /** Committee members (情報化推進懇談会) before any change made in Slack: PLAN_COMMITTEE. */
  committee: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/**
 * Every bad variable at once, so an operator fixes them in one round. It is the first
 * problem as far as `instanceof ConfigError` is concerned; `problems` has them all.
 */
export class ConfigErrors extends ConfigError {
  constructor(readonly problems: ConfigError[]) {
    super(problems[0]!.variable, problems[0]!.problem);
    this.message = problems.map((p) => p.message).join('\n');
    this.name = 'ConfigErrors';
  }
}

/** The problems of one or many. */
export function problemsOf(error: ConfigError): ConfigError[] {
  return error instanceof ConfigErrors ? error.problems : [error];
}

type Env = Record<string, string | undefined>;

/** Blank values count as unset, as they do in most .env files. */
export function cleanEnv(env: Env): Env {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, text(v)]));
}

export function parseWith<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(cleanEnv(env));
  if (result.success) return result.data;
  throw new ConfigErrors(configProblems(result.error, env));
}

/** One problem per variable, in the order the schema met them. */
export function configProblems(error: z.ZodError, env: Env): ConfigError[] {
  const seen = new Set<string>();
  const problems: ConfigError[] = [];
  for (const issue of error.issues) {
    const variable = String(issue.path[0] ?? 'environment');
    if (seen.has(variable)) continue;
    seen.add(variable);
    const problem = issue.code === 'invalid_type' && cleanEnv(env)[variable] === undefined ? 'is not set' : issue.message;
    problems.push(new ConfigError(variable, problem));
  }
  return problems;
}

/** Runs each loader and throws every problem they found together. */
export function collectProblems<T>(...loaders: Array<() => T>): T[] {
  const results: T[] = [];
  const problems: ConfigError[] = [];
  for (const load of loaders) {
    try {
      results.push(load());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const p of problemsOf(error)) if (!problems.some((q) => q.variable === p.variable)) problems.push(p);
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return results;
}

export function loadCoreConfig(env: Env = process.env): CoreConfig {
  const c = parseWith(coreSchema, env);
  return {
    databasePath: c.DATABASE_PATH,
    database: c.DATABASE_URL ?? c.DATABASE_PATH,
    databaseLabel: c.DATABASE_URL ? `DATABASE_URL ${describeLocation(c.DATABASE_URL)}` : `DATABASE_PATH ${c.DATABASE_PATH}`,
    locale: c.PLAN_LOCALE,
    planCode: c.PLAN_CODE,
    workspace: c.PLAN_WORKSPACE,
    dueRule: c.PLAN_DUE_DATE,
    admins: c.PLAN_ADMINS,
    committee: c.PLAN_COMMITTEE,
  };
}

/** HTTPS_PROXY (or https_proxy), checked; undefined when neither is set. */
export function loadProxyUrl(env: Env = process.env): string | undefined {
  return parseWith(z.object({ HTTPS_PROXY: sharedSlackFields.HTTPS_PROXY.optional() }), {
    HTTPS_PROXY: env.HTTPS_PROXY || env.https_proxy,
  }).HTTPS_PROXY;
}

/** How to fix each variable, in the words of Slack's app settings pages. */
export const HOW_TO_FIX: Record<string, string> = {
  SLACK_BOT_TOKEN:
    'copy the "Bot User OAuth Token" (xoxb-…) from your app\'s "OAuth & Permissions" page, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install into many workspaces',
  SLACK_CLIENT_ID: 'copy the "Client ID" from your app\'s "Basic Information" page',
  SLACK_CLIENT_SECRET: 'copy the "Client Secret" from your app\'s "Basic Information" page',
  SLACK_STATE_SECRET: 'set any long random string of your own (e.g. the output of `openssl rand -hex 32`): it signs the install link\'s state',
  SLACK_SIGNING_SECRET:
    'copy the "Signing Secret" from your app\'s "Basic Information" page, or set SLACK_APP_TOKEN to use Socket Mode instead',
  SLACK_APP_TOKEN:
    'create an App-Level Token with the connections:write scope under "Basic Information" → "App-Level Tokens" (xapp-…), or unset it to use HTTP mode',
  PORT: 'set PORT to a free port number, e.g. 3000',
  SLACK_API_URL: 'use a base URL such as https://slack.com/api/, or unset it',
  ALERT_CHANNEL: 'use a channel id such as C0123ABCD (channel details → "About" → bottom), or unset it',
  HTTPS_PROXY: 'use the proxy\'s URL such as http://proxy.example:8080, or unset it to connect directly',
};

/** The one line an operator sees when the environment is wrong: what, and how to fix it. */
export function describeConfigError(error: ConfigError): string {
  const fix = HOW_TO_FIX[error.variable];
  return fix ? `${error.variable} ${error.problem}: ${fix}` : error.message;
}

