import type { types } from '@slack/bolt';
import type { ReviewAnswer, ReviewRow } from '../../../commands/review/results.ts';
import type { Messages } from '../../messages/index.ts';
import { targetWords } from '../describe.ts';
import { computedWord, correctionLine, gradeWord, missingLine, MRKDWN, reviewState, snapshotFigure } from '../review-words.ts';
import { actions, button, context, divider, escapeMrkdwn, header, section, type Block, type SlackMessage } from './build.ts';
import { LIMITS, linesToSections, truncateMrkdwn } from './limits.ts';
import { REVIEW_ACTION_IDS, REVIEW_BLOCK_IDS, sheetValue } from './review-ids.ts';

/** The committee's review in Block Kit: the summary (paged), a sheet, and the answers to its commands. */

/** Action plans per summary page: with their policy and theme lines, well inside 50 blocks. */
export const SUMMARY_PAGE_SIZE = 10;
/** Cut so that ten members' opinions, the narrative and the response fit one message. */
export const OPINION_MAX = 600;
export const NARRATIVE_MAX = 800;
export const RESPONSE_MAX = 1000;

export function reviewMessage(review: ReviewAnswer, m: Messages): SlackMessage {
  switch (review.type) {
    case 'summary':
      return summaryMessage(review, m);
    case 'sheet':
      return sheetMessage(review, m);
    default:
      return answerMessage(review, m);
  }
}

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / SUMMARY_PAGE_SIZE));
}

function summaryMessage(s: Extract<ReviewAnswer, { type: 'summary' }>, m: Messages): SlackMessage {
  const r = m.review.summary;
  const fy = m.fiscalYear(s.review.fiscalYear);
  const title = r.title(fy);
  const pages = pageCount(s.rows.length);
  const page = Math.min(Math.max(1, s.page), pages);
  const about = [
    s.review.closed ? reviewState(s.review, m) : m.review.state.now,
    r.opened(MRKDWN.who(s.review.openedBy), m.instant(s.review.openedAt)),
    ...(s.review.meetingDate ? [r.meeting(m.date(s.review.meetingDate))] : []),
    r.members(s.memberCount),
    r.snapshot,
  ];
  const blocks: Block[] = [header(title), context(about.join(m.separator))];
  if (s.review.openReason) blocks.push(context(escapeMrkdwn(r.openReason(s.review.openReason))));
  if (page === 1 && s.missing.length) {
    blocks.push(section(`*${r.missingTitle}*\n${s.missing.map((x) => `・${missingLine(x, m, MRKDWN)}`).join('\n')}`));
  }
  if (page === 1 && s.corrections.length) {
    blocks.push(section(`*${r.correctionsTitle}*\n${s.corrections.map((c) => `・${correctionLine(c, m, MRKDWN)}`).join('\n')}`));
  }
  blocks.push(divider());

  let policy: number | null = null;
  let theme: string | null = null;
  for (const row of s.rows.slice((page - 1) * SUMMARY_PAGE_SIZE, page * SUMMARY_PAGE_SIZE)) {
    const p = row.actionPlan;
    if (p.policy.number !== policy) {
      policy = p.policy.number;
      theme = null;
      blocks.push(context(`*${escapeMrkdwn(r.policy(p.policy.number, p.policy.name))}*`));
    }
    if (p.theme !== theme) {
      theme = p.theme;
      blocks.push(context(escapeMrkdwn(r.theme(p.theme))));
    }
    blocks.push(rowBlock(row, s.review.fiscalYear, m));
  }

  blocks.push(context(`${r.page(page, pages)}${m.separator}${r.hint}`));
  const nav: types.Button[] = [];
  if (page > 1) nav.push(button({ text: r.previous, actionId: REVIEW_ACTION_IDS.previousPage, value: `${s.review.fiscalYear}:${page - 1}` }));
  if (page < pages) nav.push(button({ text: r.next, actionId: REVIEW_ACTION_IDS.nextPage, value: `${s.review.fiscalYear}:${page + 1}` }));
  if (nav.length) blocks.push(actions(REVIEW_BLOCK_IDS.pages, ...nav));
  return { text: `${title}（${reviewState(s.review, m)}）`, blocks };
}

