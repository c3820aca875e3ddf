import { civilDateInTokyo } from '../src/domain/fiscal-year.ts';
import type { CivilDate, DueDateRule } from '../src/domain/fiscal-year.ts';
import type { PlanDb } from '../src/store/db.ts';
import { LOCAL_WORKSPACE } from '../src/store/workspaces.ts';
import type { AlertSettings } from './alerts/settings.ts';
import type { ReminderSettings } from './reminders/settings.ts';
import type { Plan } from '../src/store/schema.ts';
import type { WorkspaceDefaults } from '../src/domain/workspace-settings.ts';

/** Everything a handler may know about the world, handed in by the door it came through. */
export interface CommandContext {
  db: PlanDb;
  /** The Slack workspace asking (workspace.key); its plans and committee are the only ones in reach. */
  workspace: string;
  plan: Plan;
  now: Date;
  /** The day "today" means for status rules, in Asia/Tokyo. */
  today: CivilDate;
  dueRule: DueDateRule;
  actor: Actor;
  /** Null when ALERT_CHANNEL is unset: alerts are off and `/plan alerts` says so. */
  alertSettings: AlertSettings | null;
  /** Null when REMINDERS=off (or the door was given none): `/plan reminders` says so. */
  reminderSettings: ReminderSettings | null;
  /**
   * True when the text named a plan other than the door's own (`/plan 5期 3`). Figures are
   * recorded only in the door's plan: the form and its buttons carry an action plan number,
   * not a plan, so they would land in the wrong one.
   */
  otherPlan?: boolean;
  /** The committee as configured (PLAN_COMMITTEE); changes made in Slack are in the database. */
  committee: readonly string[];
  /** What the workspace's settings are when its admins changed none (the environment). */
  settingsDefaults: WorkspaceDefaults;
  /**
   * Identifies the request this command came in (Slack: its trigger_id), so that a write
   * delivered twice is stored once. Absent where every run is a new request (the CLI).
   */
  requestKey?: string;
}

export interface Actor {
  /** Slack user id, or a label such as "cli". */
  id: string;
  isAdmin: boolean;
  /** Doors without forms (the CLI) answer `report` with a pointer to Slack. */
  canOpenForms: boolean;
}

export function makeContext(options: {
  db: PlanDb;
  /** Default: the token mode's one workspace, which is also the CLI's. */
  workspace?: string;
  plan: Plan;
  now: Date;
  dueRule: DueDateRule;
  actor: Actor;
  alertSettings?: AlertSettings | null;
  reminderSettings?: ReminderSettings | null;
  committee?: readonly string[];
  settingsDefaults?: WorkspaceDefaults;
  requestKey?: string;
}): CommandContext {
  return {
    ...options,
    workspace: options.workspace ?? LOCAL_WORKSPACE,
    alertSettings: options.alertSettings ?? null,
    reminderSettings: options.reminderSettings ?? null,
    committee: options.committee ?? [],
    settingsDefaults: options.settingsDefaults ?? {
      admins: [],
      alertChannel: options.alertSettings?.channel ?? null,
      planCode: null,
      locale: 'ja',
    },
    today: civilDateInTokyo(options.now),
  };
}
