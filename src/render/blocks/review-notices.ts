import type { SavedAssessment } from '../../../commands/review/assessment.ts';
import type { ReviewReminder } from '../../../commands/review/reminders.ts';
import type { SavedResponse } from '../../../commands/review/response.ts';
import type { ReviewHeader } from '../../../commands/review/results.ts';
import type { Messages } from '../../messages/index.ts';
import { gradeWord, MRKDWN } from '../review-words.ts';
import { actions, button, context, header, section, type SlackMessage } from './build.ts';
import { REVIEW_ACTION_IDS, REVIEW_BLOCK_IDS } from './review-ids.ts';

/** What the review sends on its own: the opening DM and channel line, the reminder, receipts. */

function summaryButton(fiscalYear: number, m: Messages) {
  return actions(
    REVIEW_BLOCK_IDS.noticeActions,
    button({ text: m.review.notices.openSummary, actionId: REVIEW_ACTION_IDS.summary, value: String(fiscalYear), style: 'primary' }),
  );
}

/** To each committee member when a review opens: what to do, by when, and the way in. */
export function reviewOpenedNotice(review: ReviewHeader, m: Messages): SlackMessage {
  const n = m.review.notices;
  const fy = m.fiscalYear(review.fiscalYear);
  const lines = [n.openedBody(fy), ...(review.meetingDate ? [n.meeting(m.date(review.meetingDate))] : [])];
  return {
    text: n.openedTitle(fy),
    blocks: [header(n.openedTitle(fy)), section(lines.join('\n')), summaryButton(review.fiscalYear, m), context(n.command(review.fiscalYear))],
  };
}

/** The one line for ALERT_CHANNEL: that it opened and how many were asked, naming nobody but the opener. */
export function reviewOpenedChannelLine(review: ReviewHeader, members: number, m: Messages): string {
  return m.review.notices.channel(m.fiscalYear(review.fiscalYear), MRKDWN.who(review.openedBy), members);
}

export function reviewReminderNotice(reminder: ReviewReminder, m: Messages): SlackMessage {
  const text = m.review.notices.reminder(m.fiscalYear(reminder.fiscalYear), m.date(reminder.meetingDate), reminder.owed, reminder.total);
  return { text, blocks: [section(`⏰ ${text}`), summaryButton(reminder.fiscalYear, m)] };
}

export function assessmentSavedMessage(saved: SavedAssessment, m: Messages): SlackMessage {
  const f = m.review.form;
  const text = f.savedAssessment(m.circled(saved.actionPlan.number), m.fiscalYear(saved.fiscalYear), gradeWord(saved.grade, m));
  return { text, blocks: [section(`✅ ${text}`), context(f.seeSheet(saved.fiscalYear, saved.actionPlan.number))] };
}

export function responseSavedMessage(saved: SavedResponse, m: Messages): SlackMessage {
  const f = m.review.form;
  const text = f.savedResponse(m.circled(saved.actionPlan.number), m.fiscalYear(saved.fiscalYear), m.review.wayForward[saved.wayForward]);
  return { text, blocks: [section(`✅ ${text}`), context(f.seeSheet(saved.fiscalYear, saved.actionPlan.number))] };
}