function rowBlock(row: ReviewRow, fiscalYear: number, m: Messages): types.SectionBlock {
  const r = m.review.summary;
  const p = row.actionPlan;
  const tally = row.memberGrades.map((t) => r.tally(gradeWord(t.grade, m), t.count)).join(' ');
  const parts = [
    r.computed(computedWord(row.computed, null, m)),
    tally ? r.memberGrades(tally) : r.noMemberGrades,
    ...(row.opinions ? [r.opinions(row.opinions)] : []),
    row.agreed ? r.agreed(gradeWord(row.agreed, m)) : r.noAgreed,
    ...(row.wayForward ? [r.wayForward(m.review.wayForward[row.wayForward])] : []),
  ];
  const mark = row.corrected ? `　⚠️ ${m.review.corrected}` : '';
  return {
    type: 'section',
    block_id: `${REVIEW_BLOCK_IDS.rowPrefix}${p.number}`,
    text: { type: 'mrkdwn', text: `*${m.circled(p.number)} ${escapeMrkdwn(p.name)}*${mark}\n${parts.join(m.separator)}` },
    accessory: button({ text: r.open, actionId: REVIEW_ACTION_IDS.openSheet, value: sheetValue(fiscalYear, p.number) }),
  };
}

function sheetMessage(s: Extract<ReviewAnswer, { type: 'sheet' }>, m: Messages): SlackMessage {
  const t = m.review.sheet;
  const { actionPlan: ap } = s.sheet;
  const fy = m.fiscalYear(s.review.fiscalYear);
  const title = t.title(m.circled(ap.number), ap.name, fy);
  const blocks: Block[] = [
    header(title),
    context(
      escapeMrkdwn(m.plan.policy(ap.policy.number, ap.policy.name)),
      escapeMrkdwn(m.plan.theme(ap.theme.name)),
      reviewState(s.review, m),
      ...(s.review.meetingDate ? [m.review.summary.meeting(m.date(s.review.meetingDate))] : []),
    ),
  ];

  const figures = ap.indicators.map((i) => `*${escapeMrkdwn(i.name)}*${escapeMrkdwn(m.plan.unitNote(i.unit, i.direction === 'lower_is_better'))}\n${escapeMrkdwn(snapshotFigure(i, m))}`);
  blocks.push(section(`*${t.indicators}*\n${figures.join('\n')}`), context(t.computed(computedWord(ap.grade, ap.ungraded, m))));
  const corrections = s.sheet.corrections.map((c) => `⚠️ ${correctionLine(c, m, MRKDWN)}`);
  if (corrections.length) blocks.push(section(corrections.join('\n')));
  if (ap.narrative) {
    const heading = t.narrative(ap.narrativeFiscalYear ? m.fiscalYear(ap.narrativeFiscalYear) : null);
    blocks.push(section(`*${heading}*\n${truncateMrkdwn(escapeMrkdwn(ap.narrative), NARRATIVE_MAX)}`));
  }

  blocks.push(divider(), section(`*${t.assessments}*${s.sheet.assessments.length ? '' : `\n${t.noAssessments}`}`));
  for (const a of s.sheet.assessments) {
    const line = `${t.assessment(MRKDWN.who(a.memberId), gradeWord(a.grade, m), m.instant(a.recordedAt))}${a.earlier ? t.edited(a.earlier) : ''}`;
    const opinion = a.opinion ? `\n${quote(truncateMrkdwn(escapeMrkdwn(a.opinion), OPINION_MAX))}` : '';
    blocks.push(section(`${line}${opinion}`));
  }

  const agreed = s.sheet.agreed;
  blocks.push(
    divider(),
    section(
      `*${t.agreed}*\n${agreed ? t.agreedBy(gradeWord(agreed.grade, m), MRKDWN.who(agreed.recordedBy), m.instant(agreed.recordedAt)) : t.noAgreed}`,
    ),
  );
  const response = s.sheet.response;
  blocks.push(
    section(
      `*${t.response}*\n${
        response
          ? `${t.responseBy(m.review.wayForward[response.wayForward], MRKDWN.who(response.recordedBy), m.instant(response.recordedAt))}\n${quote(truncateMrkdwn(escapeMrkdwn(response.response), RESPONSE_MAX))}`
          : t.noResponse
      }`,
    ),
  );

  const value = sheetValue(s.review.fiscalYear, ap.number);
  const back = button({ text: t.back, actionId: REVIEW_ACTION_IDS.summary, value: String(s.review.fiscalYear) });
  if (s.review.closed) blocks.push(context(t.closedNote), actions(REVIEW_BLOCK_IDS.sheetActions, back));
  else {
    blocks.push(
      actions(
        REVIEW_BLOCK_IDS.sheetActions,
        button({ text: t.assess, actionId: REVIEW_ACTION_IDS.assess, value, style: 'primary' }),
        button({ text: t.respond, actionId: REVIEW_ACTION_IDS.respond, value }),
        back,
      ),
    );
  }
  return { text: title, blocks };
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** The answers to the review's commands: one short message each. */
function answerMessage(a: Exclude<ReviewAnswer, { type: 'summary' | 'sheet' }>, m: Messages): SlackMessage {
  if (a.type === 'list') {
    const r = m.review.list;
    if (a.reviews.length === 0) return { text: r.empty, blocks: [header(r.title), section(r.empty)] };
    const lines = a.reviews.map((v) => `・${r.line(`*${m.fiscalYear(v.fiscalYear)}*`, reviewState(v, m))}`);
    return {
      text: r.title,
      blocks: [header(r.title), ...linesToSections(lines, LIMITS.blocksPerMessage - 2, m.slack.more), context(r.hint)],
    };
  }
  if (a.type === 'committee') {
    const c = m.review.committee;
    const blocks: Block[] = [];
    let text = c.title;
    if (a.change) {
      const who = MRKDWN.who(a.change.userId);
      const { action, changed } = a.change;
      text = action === 'add' ? (changed ? c.added(who) : c.alreadyMember(who)) : changed ? c.removed(who) : c.notMember(who);
      blocks.push(section(`${changed ? '✅' : 'ℹ️'} ${text}`));
    }
    blocks.push(header(c.title));
    if (a.members.length === 0) blocks.push(section(c.none));
    else {
      const lines = a.members.map((x) => c.member(MRKDWN.who(x.userId), x.source));
      blocks.push(...linesToSections(lines, LIMITS.blocksPerMessage - blocks.length, m.slack.more));
    }
    return { text, blocks };
  }
  const lines = answerLines(a, m);
  return { text: lines[0]!, blocks: [section(`${a.duplicate ? 'ℹ️' : '✅'} ${lines[0]!}`), ...(lines.length > 1 ? [context(...lines.slice(1))] : [])] };
}

function answerLines(a: Extract<ReviewAnswer, { duplicate: boolean }>, m: Messages): string[] {
  if (a.duplicate) return [m.review.duplicate];
  switch (a.type) {
    case 'opened': {
      const o = m.review.opened;
      const fy = m.fiscalYear(a.review.fiscalYear);
      return [
        o.title(fy),
        o.locked(fy),
        ...(a.missing.length ? [o.missing(a.missing.length)] : []),
        a.members.length ? o.notified(a.members.length) : o.noMembers,
        o.next(`/plan review ${a.review.fiscalYear}`),
      ];
    }
    case 'closed':
      return [
        m.review.closed.title(m.fiscalYear(a.review.fiscalYear)),
        ...(a.withoutAgreed.length ? [m.review.closed.withoutAgreed(a.withoutAgreed.map((n) => m.circled(n)).join(' '))] : []),
      ];
    case 'agreed':
      return [
        `${m.review.agreed.saved(m.circled(a.actionPlan.number), m.fiscalYear(a.review.fiscalYear), gradeWord(a.grade, m))}${a.previous ? m.review.agreed.replaced(gradeWord(a.previous, m)) : ''}`,
      ];
    case 'target_revised': {
      const t = m.review.target;
      const unit = a.indicator;
      return [
        escapeMrkdwn(
          t.saved(
            m.circled(a.actionPlan.number),
            a.indicator.name,
            m.fiscalYear(a.fiscalYear),
            targetWords(a.previous, unit, m),
            targetWords(a.target, unit, m),
          ),
        ),
        escapeMrkdwn(t.why(a.reason, a.decision)),
        t.kept,
      ];
    }
  }
}
