import type { Locale } from './locale.ts';

/** A workspace's settings: the environment's defaults, overridden by what its admins set in Slack (#18). */

export const SETTING_NAMES = ['admins', 'alert_channel', 'plan', 'locale'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export interface WorkspaceDefaults {
  admins: readonly string[];
  /** Null: no alert channel (the digest is off). */
  alertChannel: string | null;
  /** Null: the workspace's newest plan. */
  planCode: string | null;
  locale: Locale;
}

export interface WorkspaceSettings {
  admins: string[];
  alertChannel: string | null;
  planCode: string | null;
  locale: Locale;
  /** Who last changed each setting in Slack, and when; absent: the environment's default. */
  changed: Partial<Record<SettingName, { by: string; at: string }>>;
}

