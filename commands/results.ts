import type { SettingName, WorkspaceSettings } from '../src/domain/workspace-settings.ts';
import type { CivilDate } from '../src/domain/fiscal-year.ts';
import type {
  ActionPlanGrade,
  FigureGrade,
  GradingScheme,
  IndicatorKind,
  Trend,
  UngradedReason,
} from '../src/domain/grading.ts';
import type { Direction, FigureStatus } from '../src/domain/status.ts';
import type { AlertPreview } from './alerts/preview.ts';
import type { Plan } from '../src/store/schema.ts';
import type { ReminderPreview } from './reminders/preview.ts';
import type { ExportFormat, ParseError } from './grammar.ts';
import type { ReviewAnswer, ReviewProblem } from './review/results.ts';
import type { ActionPlanHeader } from './action-plan-header.ts';

export type { ActionPlanHeader } from './action-plan-header.ts';

/** What handlers return: plain data that a renderer (Block Kit, text) turns into words. */

export interface YearView {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  provisional: boolean;
  status: FigureStatus;
  dueDate: CivilDate;
  /** The source marks this year 評価期間前: shown as such, never graded. */
  beforeEvaluation: boolean;
  /** This year graded by the action plan's scheme (grade null with a reason when it cannot be). */
  grade: FigureGrade;
  /** The current actual's note (② gives its counts there), and its English when there is one. */
  note: string | null;
  noteEn: string | null;
  /** The actual was corrected after a review locked the year: shown as 修正あり. */
  corrected: boolean;
  /** The target is a revised one (the mid-term review's): shown as 見直し後. */
  targetRevised: boolean;
}

export interface IndicatorView {
  id: number;
  name: string;
  nameEn: string | null;
  kind: IndicatorKind;
  unit: string;
  unitEn: string | null;
  noteEn: string | null;
  direction: Direction;
  comparator: string | null;
  note: string | null;
  years: YearView[];
  /** The newest year holding both a target and an actual, with the achievement ratio. */
  latest: { fiscalYear: number; target: number; actual: number; rate: number | null } | null;
  status: FigureStatus | null;
}

/** How an action plan is doing, apart from whether its figures are complete. */
export interface PlanGrading {
  scheme: GradingScheme;
  /** The newest year with a grade, and the graded year before it (for the trend). */
  latest: { fiscalYear: number; result: ActionPlanGrade } | null;
  previous: { fiscalYear: number; result: ActionPlanGrade } | null;
  trend: Trend | null;
  /** Why there is no grade at all (no `latest`): the plan's state in its newest closed year. */
  reason: UngradedReason | null;
  /** Years past their due date whose actuals are still missing: completeness, said on its own line. */
  missingYears: number[];
  /** An admin has closed the plan (its period over): missing actuals are no longer chased (計画期間終了). */
  closed: boolean;
}

export interface ActionPlanView extends ActionPlanHeader {
  narrative: string | null;
  narrativeFiscalYear: number | null;
  indicators: IndicatorView[];
  owners: string[];
  status: FigureStatus | null;
  grading: PlanGrading;
  /** False for a plan other than the door's: no "record a figure" button (see CommandContext.otherPlan). */
  recordable?: boolean;
}

export interface ActionPlanSummary extends ActionPlanHeader {
  status: FigureStatus | null;
  indicatorCount: number;
  grading: PlanGrading;
}

export type ListScope =
  /** planName: a plan other than the door's, named in the title (`/plan 5期 list`). */
  | { kind: 'all'; planName?: string }
  | { kind: 'search'; words: string[] }
  | { kind: 'policy'; number: number; name: string; nameEn?: string | null }
  | { kind: 'theme'; name: string; nameEn?: string | null };

export interface OverdueItem {
  actionPlan: { number: number; name: string; nameEn: string | null };
  indicator: { name: string; nameEn: string | null; unit: string; unitEn: string | null };
  fiscalYear: number;
  target: number;
  dueDate: CivilDate;
  daysLate: number;
}

/** `/plan overdue` says one line per action plan: how many figures are late and since when. */
export interface OverdueGroup {
  actionPlan: { number: number; name: string; nameEn: string | null };
  count: number;
  /** The fiscal years the late figures belong to, oldest first, each once. */
  fiscalYears: number[];
  oldestDueDate: CivilDate;
  /** Days late of the oldest figure. */
  daysLate: number;
}

