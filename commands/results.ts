import type { CivilDate } from '../src/domain/fiscal-year.ts';
import type { ActionPlanGrade, FigureGrade, GradingScheme, IndicatorKind, Trend } from '../src/domain/grading.ts';
import type { Direction, FigureStatus } from '../src/domain/status.ts';
import type { AlertPreview } from './alerts/preview.ts';
import type { ParseError } from './grammar.ts';

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

export interface ActionPlanHeader {
  number: number;
  name: string;
  nameEn: string | null;
  policy: { number: number; name: string; nameEn: string | null };
  theme: string;
  themeEn: string | null;
}

/** How an action plan is doing, apart from whether its figures are complete. */
export interface PlanGrading {
  scheme: GradingScheme;
  /** The newest year with a grade, and the graded year before it (for the trend). */
  latest: { fiscalYear: number; result: ActionPlanGrade } | null;
  previous: { fiscalYear: number; result: ActionPlanGrade } | null;
  trend: Trend | null;
  /** Years past their due date whose actuals are still missing: completeness, said on its own line. */
  missingYears: number[];
}

export interface ActionPlanView extends ActionPlanHeader {
  narrative: string | null;
  narrativeFiscalYear: number | null;
  indicators: IndicatorView[];
  owners: string[];
  status: FigureStatus | null;
  grading: PlanGrading;
}

export interface ActionPlanSummary extends ActionPlanHeader {
  status: FigureStatus | null;
  indicatorCount: number;
  grading: PlanGrading;
}

export type ListScope =
  | { kind: 'all' }
  | { kind: 'search'; words: string[] }
  | { kind: 'policy'; number: number; name: string }
  | { kind: 'theme'; name: string };

export interface OverdueItem {
  actionPlan: { number: number; name: string };
  indicator: { name: string; unit: string };
  fiscalYear: number;
  target: number;
  dueDate: CivilDate;
  daysLate: number;
}

export interface HistoryEntry {
  indicatorName: string;
  unit: string;
  fiscalYear: number;
  value: number;
  provisional: boolean;
  recordedBy: string;
  recordedAt: string;
  source: string;
  note: string | null;
  current: boolean;
}

export type CommandError =
  | { code: 'parse'; error: ParseError }
  | { code: 'no_such_action_plan'; number: number; max: number }
  | { code: 'no_such_policy'; number: number; max: number }
  | { code: 'no_such_theme'; name: string; themes: string[] }
  | { code: 'admins_only' }
  | { code: 'no_plan' }
  | { code: 'cli_cannot_open_forms'; number: number };

export type CommandResult =
  | { kind: 'action_plan'; plan: ActionPlanView; asOf: CivilDate; share: boolean }
  | { kind: 'action_plan_list'; scope: ListScope; items: ActionPlanSummary[]; asOf: CivilDate; share: boolean }
  | { kind: 'overdue'; asOf: CivilDate; items: OverdueItem[]; share: boolean }
  | { kind: 'history'; actionPlan: ActionPlanHeader; entries: HistoryEntry[]; share: boolean }
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
  | { kind: 'help' }
  | { kind: 'error'; error: CommandError };
