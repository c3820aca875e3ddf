import { z } from 'zod';
import { DEFAULT_DUE_DATE_RULE, parseDueDateRule, type DueDateRule } from './domain/fiscal-year.ts';
import type { Locale } from './messages/index.ts';

/**
 * The environment, read once at start and validated in one place. Every entry point
 * (CLI, Slack app, alert job) takes the part it needs; a bad value stops it with one
 * line naming the variable and how to fix it.
 */

export const DEFAULT_DATABASE_PATH = './data/plans.db';

const text = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

const coreSchema = z.object({
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  PLAN_LOCALE: z.enum(['ja', 'en'], { error: 'must be "ja" or "en"' }).default('ja'),
  PLAN_CODE: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a plan code such as "suita-4"' }).optional(),
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
  PLAN_ADMINS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const ids = (s ?? '').split(',').map((id) => id.trim()).filter(Boolean);
      const bad = ids.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not a Slack user id (like U0123ABCD); separate ids with commas` });
        return z.NEVER;
      }
      return ids;
    }),
});

export interface CoreConfig {
  databasePath: string;
  locale: Locale;
  planCode: string | undefined;
  dueRule: DueDateRule;
  admins: string[];
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

type Env = Record<string, string | undefined>;

/** Blank values count as unset, as they do in most .env files. */
export function cleanEnv(env: Env): Env {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, text(v)]));
}

export function parseWith<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(cleanEnv(env));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const problem = issue.code === 'invalid_type' && cleanEnv(env)[variable] === undefined ? 'is not set' : issue.message;
  throw new ConfigError(variable, problem);
}

export function loadCoreConfig(env: Env = process.env): CoreConfig {
  const c = parseWith(coreSchema, env);
  return {
    databasePath: c.DATABASE_PATH,
    locale: c.PLAN_LOCALE,
    planCode: c.PLAN_CODE,
    dueRule: c.PLAN_DUE_DATE,
    admins: c.PLAN_ADMINS,
  };
}
