import type { CivilDate } from '../../src/domain/fiscal-year.ts';
import type { ValueProblem } from '../../src/domain/figure-input.ts';
import type { GradeCode, GradingScheme } from '../../src/domain/grading.ts';
import type { MissingActual, TextProblem, WayForward } from '../../src/domain/review.ts';
import type { ActionPlanHeader } from '../action-plan-header.ts';
import type { SnapshotActionPlan } from './snapshot-schema.ts';

/** What the review's handlers return: plain data for the renderers (Block Kit, text). */

export interface ReviewHeader {
  fiscalYear: number;
  openedBy: string;
  openedAt: string;
  meetingDate: CivilDate | null;
  /** Why it was opened although actuals were missing; null when none were. */
  openReason: string | null;
  closed: { by: string; at: string } | null;
}

export interface GradeTally {
  grade: GradeCode;
  count: number;
}

/** One action plan's line in the summary. */
export interface ReviewRow {
  actionPlan: ActionPlanHeader;
  scheme: GradingScheme;
  /** From the grading engine, on the snapshot's figures. */
  computed: GradeCode | null;
  /** Members' current grades, best first. */
  memberGrades: GradeTally[];
  opinions: number;
  agreed: GradeCode | null;
  wayForward: WayForward | null;
  /** A figure of this plan was corrected after the review opened (修正あり). */
  corrected: boolean;
}

export interface Correction {
  actionPlanNumber: number;
  indicatorName: string;
  unit: string;
  /** The value in the snapshot (what the committee read), null when it had none. */
  before: number | null;
  value: number;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export interface MemberAssessment {
  memberId: string;
  grade: GradeCode | null;
  opinion: string | null;
  recordedAt: string;
  /** How many times the member changed it before this (0: as first given). */
  earlier: number;
}

export interface OfficeResponse {
  response: string;
  wayForward: WayForward;
  recordedBy: string;
  recordedAt: string;
}

export interface AgreedGrade {
  grade: GradeCode;
  recordedBy: string;
  recordedAt: string;
}

export interface ReviewSheet {
  actionPlan: SnapshotActionPlan;
  assessments: MemberAssessment[];
  agreed: AgreedGrade | null;
  response: OfficeResponse | null;
  corrections: Correction[];
}

export interface CommitteeMember {
  userId: string;
  /** In PLAN_COMMITTEE, or added by an admin in Slack. */
  source: 'config' | 'slack';
}

export type ReviewAnswer =
  | { type: 'list'; reviews: ReviewHeader[] }
  | {
      type: 'summary';
      review: ReviewHeader;
      rows: ReviewRow[];
      missing: MissingActual[];
      corrections: Correction[];
      memberCount: number;
      /** 1-based; renderers that page (Block Kit) show this page, the others everything. */
      page: number;
    }
  | { type: 'sheet'; review: ReviewHeader; sheet: ReviewSheet }
  | { type: 'opened'; review: ReviewHeader; missing: MissingActual[]; members: string[]; duplicate: boolean }
  | { type: 'closed'; review: ReviewHeader; withoutAgreed: number[]; duplicate: boolean }
  | {
      type: 'agreed';
      review: ReviewHeader;
      actionPlan: ActionPlanHeader;
      grade: GradeCode;
      previous: GradeCode | null;
      duplicate: boolean;
    }
  | {
      type: 'target_revised';
      actionPlan: ActionPlanHeader;
      indicator: { name: string; unit: string; comparator: string | null };
      fiscalYear: number;
      previous: number | null;
      target: number;
      reason: string;
      decision: string;
      duplicate: boolean;
    }
  | {
      type: 'committee';
      members: CommitteeMember[];
      change: null | { action: 'add' | 'remove'; userId: string; changed: boolean };
    };

/** Why a review command or form could not do what was asked. */
export type ReviewProblem =
  | { code: 'no_review'; fiscalYear: number; years: number[] }
  | { code: 'already_open'; fiscalYear: number; openedBy: string; openedAt: string; closed: boolean }
  | { code: 'missing_actuals'; fiscalYear: number; missing: MissingActual[] }
  | { code: 'outside_plan'; fiscalYear: number; first: number; last: number }
  | { code: 'year_not_closed'; fiscalYear: number }
  | { code: 'meeting_in_past'; date: CivilDate }
  | { code: 'review_closed'; fiscalYear: number; closedAt: string }
  | { code: 'not_in_review'; fiscalYear: number; number: number }
  | { code: 'grade_not_in_scheme'; grade: GradeCode; allowed: GradeCode[] }
  | { code: 'members_only' }
  | { code: 'owners_and_admins_only'; number: number; owners: string[] }
  | { code: 'target_locked'; fiscalYear: number }
  | { code: 'no_target_year'; number: number; fiscalYear: number }
  | { code: 'no_such_indicator'; number: number; position: number; count: number }
  | { code: 'which_indicator'; number: number; count: number }
  | { code: 'bad_target'; problem: ValueProblem }
  | { code: 'reason'; field: 'reason' | 'decision'; problem: TextProblem }
  /** The CLI cannot send the DMs opening a review sends: open it from Slack. */
  | { code: 'open_from_slack' };
