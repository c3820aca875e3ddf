import type { PlanDb } from '../../src/store/db.ts';
import { findReview, listAgreedGrades, listAssessments, listResponses } from '../../src/store/reviews.ts';
import type { CommitteeReview } from './model.ts';

/** What the committee's review adds to an action plan's evaluation sheet. */
export interface ReviewForSheet {
  /** 課題: the review records none of its own yet, so the sheet leaves it blank. */
  issues: string | null;
  committee: CommitteeReview | null;
}

/**
 * The committee's review of each action plan for one fiscal year, by action plan id: each
 * member's latest grade and opinion, the latest agreed grade and the office's latest response.
 * Rows are append-only (src/store/reviews.ts), so "latest" is the highest id.
 */
export async function reviewsForSheets(db: PlanDb, planId: number, fiscalYear: number): Promise<ReadonlyMap<number, ReviewForSheet>> {
  const review = await findReview(db, planId, fiscalYear);
  if (!review) return new Map();
  const [assessments, agreed, responses] = await Promise.all([
    listAssessments(db, review.id),
    listAgreedGrades(db, review.id),
    listResponses(db, review.id),
  ]);
  const sheets = new Map<number, { issues: null; committee: CommitteeReview }>();
  const sheetOf = (actionPlanId: number) => {
    let sheet = sheets.get(actionPlanId);
    if (!sheet) {
      sheet = { issues: null, committee: { opinions: [], agreedGrade: null, officeResponse: null, wayForward: null } };
      sheets.set(actionPlanId, sheet);
    }
    return sheet.committee;
  };
  // One opinion per member: their latest row replaces the earlier ones (ids ascend).
  const latestByMember = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) latestByMember.set(`${a.actionPlanId}:${a.memberId}`, a);
  for (const a of latestByMember.values()) {
    sheetOf(a.actionPlanId).opinions.push({ member: a.memberId, grade: a.grade, text: a.opinion ?? '' });
  }
  for (const g of agreed) sheetOf(g.actionPlanId).agreedGrade = g.grade;
  for (const r of responses) Object.assign(sheetOf(r.actionPlanId), { officeResponse: r.response, wayForward: r.wayForward });
  return sheets;
}
