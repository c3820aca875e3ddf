import type { Generated, Insertable, Selectable } from 'kysely';
import type { GradingScheme, IndicatorKind } from '../domain/grading.ts';
import type { WayForward } from '../domain/review.ts';

// The one description of the tables the app reads and writes. Migrations under
// db/migrations create them; keep the two in step when a migration is added.

export interface PlanTable {
  id: Generated<number>;
  code: string;
  name: string;
  first_fiscal_year: number;
  last_fiscal_year: number;
  review_fiscal_year: number | null;
  source: string | null;
  name_en: string | null;
  /** JSON of GradingBands that differ from the defaults; null → the defaults. */
  grading_bands: string | null;
  /** YYYY-MM-DD of the source document; null when the plan file gave none. */
  source_date: string | null;
  /** ISO 8601 instant an admin closed the plan (its period over); null while open. */
  closed_at: string | null;
  closed_by: string | null;
  /** The workspace the plan belongs to (workspace.key); `local` in the token mode. */
  workspace_key: Generated<string>;
}

export interface BasicPolicyTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  name: string;
  name_en: string | null;
}

export interface ThemeTable {
  id: Generated<number>;
  plan_id: number;
  policy_id: number;
  position: number;
  name: string;
  name_en: string | null;
}

export interface ActionPlanTable {
  id: Generated<number>;
  plan_id: number;
  policy_id: number;
  theme_id: number;
  number: number;
  name: string;
  narrative: string | null;
  name_en: string | null;
  grading_scheme: Generated<GradingScheme>;
}

export interface ActionPlanOwnerTable {
  action_plan_id: number;
  slack_user_id: string;
  added_by: string;
  added_at: string;
}

export type DirectionColumn = 'higher_is_better' | 'lower_is_better';

export interface IndicatorTable {
  id: Generated<number>;
  action_plan_id: number;
  position: number;
  name: string;
  unit: string;
  direction: DirectionColumn;
  comparator: string | null;
  min_value: number | null;
  max_value: number | null;
  note: string | null;
  kind: Generated<IndicatorKind>;
  name_en: string | null;
  unit_en: string | null;
  note_en: string | null;
}

export interface YearlyFigureTable {
  id: Generated<number>;
  indicator_id: number;
  fiscal_year: number;
  target: number | null;
  current_revision_id: number | null;
  /** 0/1: the source marks this year 評価期間前 (not yet evaluated). */
  before_evaluation: Generated<number>;
}

export type RevisionSource = 'seed' | 'slack' | 'cli' | 'import';

export interface ActualRevisionTable {
  id: Generated<number>;
  yearly_figure_id: number;
  value: number;
  /** 0/1: recorded before its fiscal year closed. */
  provisional: number;
  recorded_by: string;
  /** ISO 8601 instant. */
  recorded_at: string;
  source: RevisionSource;
  note: string | null;
  /** The request this revision came from (a Slack view id); unique, so a replay stores nothing. */
  request_key: string | null;
  note_en: string | null;
}

export type AlertRuleColumn = 'overdue' | 'due_soon' | 'off_target' | 'no_owner';

export interface AlertLedgerTable {
  id: Generated<number>;
  rule: AlertRuleColumn;
  action_plan_id: number;
  indicator_id: number | null;
  fiscal_year: number | null;
  revision_id: number | null;
  channel: string;
  /** ISO 8601 instant Slack accepted the digest. */
  sent_at: string;
  /** Civil date (YYYY-MM-DD) the run was for. */
  run_date: string;
  message_ts: string | null;
}

export type AlertRunState = 'claimed' | 'posted' | 'nothing_new' | 'failed' | 'abandoned';

export interface AlertRunTable {
  id: Generated<number>;
  channel: string;
  run_date: string;
  state: AlertRunState;
  holder: string;
  claimed_at: string;
  finished_at: string | null;
  message_ts: string | null;
  item_count: number | null;
  error: string | null;
}

/** A signed Slack request that wrote, kept while its signature could still be accepted. */
export interface SignedRequestTable {
  signature: string;
  /** ISO 8601 instant: the request's timestamp plus Slack's five minutes. */
  expires_at: string;
}

export type PostKind = 'reminder' | 'escalation' | 'digest';
export type PostState = 'pending' | 'sent' | 'not_sent';

export interface PostAttemptTable {
  id: Generated<number>;
  /** Also in the message's Slack metadata, so a lost answer can be looked up. */
  message_key: string;
  kind: PostKind;
  recipient: string | null;
  channel: string;
  run_date: string;
  state: PostState;
  attempted_at: string;
  finished_at: string | null;
  message_ts: string | null;
  error: string | null;
  /** A digest's alert ledger keys (JSON), ledgered once it is known to be posted. */
  payload: string | null;
}

export interface ReminderLedgerTable {
  id: Generated<number>;
  indicator_id: number;
  fiscal_year: number;
  rung: string;
  recipient: string;
  post_id: number;
  run_date: string;
}

