import type { Direction, FigureStatus } from '../../src/domain/status.ts';

/**
 * What every export renders: plain data, already read and judged by the caller (buildExportModel
 * in ./build.ts reads it from the store). Declared here, under the renderers, so the use case that
 * builds it and the renderers in src/render/export/ share one definition. The renderers
 * (CSV, XLSX, Markdown) only arrange it; they never open the database, ask Slack or read a clock,
 * so the same model always gives the same bytes.
 *
 * Words a person reads (column headers, sheet names, grade and status labels) come from the
 * caller: grade and status labels inside the model, everything else from an `ExportLabels`
 * (see src/messages/export-ja.ts and export-en.ts).
 */
export interface ExportModel {
  plan: ExportPlan;
  /** Civil date (YYYY-MM-DD, Tokyo) the statuses and grades were judged on; printed as "as of". */
  asOf: string;
  /** Basic policies in the source document's order, each holding its themes in order. */
  policies: ExportPolicy[];
}

export interface ExportPlan {
  /** Machine code, e.g. `suita-4`; the first CSV column. */
  code: string;
  name: string;
  firstFiscalYear: number;
  lastFiscalYear: number;
  /** The fiscal year the narratives evaluate (the mid-term review's FY2020), when known. */
  reviewFiscalYear: number | null;
}

export interface ExportPolicy {
  number: number;
  name: string;
  themes: ExportTheme[];
}

export interface ExportTheme {
  name: string;
  /** Action plans in the source order (by number within the theme). */
  actionPlans: ExportActionPlan[];
}

export interface ExportActionPlan {
  number: number;
  name: string;
  /** The section's evaluation: the 進捗状況 text. */
  narrative: string | null;
  /** Which fiscal year the narrative evaluates. */
  narrativeFiscalYear: number | null;
  /** 課題: what stands in the way; optional. */
  issues?: string | null;
  /** People responsible, as display names the caller resolved. */
  owners: string[];
  indicators: ExportIndicator[];
  /** The committee's review of this action plan, once it has one. */
  committee?: CommitteeReview | null;
}

export interface ExportIndicator {
  /** 1-based place within its action plan: with the plan code and number, the indicator's key. */
  position: number;
  name: string;
  unit: string;
  direction: Direction;
  /** How the target is phrased in the document ("以内"), or null. */
  comparator: string | null;
  /**
   * One entry per fiscal year that has anything to say; years of the plan period that are missing
   * are rendered as empty. Each fiscal year at most once, inside the plan period.
   */
  years: ExportYear[];
}

export interface ExportYear {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  /** The actual was recorded before its fiscal year closed. */
  provisional: boolean;
  /** Actual against target as a ratio (1 = 100%, direction already applied), or null. */
  achievement: number | null;
  /** The caller's grade for this year, e.g. `{ code: 'A', label: '達成' }`, or null. */
  grade: { code: string; label: string } | null;
  status: FigureStatus;
  /** The status in words (the caller's language). */
  statusLabel: string;
  /** When the current actual was recorded: ISO 8601 instant, or null when there is none. */
  recordedAt: string | null;
  /** Who recorded it, as a display name. */
  recordedBy: string | null;
  /** The note kept with the current actual. */
  note: string | null;
}

// 今後の方向性: the five answers of a municipal evaluation sheet, defined once with the review.
export { WAY_FORWARDS, type WayForward } from '../../src/domain/review.ts';
import type { WayForward } from '../../src/domain/review.ts';

export interface CommitteeOpinion {
  member: string;
  /** The grade this member proposed (a code such as `B`), or null. */
  grade: string | null;
  text: string;
}

export interface CommitteeReview {
  opinions: CommitteeOpinion[];
  /** The grade the committee agreed on. */
  agreedGrade: string | null;
  /** 事務局の対応: the office's answer to the opinions. */
  officeResponse: string | null;
  wayForward: WayForward | null;
}
