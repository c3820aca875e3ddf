/**
 * The committee's workbook carries the review (#15 → #16): each member's latest grade and
 * opinion, the agreed grade and the office's response; a reviewed year is locked to imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import { buildExportModel } from '../../../commands/export/build.ts';
import type { ExportModel } from '../../../commands/export/model.ts';
import { lockedYears } from '../../../commands/import/locks.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { renderMarkdown } from '../../../src/render/export/markdown.ts';
import { exportLabelsFor, exportWords } from '../../../src/render/export/file.ts';
import { findPlan, loadActionPlan } from '../../../src/store/action-plans.ts';
import { appendAgreedGrade, appendAssessment, appendResponse, findReview } from '../../../src/store/reviews.ts';
import { tempDatabase } from '../../support/temp-db.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
let t: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: CommandContext;
const m = messagesFor('ja');

const actionPlan = (model: ExportModel, n: number) =>
  model.policies.flatMap((p) => p.themes).flatMap((th) => th.actionPlans).find((ap) => ap.number === n)!;

beforeAll(async () => {
  t = await tempDatabase();
  const plan = (await findPlan(t.db, 'suita-4'))!;
  ctx = makeContext({ db: t.db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0ADMIN', isAdmin: true, canOpenForms: true } });
  expect((await answer('review open 2020 force 懇談会の準備', ctx)).kind).toBe('review');
  const review = (await findReview(t.db, plan.id, 2020))!;
  const thirteen = (await loadActionPlan(t.db, plan.id, 13))!;
  const base = { reviewId: review.id, actionPlanId: thirteen.id, requestKey: null };
  await appendAssessment(t.db, { ...base, memberId: 'U0MEMBER1', grade: 'B', opinion: '最初の意見', now: NOW });
  await appendAssessment(t.db, { ...base, memberId: 'U0MEMBER1', grade: 'A', opinion: '書き直した意見', now: NOW });
  await appendAssessment(t.db, { ...base, memberId: 'U0MEMBER2', grade: null, opinion: '周知を工夫してほしい', now: NOW });
  await appendAgreedGrade(t.db, { ...base, grade: 'A', recordedBy: 'U0ADMIN', now: NOW });
  await appendResponse(t.db, { ...base, response: '広報を強化します', wayForward: 'expand', recordedBy: 'U0ADMIN', now: NOW });
});
afterAll(() => t.cleanup());

describe("the committee's review in the export", () => {
  it("puts each member's latest opinion, the agreed grade and the response on ⑬'s sheet", async () => {
    const model = await buildExportModel(ctx, { fiscalYear: 2020, words: exportWords(m) });
    expect(actionPlan(model, 13).committee).toEqual({
      opinions: [
        { member: 'U0MEMBER1', grade: 'A', text: '書き直した意見' },
        { member: 'U0MEMBER2', grade: null, text: '周知を工夫してほしい' },
      ],
      agreedGrade: 'A',
      officeResponse: '広報を強化します',
      wayForward: 'expand',
    });
    expect(actionPlan(model, 12).committee ?? null).toBeNull();
    const markdown = renderMarkdown(model, exportLabelsFor(m));
    expect(markdown).toContain('書き直した意見');
    expect(markdown).not.toContain('最初の意見');
  });

  it('has no committee part for a year without a review', async () => {
    const model = await buildExportModel(ctx, { fiscalYear: 2021, words: exportWords(m) });
    expect(model.policies.flatMap((p) => p.themes).flatMap((th) => th.actionPlans).every((ap) => (ap.committee ?? null) === null)).toBe(true);
  });

  it('locks the reviewed year to imports', async () => {
    expect([...(await lockedYears(t.db, ctx.plan.id))]).toEqual([2020]);
  });
});