export interface ReminderSnoozeTable {
  indicator_id: number;
  fiscal_year: number;
  user_id: string;
  /** The first Tokyo day reminders resume. */
  until: string;
  snoozed_at: string;
}

// The committee's review (db/migrations/2026-11-30-15-01-review.ts): append-only, each row with
// who, when and the request it came from.

export interface CommitteeChangeTable {
  id: Generated<number>;
  workspace_key: Generated<string>;
  slack_user_id: string;
  action: 'add' | 'remove';
  changed_by: string;
  changed_at: string;
  request_key: string | null;
}

export interface ReviewTable {
  id: Generated<number>;
  plan_id: number;
  fiscal_year: number;
  opened_by: string;
  opened_at: string;
  /** Civil date (YYYY-MM-DD) of the committee's meeting, when known. */
  meeting_date: string | null;
  /** Why it was opened although actuals were missing; null when nothing was. */
  open_reason: string | null;
  /** JSON of the year's figures and computed grades when the review opened. */
  snapshot: string;
  request_key: string | null;
}

export interface ReviewClosureTable {
  review_id: number;
  closed_by: string;
  closed_at: string;
  /** The last figure_correction.id the closed review lists; null when it lists none. */
  corrections_through: number | null;
  request_key: string | null;
}

export interface ReviewAssessmentTable {
  id: Generated<number>;
  review_id: number;
  action_plan_id: number;
  member_id: string;
  grade: string | null;
  opinion: string | null;
  recorded_at: string;
  request_key: string | null;
}

export interface ReviewResponseTable {
  id: Generated<number>;
  review_id: number;
  action_plan_id: number;
  response: string;
  way_forward: WayForward;
  recorded_by: string;
  recorded_at: string;
  request_key: string | null;
}

export interface ReviewAgreedGradeTable {
  id: Generated<number>;
  review_id: number;
  action_plan_id: number;
  grade: string;
  recorded_by: string;
  recorded_at: string;
  request_key: string | null;
}

export interface FigureCorrectionTable {
  id: Generated<number>;
  revision_id: number;
  yearly_figure_id: number;
  review_id: number;
  reason: string;
  corrected_by: string;
  corrected_at: string;
}

export interface TargetRevisionTable {
  id: Generated<number>;
  yearly_figure_id: number;
  previous_target: number | null;
  target: number;
  reason: string;
  decision: string;
  revised_by: string;
  revised_at: string;
  request_key: string | null;
}

export interface ReviewReminderTable {
  review_id: number;
  member_id: string;
  sent_at: string;
}

// Many workspaces (db/migrations/2026-11-30-18-02-workspaces.ts).

/** A Slack workspace, or an Enterprise Grid org installed org-wide: kept after uninstall, with its data. */
export interface WorkspaceTable {
  /** The team id, or the enterprise id of an org-wide install; `local` for the token mode. */
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: Generated<number>;
  name: string | null;
  installed_by: string | null;
  installed_at: string | null;
  /** ISO 8601 instant of app_uninstalled / tokens_revoked; null while installed. */
  uninstalled_at: string | null;
}

/** Bolt's Installation (with the bot token) as JSON; deleted on uninstall. */
export interface SlackInstallationTable {
  workspace_key: string;
  installation: string;
  updated_at: string;
}

/** One change of a workspace setting; the newest row per name is the setting. */
export interface WorkspaceSettingTable {
  id: Generated<number>;
  workspace_key: string;
  name: string;
  /** JSON; null puts the setting back to the environment's default. */
  value: string | null;
  changed_by: string;
  changed_at: string;
  request_key: string | null;
}

export interface Database {
  plan: PlanTable;
  basic_policy: BasicPolicyTable;
  theme: ThemeTable;
  action_plan: ActionPlanTable;
  action_plan_owner: ActionPlanOwnerTable;
  indicator: IndicatorTable;
  yearly_figure: YearlyFigureTable;
  actual_revision: ActualRevisionTable;
  alert_ledger: AlertLedgerTable;
  alert_run: AlertRunTable;
  signed_request: SignedRequestTable;
  post_attempt: PostAttemptTable;
  reminder_ledger: ReminderLedgerTable;
  reminder_snooze: ReminderSnoozeTable;
  committee_change: CommitteeChangeTable;
  review: ReviewTable;
  review_closure: ReviewClosureTable;
  review_assessment: ReviewAssessmentTable;
  review_response: ReviewResponseTable;
  review_agreed_grade: ReviewAgreedGradeTable;
  figure_correction: FigureCorrectionTable;
  target_revision: TargetRevisionTable;
  review_reminder: ReviewReminderTable;
  workspace: WorkspaceTable;
  slack_installation: SlackInstallationTable;
  workspace_setting: WorkspaceSettingTable;
}

export type Plan = Selectable<PlanTable>;
export type ActionPlanRow = Selectable<ActionPlanTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewRevision = Insertable<ActualRevisionTable>;