export interface PlanClosureView {
  /** ISO 8601 instant. */
  closedAt: string;
  closedBy: string;
}

export interface HistoryEntry {
  indicatorName: string;
  indicatorNameEn?: string | null;
  unit: string;
  unitEn?: string | null;
  noteEn?: string | null;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
  source: string;
  note: string | null;
  current: boolean;
  /** Set when this revision corrected a locked year: the admin's reason (修正あり). */
  correction: string | null;
}

/** A target changed after the plan was made: both the old and the new are kept. */
export interface TargetRevisionEntry {
  indicatorName: string;
  indicatorNameEn?: string | null;
  unit: string;
  unitEn?: string | null;
  comparator: string | null;
  fiscalYear: number;
  previous: number | null;
  target: number;
  reason: string;
  decision: string;
  revisedBy: string;
  revisedAt: string;
}

export type CommandError =
  | { code: 'parse'; error: ParseError }
  | { code: 'no_such_action_plan'; number: number; max: number }
  | { code: 'no_such_policy'; number: number; max: number }
  | { code: 'no_such_theme'; name: string; themes: string[] }
  | { code: 'admins_only' }
  /** `/plan settings admin remove` would leave the workspace with nobody to administer it. */
  | { code: 'last_admin' }
  | { code: 'no_plan' }
  | { code: 'cli_cannot_open_forms'; number: number }
  /** Closing is for a plan whose last fiscal year is over. */
  | { code: 'plan_not_ended'; lastFiscalYear: number }
  /** `plans` are the candidates: every plan, or the ones an ambiguous `5期` matched. */
  | { code: 'no_such_plan'; selector: string; plans: string[]; ambiguous: boolean }
  | { code: 'year_outside_plan'; fiscalYear: number; first: number; last: number }
  | { code: 'record_in_own_plan_only'; planCode: string }
  | { code: 'review'; problem: ReviewProblem };

/** One plan of the store, as `/plan plans` lists it. */
export interface PlanSummary {
  code: string;
  name: string;
  nameEn: string | null;
  firstFiscalYear: number;
  lastFiscalYear: number;
  term: number | null;
  actionPlanCount: number;
  /** The plan `/plan` addresses when the text names none. */
  isDefault: boolean;
}

export type CommandResult =
  | { kind: 'action_plan'; plan: ActionPlanView; asOf: CivilDate; share: boolean }
  | { kind: 'action_plan_list'; scope: ListScope; items: ActionPlanSummary[]; asOf: CivilDate; share: boolean }
  | {
      kind: 'overdue';
      asOf: CivilDate;
      /** One per action plan with late figures, in action plan order. */
      groups: OverdueGroup[];
      /** Late figures in all. */
      figureCount: number;
      /** Set when the plan is closed: nothing is chased, and the answer says so. */
      closed: PlanClosureView | null;
      share: boolean;
    }
  | {
      kind: 'history';
      actionPlan: ActionPlanHeader;
      entries: HistoryEntry[];
      targetRevisions: TargetRevisionEntry[];
      share: boolean;
    }
  | {
      kind: 'owners';
      actionPlan: ActionPlanHeader;
      owners: string[];
      change: null | { action: 'add' | 'remove'; userId: string; changed: boolean };
    }
  | { kind: 'open_figure_form'; actionPlanNumber: number }
  /** The data of an action plan's chart: the door draws it (src/render/chart-spec.ts words it). */
  | { kind: 'chart'; plan: ActionPlanView; asOf: CivilDate }
  | { kind: 'alerts_preview'; preview: AlertPreview }
  | { kind: 'reminders_preview'; preview: ReminderPreview }
  | {
      kind: 'plan_closure';
      action: 'close' | 'reopen';
      /** False when the plan was already in that state (nothing written). */
      changed: boolean;
      plan: { name: string; nameEn: string | null; firstFiscalYear: number; lastFiscalYear: number };
      closed: PlanClosureView | null;
    }
  | { kind: 'help' }
  | { kind: 'plan_list'; plans: PlanSummary[] }
  /** The door builds the file (it knows the words and where files go): the handler only checked the request. */
  | { kind: 'export'; format: ExportFormat; fiscalYear: number; plan: Plan }
  | { kind: 'review'; review: ReviewAnswer }
  | { kind: 'settings'; settings: WorkspaceSettings; change: { setting: SettingName; changed: boolean } | null }
  | { kind: 'error'; error: CommandError };
