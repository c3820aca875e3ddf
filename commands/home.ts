import { daysBetween, dueDateOf, isFiscalYearClosed, type CivilDate } from '../src/domain/fiscal-year.ts';
import type { FigureStatus } from '../src/domain/status.ts';
import { loadActionPlans } from '../src/store/action-plans.ts';
import { listOwnedActionPlanNumbers, listOwnersByActionPlan } from '../src/store/owners.ts';
import type { CommandContext } from './context.ts';
import type { ActionPlanHeader, ActionPlanView, PlanGrading } from './results.ts';
import { actionPlanView } from './views.ts';

/**
 * What one person's Home tab shows: the action plans they own, each with its grade and the
 * figures they need to record; for admins the whole plan; and, when a committee review is
 * open, its progress (admins) or what is left for this member to grade. Plain data: the
 * renderer words it.
 */

export interface HomeFigure {
  actionPlanNumber: number;
  indicatorId: number;
  indicatorName: string;
  indicatorNameEn: string | null;
  unit: string;
  comparator: string | null;
  fiscalYear: number;
  target: number | null;
  dueDate: CivilDate;
  /** `due`: the year has closed and its due date is still ahead; `overdue`: past it. */
  state: 'due' | 'overdue';
  /** Days left (due) or days late (overdue). */
  days: number;
}

export interface OwnedPlan {
  plan: ActionPlanHeader;
  grading: PlanGrading;
  status: FigureStatus | null;
  /** Overdue first (oldest first), then due; every one of them. */
  figures: HomeFigure[];
}

export interface PlanOverview {
  plan: ActionPlanHeader;
  grading: PlanGrading;
  status: FigureStatus | null;
  overdue: number;
  owners: number;
}

// ─── The seam for the committee review (#15) ──────────────────────────────────────────────────

/** An open review as an admin follows it. */
export interface OpenReview {
  fiscalYear: number;
  dueDate: CivilDate | null;
  /** Action plans whose grade the committee has agreed, out of how many are under review. */
  agreed: number;
  total: number;
  /** Each member's own grades so far. */
  members: { userId: string; graded: number; total: number }[];
}

/** One committee member's place in the open review. */
export interface ReviewSeat {
  fiscalYear: number;
  dueDate: CivilDate | null;
  /** Action plan numbers this member has not graded yet. */
  pending: number[];
  total: number;
}

/**
 * Where the Home tab learns about reviews. The review feature supplies it; without one (or
 * while no review is open) both answers are null and the Home tab shows no review section.
 */
export interface ReviewProgress {
  openReview(ctx: CommandContext): Promise<OpenReview | null>;
  /** Null when no review is open or this person does not sit on its committee. */
  seatOf(ctx: CommandContext, userId: string): Promise<ReviewSeat | null>;
}

export interface Home {
  userId: string;
  isAdmin: boolean;
  asOf: CivilDate;
  owned: OwnedPlan[];
  /** Every action plan, for admins; null for everyone else. */
  overview: PlanOverview[] | null;
  /** The open review's progress, for admins. */
  review: OpenReview | null;
  /** What this person has left to grade, when they sit on the open review's committee. */
  seat: ReviewSeat | null;
}

export async function buildHome(ctx: CommandContext, reviews: ReviewProgress | null = null): Promise<Home> {
  const userId = ctx.actor.id;
  const isAdmin = ctx.actor.isAdmin;
  const ownedNumbers = await listOwnedActionPlanNumbers(ctx.db, ctx.plan.id, userId);
  // Admins see every plan, so read them all once; anyone else only what they own.
  const records = isAdmin || ownedNumbers.length
    ? await loadActionPlans(ctx.db, ctx.plan.id, isAdmin ? {} : { numbers: ownedNumbers })
    : [];
  const owners = isAdmin ? await listOwnersByActionPlan(ctx.db, records.map((r) => r.id)) : new Map<number, string[]>();
  const views = records.map((r) => actionPlanView(r, owners.get(r.id) ?? [], ctx));
  const owned = new Set(ownedNumbers);

  const [review, seat] = await Promise.all([
    isAdmin && reviews ? reviews.openReview(ctx) : null,
    reviews ? reviews.seatOf(ctx, userId) : null,
  ]);

  return {
    userId,
    isAdmin,
    asOf: ctx.today,
    owned: views.filter((v) => owned.has(v.number)).map((v) => ownedPlan(v, ctx)),
    overview: isAdmin
      ? views.map((v) => ({
          plan: header(v),
          grading: v.grading,
          status: v.status,
          overdue: v.indicators.reduce((n, i) => n + i.years.filter((y) => y.status === 'overdue').length, 0),
          owners: v.owners.length,
        }))
      : null,
    review,
    seat,
  };
}

function ownedPlan(v: ActionPlanView, ctx: CommandContext): OwnedPlan {
  const figures: HomeFigure[] = [];
  for (const ind of v.indicators) {
    for (const y of ind.years) {
      const awaiting = y.actual === null && y.target !== null && isFiscalYearClosed(y.fiscalYear, ctx.today);
      if (!awaiting) continue;
      const dueDate = dueDateOf(y.fiscalYear, ctx.dueRule);
      const overdue = y.status === 'overdue';
      figures.push({
        actionPlanNumber: v.number,
        indicatorId: ind.id,
        indicatorName: ind.name,
        indicatorNameEn: ind.nameEn,
        unit: ind.unit,
        comparator: ind.comparator,
        fiscalYear: y.fiscalYear,
        target: y.target,
        dueDate,
        state: overdue ? 'overdue' : 'due',
        days: overdue ? daysBetween(dueDate, ctx.today) : daysBetween(ctx.today, dueDate),
      });
    }
  }
  figures.sort((a, b) => rank(a) - rank(b) || a.fiscalYear - b.fiscalYear || a.indicatorId - b.indicatorId);
  return { plan: header(v), grading: v.grading, status: v.status, figures };
}

const rank = (f: HomeFigure) => (f.state === 'overdue' ? 0 : 1);

function header(v: ActionPlanView): ActionPlanHeader {
  return { number: v.number, name: v.name, nameEn: v.nameEn, policy: v.policy, theme: v.theme, themeEn: v.themeEn };
}

/**
 * Whose Home tab shows an action plan: its owners (their list of due figures) and the admins
 * (the whole plan's table). Asked after a figure of it is recorded, to publish theirs again.
 */
export async function homeAudienceOf(ctx: CommandContext, actionPlanNumber: number, admins: readonly string[]): Promise<string[]> {
  const [record] = await loadActionPlans(ctx.db, ctx.plan.id, { numbers: [actionPlanNumber] });
  const owners = record ? ((await listOwnersByActionPlan(ctx.db, [record.id])).get(record.id) ?? []) : [];
  return [...new Set([...owners, ...admins])];
}
