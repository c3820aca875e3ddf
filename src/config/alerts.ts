import { z } from 'zod';
import type { WorkspaceDefaults } from '../domain/workspace-settings.ts';
import { cleanEnv, ConfigError, loadCoreConfig, sharedSlackFields, type CoreConfig } from './core.ts';
import {
  DEFAULT_ALERT_TIME,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_REPEAT_DAYS,
  type AlertSettings,
  type AlertTime,
} from '../../commands/alerts/settings.ts';

import { DEFAULT_LADDER, isQuietTime, type QuietHours } from '../domain/reminder-ladder.ts';
import { DEFAULT_QUIET_HOURS, type ReminderSettings } from '../../commands/reminders/settings.ts';

export type { AlertSettings, AlertTime, ReminderSettings };

/**
 * What the alert job reads from the environment on top of the core settings: the same
 * variables `npm start` reads, so the CLI and the in-process scheduler behave alike.
 * Every bad variable gets its own line; a token's value is never part of one.
 */

export interface AlertConfig extends CoreConfig {
  botToken: string | undefined;
  /** Unset → alerts are off (npm start) or the CLI refuses to run. */
  channel: string | undefined;
  /** Base URL of a Slack-compatible Web API ending in `/`; unset → Slack's own. */
  slackApiUrl: string | undefined;
  time: AlertTime;
  dueSoonDays: number;
  repeatDays: number;
  reminders: ReminderConfig;
}

/** The reminder ladder's settings (docs/reminders.md). */
export interface ReminderConfig {
  enabled: boolean;
  steps: number[];
  repeatDays: number;
  escalateAfterWorkingDays: number;
  quietHours: QuietHours | null;
}

export class AlertConfigError extends Error {
  constructor(readonly problems: ConfigError[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'AlertConfigError';
  }
}

const dayCount = (min: number, max: number, what: string) => {
  const error = `must be a whole number of days from ${min} to ${max} (${what})`;
  return z.string().regex(/^\d{1,3}$/, { error }).transform(Number).pipe(z.number().min(min, { error }).max(max, { error }));
};

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const timeOf = (s: string): AlertTime => {
  const [hour, minute] = s.split(':').map(Number);
  return { hour: hour!, minute: minute! };
};

const stepsError = 'must be whole numbers of days from the due date, comma-separated, e.g. -14,-1,0,2 (from -366 to 366)';
const reminderSteps = z
  .string()
  .regex(/^\s*[-+]?\d{1,3}\s*(,\s*[-+]?\d{1,3}\s*)*$/, { error: stepsError })
  .transform((s) => [...new Set(s.split(',').map((part) => Number(part.trim())))].sort((a, b) => a - b))
  .pipe(z.array(z.number().int().min(-366, { error: stepsError }).max(366, { error: stepsError })));

const quietHoursError = 'must be a time range HH:MM-HH:MM in Tokyo time (e.g. 20:00-08:00), or "none"';
const quietHours = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s === 'none' || /^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/.test(s), { error: quietHoursError })
  .transform((s): QuietHours | null => {
    if (s === 'none') return null;
    const [from, to] = s.split('-') as [string, string];
    return { from: timeOf(from), to: timeOf(to) };
  });

const alertSchema = z.object({
  SLACK_BOT_TOKEN: sharedSlackFields.SLACK_BOT_TOKEN.optional(),
  ALERT_CHANNEL: sharedSlackFields.ALERT_CHANNEL.optional(),
  SLACK_API_URL: sharedSlackFields.SLACK_API_URL.optional(),
  ALERT_TIME: z
    .string()
    .regex(TIME, { error: 'must be a time of day HH:MM in Tokyo time, e.g. 09:00' })
    .transform(timeOf)
    .default(DEFAULT_ALERT_TIME),
  ALERT_DUE_SOON_DAYS: dayCount(0, 366, 'how long before a due date to warn').default(DEFAULT_DUE_SOON_DAYS),
  ALERT_REPEAT_DAYS: dayCount(1, 365, 'how often an overdue figure is raised again').default(DEFAULT_REPEAT_DAYS),
  REMINDERS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  REMINDER_STEPS: reminderSteps.default([...DEFAULT_LADDER.steps]),
  REMINDER_REPEAT_DAYS: dayCount(1, 365, 'how often an overdue figure’s owners are reminded again').default(
    DEFAULT_LADDER.repeatDays,
  ),
  ESCALATE_AFTER_WORKING_DAYS: dayCount(0, 250, 'working days overdue before the admins are told').default(
    DEFAULT_LADDER.escalateAfterWorkingDays,
  ),
  QUIET_HOURS: quietHours.default(DEFAULT_QUIET_HOURS),
});

