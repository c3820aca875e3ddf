/**
 * Ids Slack echoes back from the committee's review: buttons on the summary and the sheet, and
 * the two modals. Kept in one place so a button and its listener cannot drift apart; block ids
 * are stable, so Slack keeps what was typed when a modal is updated.
 */

/** Button values carry `<fiscal year>:<action plan number>` or `<fiscal year>:<page>`. */
export const REVIEW_ACTION_IDS = {
  /** A summary line's button → the sheet. */
  openSheet: 'review_open_sheet',
  /** Back to the summary (the sheet's button, the opening DM's button); value `<fiscal year>`. */
  summary: 'review_summary',
  previousPage: 'review_page_previous',
  nextPage: 'review_page_next',
  /** A member grades and comments: opens the assessment modal. */
  assess: 'review_assess',
  /** An owner or admin answers: opens the response modal. */
  respond: 'review_respond',
} as const;

export const REVIEW_BLOCK_IDS = {
  pages: 'review_pages',
  sheetActions: 'review_sheet_actions',
  noticeActions: 'review_notice_actions',
  /** Followed by the action plan number: one summary line each. */
  rowPrefix: 'review_row_',
} as const;

export const ASSESSMENT_FORM = {
  callbackId: 'review_assessment_modal',
  blocks: { heading: 'review_assessment_heading', grade: 'review_grade', opinion: 'review_opinion' },
  actions: { grade: 'review_grade_choice', opinion: 'review_opinion_text' },
} as const;

export const RESPONSE_FORM = {
  callbackId: 'review_response_modal',
  blocks: { heading: 'review_response_heading', response: 'review_response', wayForward: 'review_way_forward' },
  actions: { response: 'review_response_text', wayForward: 'review_way_forward_choice' },
} as const;

/** What both modals carry for their submission: which plan, year and action plan they were opened for. */
export interface ReviewFormMetadata {
  planId: number;
  fiscalYear: number;
  actionPlanNumber: number;
}

export function sheetValue(fiscalYear: number, number: number): string {
  return `${fiscalYear}:${number}`;
}
