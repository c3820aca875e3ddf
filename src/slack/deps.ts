import type { Logger } from '@slack/bolt';
import type { AlertSettings } from '../../commands/alerts/settings.ts';
import type { ReminderSettings } from '../../commands/reminders/settings.ts';
import type { ReviewProgress } from '../../commands/home.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import type { WorkspaceDefaults } from '../domain/workspace-settings.ts';
import type { SlackConfig } from '../config/slack.ts';

/** Everything the Slack door is built from; tests hand in their own clock and database. */
export interface SlackDeps {
  config: SlackConfig;
  db: PlanDb;
  /** The workspace this request came from (workspace.key): its plan and settings are the ones below. */
  workspace: string;
  /** The environment's settings, which the workspace's own override (commands/settings.ts). */
  settingsDefaults: WorkspaceDefaults;
  plan: Plan;
  /** "Now" for status rules; a parameter so tests can fix the day. */
  clock: () => Date;
  logger: Logger;
  /** What `/plan alerts` previews; null or absent when ALERT_CHANNEL is unset. */
  alertSettings?: AlertSettings | null;
  /** What `/plan reminders` previews; null or absent when REMINDERS=off. */
  reminderSettings?: ReminderSettings | null;
  /** Keep rendered answers to read-only commands until the data changes (default true). */
  cacheAnswers?: boolean;
  /** How long /plan waits for its answer before acknowledging without it (default ANSWER_DEADLINE_MS). */
  answerDeadlineMs?: number;
  /** Real time in ms for signature windows and the replay record (default Date.now), apart from `clock`. */
  wallClock?: () => number;
  /** Socket Mode: how long start() waits for the WebSocket before giving up (default 30 s). */
  socketConnectTimeoutMs?: number;
  /** Where the Home tab reads the open committee review; default the review store, null: no review section. */
  reviewProgress?: ReviewProgress | null;
}