export interface AlertConfigNeeds {
  /** Posting needs a token; a dry run or a preview does not. */
  token: boolean;
  /** The CLI cannot run without a channel (the ledger is per channel); npm start just turns alerts off. */
  channel: boolean;
}

export function loadAlertConfig(
  env: Record<string, string | undefined> = process.env,
  needs: AlertConfigNeeds = { token: true, channel: true },
): AlertConfig {
  const problems: ConfigError[] = [];
  let core: CoreConfig | undefined;
  try {
    core = loadCoreConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(error);
  }

  const clean = cleanEnv(env);
  const parsed = alertSchema.safeParse(clean);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue;
      seen.add(variable);
      problems.push(new ConfigError(variable, issue.message));
    }
  }
  if (needs.token && clean['SLACK_BOT_TOKEN'] === undefined) problems.push(new ConfigError('SLACK_BOT_TOKEN', 'is not set'));
  if (needs.channel && clean['ALERT_CHANNEL'] === undefined) problems.push(new ConfigError('ALERT_CHANNEL', 'is not set'));
  if (parsed.success && parsed.data.REMINDERS === 'on' && isQuietTime(parsed.data.ALERT_TIME, parsed.data.QUIET_HOURS)) {
    // The reminders run at ALERT_TIME: inside the quiet hours they would never be sent.
    problems.push(
      new ConfigError('QUIET_HOURS', 'covers ALERT_TIME, so no reminder would ever be sent: move one of them, or set REMINDERS=off'),
    );
  }
  if (problems.length > 0 || !core || !parsed.success) throw new AlertConfigError(problems);

  const a = parsed.data;
  return {
    ...core,
    botToken: a.SLACK_BOT_TOKEN,
    channel: a.ALERT_CHANNEL,
    slackApiUrl: a.SLACK_API_URL,
    time: a.ALERT_TIME,
    dueSoonDays: a.ALERT_DUE_SOON_DAYS,
    repeatDays: a.ALERT_REPEAT_DAYS,
    reminders: {
      enabled: a.REMINDERS === 'on',
      steps: a.REMINDER_STEPS,
      repeatDays: a.REMINDER_REPEAT_DAYS,
      escalateAfterWorkingDays: a.ESCALATE_AFTER_WORKING_DAYS,
      quietHours: a.QUIET_HOURS,
    },
  };
}

/** The reminder settings, or null when REMINDERS=off. */
export function reminderSettingsOf(config: AlertConfig): ReminderSettings | null {
  const r = config.reminders;
  if (!r.enabled) return null;
  return {
    ladder: { steps: r.steps, repeatDays: r.repeatDays, escalateAfterWorkingDays: r.escalateAfterWorkingDays },
    quietHours: r.quietHours,
    time: config.time,
    admins: config.admins,
    defaultLocale: config.locale,
    dueRule: config.dueRule,
  };
}

/** The settings a run uses, or null when no channel is configured (alerts off). */
export function alertSettingsOf(config: AlertConfig): AlertSettings | null {
  if (config.channel === undefined) return null;
  return {
    channel: config.channel,
    time: config.time,
    dueSoonDays: config.dueSoonDays,
    repeatDays: config.repeatDays,
    dueRule: config.dueRule,
  };
}

/** What a workspace's settings are until its admins change them, as the CLI doors read them (#18). */
export function workspaceDefaultsOf(config: AlertConfig): WorkspaceDefaults {
  return { admins: config.admins, alertChannel: config.channel ?? null, planCode: config.planCode ?? null, locale: config.locale };
}
