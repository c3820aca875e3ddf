import type { Logger } from '@slack/bolt';
import type { AlertSettings } from '../../commands/alerts/settings.ts';
import type { ReviewProgress } from '../../commands/home.ts';
import type { PlanDb } from '../store/db.ts';
import type { Plan } from '../store/schema.ts';
import type { SlackConfig } from '../config/slack.ts';

/** Everything the Slack door is built from; tests hand in their own clock and database. */
export interface SlackDeps {
  config: SlackConfig;
  db: PlanDb;
  plan: Plan;
  /** "Now" for status rules; a parameter so tests can fix the day. */
  clock: () => Date;
  logger: Logger;
  /** What `/plan alerts` previews; null or absent when ALERT_CHANNEL is unset. */
  alertSettings?: AlertSettings | null;
  /** Keep rendered answers to read-only commands until the data changes (default true). */
  cacheAnswers?: boolean;
  /** The open committee review, for the Home tab; absent or null: no review section. */
  reviewProgress?: ReviewProgress | null;
}
