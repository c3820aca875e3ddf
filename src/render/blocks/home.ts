import type { types } from '@slack/bolt';
import type { Home, HomeFigure, OwnedPlan } from '../../../commands/home.ts';
import type { Messages } from '../../messages/index.ts';
import { statusLabel, targetWords } from '../describe.ts';
import { gradeLine } from '../grading.ts';
import { actions, button, context, divider, escapeMrkdwn, header, mention, section, type Block } from './build.ts';
import { HOME_RECORD_FIGURE_ACTION_ID, HOME_SHOW_PLAN_ACTION_ID, SHOW_CHART_ACTION_ID } from './ids.ts';
import { fitViewBlocks, HOME_LIMITS, linesToSections } from './limits.ts';

/**
 * One person's Home tab (docs/home.md). Within Block Kit's 100 blocks whatever the data: the
 * parts that are short by nature (title, review, guide, the admins' table in at most a few
 * sections) are laid out first, and the owned action plans fill what is left, each showing at
 * most FIGURES_PER_PLAN due figures; what does not fit is counted, never dropped silently.
 */

export const HOME_CALLBACK_ID = 'plan_home';
/** Due figures shown per action plan, each a section with its own 実績を入力 button. */
export const FIGURES_PER_PLAN = 8;
/** Sections the admins' table of every action plan may take (each holds ~3,000 characters). */
const OVERVIEW_SECTIONS = 4;

/** A Home tab view whose blocks are all ones this code builds (and `checkViewLimits` reads). */
export type HomeTabView = types.HomeView & { blocks: Block[] };

export function homeView(home: Home, m: Messages): HomeTabView {
  const h = m.visual.home;
  const head: Block[] = [header(h.title), context(escapeMrkdwn(h.intro(m.date(home.asOf))))];
  const seat = seatBlocks(home, m);
  const guide = home.owned.length === 0 ? [section(`*${h.guideTitle}*\n${h.guide}`)] : [];
  const admin = adminBlocks(home, m);
  const fixed = head.length + seat.length + guide.length + admin.length;
  const owned = home.owned.length ? ownedBlocks(home.owned, m, HOME_LIMITS.blocksPerView - fixed) : [];
  return {
    type: 'home',
    callback_id: HOME_CALLBACK_ID,
    blocks: fitViewBlocks([...head, ...seat, ...guide, ...owned, ...admin], h.omitted),
  };
}

/** The owned plans in at most `budget` blocks; a plan is shown whole or not at all. */
function ownedBlocks(plans: OwnedPlan[], m: Messages, budget: number): Block[] {
  const h = m.visual.home;
  const blocks: Block[] = [divider(), header(h.ownedTitle)];
  for (const [i, plan] of plans.entries()) {
    const group = planBlocks(plan, m);
    // One block stays free for the line that counts the plans left out.
    const room = budget - blocks.length - (i < plans.length - 1 ? 1 : 0);
    if (group.length > room) {
      blocks.push(context(h.morePlans(plans.length - i)));
      return blocks;
    }
    blocks.push(...group);
  }
  return blocks;
}

function planBlocks(plan: OwnedPlan, m: Messages): Block[] {
  const h = m.visual.home;
  const n = plan.plan.number;
  const title = `${m.circled(n)} ${nameOf(plan.plan, m)}`;
  const blocks: Block[] = [section(h.planLine(escapeMrkdwn(title), escapeMrkdwn(gradeLine(plan.grading, m)), statusLabel(plan.status, m)))];
  for (const figure of plan.figures.slice(0, FIGURES_PER_PLAN)) blocks.push(figureBlock(figure, m));
  if (plan.figures.length > FIGURES_PER_PLAN) blocks.push(context(h.moreFigures(plan.figures.length - FIGURES_PER_PLAN, n)));
  if (plan.figures.length === 0) blocks.push(context(h.nothingDue));
  blocks.push(
    actions(
      `home_plan_${n}`,
      button({ text: h.showButton, actionId: HOME_SHOW_PLAN_ACTION_ID, value: String(n) }),
      button({ text: h.chartButton, actionId: SHOW_CHART_ACTION_ID, value: String(n) }),
    ),
  );
  return blocks;
}

function figureBlock(f: HomeFigure, m: Messages): types.SectionBlock {
  const h = m.visual.home;
  const fy = m.fiscalYear(f.fiscalYear);
  const target = targetWords(f.target, f, m);
  const due = m.date(f.dueDate);
  const name = m.locale === 'en' ? (f.indicatorNameEn ?? f.indicatorName) : f.indicatorName;
  const line = f.state === 'overdue' ? h.overdue(fy, name, target, due, f.days) : h.due(fy, name, target, due, f.days);
  return {
    ...section(escapeMrkdwn(line)),
    accessory: button({
      text: h.recordButton,
      actionId: HOME_RECORD_FIGURE_ACTION_ID,
      value: `${f.actionPlanNumber}:${f.indicatorId}:${f.fiscalYear}`,
      ...(f.state === 'overdue' ? { style: 'primary' as const } : {}),
    }),
  };
}

function seatBlocks(home: Home, m: Messages): Block[] {
  const seat = home.seat;
  if (!seat) return [];
  const h = m.visual.home;
  const title = h.seatTitle(m.fiscalYear(seat.fiscalYear));
  const body = seat.pending.length
    ? h.seatPending(m.join(seat.pending.map((n) => m.circled(n))), seat.pending.length, seat.total)
    : h.seatDone(seat.total);
  return [divider(), section(`*${escapeMrkdwn(title)}*\n${escapeMrkdwn(body)}`)];
}

function adminBlocks(home: Home, m: Messages): Block[] {
  if (!home.overview) return [];
  const h = m.visual.home;
  const overdue = home.overview.reduce((sum, p) => sum + p.overdue, 0);
  const withOverdue = home.overview.filter((p) => p.overdue > 0).length;
  const lines = home.overview.map((p) =>
    h.adminLine(escapeMrkdwn(`${m.circled(p.plan.number)} ${nameOf(p.plan, m)}`), escapeMrkdwn(gradeLine(p.grading, m)), p.overdue),
  );
  const blocks: Block[] = [
    divider(),
    header(h.adminTitle),
    section(h.adminSummary(home.overview.length, overdue, withOverdue)),
    ...linesToSections(lines, OVERVIEW_SECTIONS, h.adminMore),
  ];
  const review = home.review;
  if (review) {
    const members = review.members.map((x) => h.reviewMember(mention(x.userId), x.graded, x.total));
    blocks.push(
      section(
        [
          `*${escapeMrkdwn(h.reviewTitle(m.fiscalYear(review.fiscalYear)))}*`,
          escapeMrkdwn(h.reviewProgress(review.agreed, review.total, review.dueDate ? m.date(review.dueDate) : null)),
          ...members,
        ].join('\n'),
      ),
    );
  }
  return blocks;
}

/** The seed's English name with PLAN_LOCALE=en, where it has one. */
function nameOf(plan: { name: string; nameEn: string | null }, m: Messages): string {
  return m.locale === 'en' ? (plan.nameEn ?? plan.name) : plan.name;
}
