/**
 * The review in Block Kit: every page of the summary and every sheet of the real FY2020 review
 * stays inside Slack's limits in both languages, and so does a sheet far fuller than any
 * committee writes. The modals keep to the modal limits and carry what was said before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../commands/answer.ts';
import { makeContext, type CommandContext } from '../../../commands/context.ts';
import type { AssessmentForm } from '../../../commands/review/assessment.ts';
import type { ReviewAnswer, ReviewProblem } from '../../../commands/review/results.ts';
import type { CommandResult } from '../../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../../src/domain/fiscal-year.ts';
import { messagesFor, type Locale } from '../../../src/messages/index.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { checkLimits } from '../../../src/render/blocks/limits.ts';
import { MODAL_LIMITS } from '../../../src/render/blocks/record-figure-modal.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM } from '../../../src/render/blocks/review-ids.ts';
import { buildAssessmentForm, buildResponseForm } from '../../../src/render/blocks/review-modals.ts';
import { reviewOpenedNotice, reviewReminderNotice } from '../../../src/render/blocks/review-notices.ts';
import { pageCount, SUMMARY_PAGE_SIZE } from '../../../src/render/blocks/review.ts';
import { findPlan } from '../../../src/store/action-plans.ts';
import type { PlanDb } from '../../../src/store/db.ts';
import { prepareDatabase } from '../../../src/store/prepare.ts';
import { submitFigure } from '../../../commands/record-figure.ts';
import { loadActionPlan } from '../../../src/store/action-plans.ts';
import { renderText } from '../../../src/render/text.ts';
import { blockTexts } from '../../support/block-texts.ts';

const NOW = new Date('2022-07-15T10:00:00+09:00');
let db: PlanDb;
let ctx: CommandContext;

beforeAll(async () => {
  db = await prepareDatabase(':memory:', { now: NOW });
  const plan = (await findPlan(db))!;
  ctx = makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id: 'U0ADMIN', isAdmin: true, canOpenForms: true }, committee: ['U0M1'] });
  expect((await answer('review open 2020 meeting 2022-08-20', ctx)).kind).toBe('review');
  expect((await answer('review target 13 2022 9000 reason 中間見直し decision 第3回懇談会', ctx)).kind).toBe('review');
  const thirteen = (await loadActionPlan(db, plan.id, 13))!;
  const corrected = await submitFigure(
    ctx,
    { planId: plan.id, actionPlanNumber: 13, indicatorId: thirteen.indicators[0]!.id, fiscalYear: 2020, value: '5,010', note: '集計漏れを加算', source: 'slack' },
    { admins: ['U0ADMIN'] },
  );
  expect(corrected.ok).toBe(true);
});

afterAll(async () => {
  await db?.destroy();
});

const long = (n: number, unit = '長') => unit.repeat(n);

function reviewOf(result: CommandResult): ReviewAnswer {
  if (result.kind !== 'review') throw new Error(result.kind);
  return result.review;
}

describe.each<Locale>(['ja', 'en'])('in %s', (locale) => {
  const m = messagesFor(locale);

  it('fits every summary page and every sheet of the FY2020 review', async () => {
    const summary = reviewOf(await answer('review 2020', ctx));
    if (summary.type !== 'summary') throw new Error(summary.type);
    expect(pageCount(summary.rows.length)).toBe(2);
    for (const page of [1, 2, 3]) {
      const message = renderMessage(await answer(`review 2020 page ${page}`, ctx), m);
      expect(checkLimits(message), `page ${page}`).toEqual([]);
    }
    for (let n = 1; n <= 20; n++) expect(checkLimits(renderMessage(await answer(`review 2020 ${n}`, ctx), m)), `sheet ${n}`).toEqual([]);
  });

  it('shows each action plan on exactly one page, in order', async () => {
    const rowsOn = async (page: number) =>
      renderMessage(await answer(`review 2020 page ${page}`, ctx), m)
        .blocks.map((b) => b.block_id ?? '')
        .filter((id) => id.startsWith('review_row_'))
        .map((id) => Number(id.slice('review_row_'.length)));
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(await rowsOn(1)).toEqual(all.slice(0, SUMMARY_PAGE_SIZE));
    expect(await rowsOn(2)).toEqual(all.slice(SUMMARY_PAGE_SIZE));
  });

  it('keeps a sheet far fuller than any committee writes inside the limits, with its buttons', () => {
    const summary: ReviewAnswer = {
      type: 'sheet',
      review: { fiscalYear: 2020, openedBy: 'U0ADMIN', openedAt: NOW.toISOString(), meetingDate: '2022-08-20', openReason: long(500), closed: null },
      sheet: {
        actionPlan: {
          id: 1,
          number: 13,
          name: long(300),
          nameEn: null,
          policy: { number: 2, name: long(300), nameEn: null },
          theme: { name: long(300), nameEn: null },
          scheme: 'abcd',
          narrative: long(20_000),
          narrativeFiscalYear: 2020,
          grade: 'A',
          ungraded: null,
          indicators: Array.from({ length: 8 }, (_, i) => ({
            id: i,
            figureId: i,
            position: i + 1,
            name: `${long(300)}<!channel>`,
            nameEn: null,
            unit: '回',
            unitEn: null,
            comparator: null,
            direction: 'higher_is_better' as const,
            kind: 'count' as const,
            target: 123456789,
            targetRevised: true,
            actual: 987654321,
            provisional: false,
            recordedBy: 'U0ADMIN',
            recordedAt: NOW.toISOString(),
            beforeEvaluation: false,
            grade: 'A' as const,
            ungraded: null,
            achievement: { kind: 'ratio' as const, value: 8 },
          })),
        },
        assessments: Array.from({ length: 30 }, (_, i) => ({
          memberId: `U0MEMBER${i}`,
          grade: 'B' as const,
          opinion: `${long(2000, '意')}&<@U0ALL>`,
          recordedAt: NOW.toISOString(),
          earlier: i,
        })),
        agreed: { grade: 'B', recordedBy: 'U0ADMIN', recordedAt: NOW.toISOString() },
        response: { response: long(2000, '応'), wayForward: 'expand', recordedBy: 'U0ADMIN', recordedAt: NOW.toISOString() },
        corrections: Array.from({ length: 40 }, () => ({
          actionPlanNumber: 13,
          indicatorName: long(200),
          unit: '回',
          before: 1,
          value: 2,
          reason: long(500),
          correctedBy: 'U0ADMIN',
          correctedAt: NOW.toISOString(),
        })),
      },
    };
    const message = renderMessage({ kind: 'review', review: summary }, m);
    expect(checkLimits(message)).toEqual([]);
    expect(message.blocks.at(-1)!.type).toBe('actions');
    // Names from the data never ping anyone.
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(message.blocks)).not.toContain('<@U0ALL>');
  });

  it('builds the modals inside the modal limits, filled with what was said before', () => {
    const header = { number: 13, name: long(300), nameEn: null, policy: { number: 2, name: 'p', nameEn: null }, theme: 't', themeEn: null };
    const assessment: AssessmentForm = {
      planId: 1,
      fiscalYear: 2020,
      actionPlanNumber: 13,
      actionPlan: header,
      scheme: 'marks',
      grades: ['double_circle', 'circle', 'triangle', 'cross'],
      computed: 'circle',
      current: { grade: 'triangle', opinion: '前の意見' },
    };
    for (const view of [
      buildAssessmentForm(assessment, m),
      buildResponseForm({ planId: 1, fiscalYear: 2020, actionPlanNumber: 13, actionPlan: header, opinions: 3, current: { response: '前の対応', wayForward: 'reduce' } }, m),
    ]) {
      expect(view.title.text.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
      expect(view.blocks.length).toBeLessThanOrEqual(MODAL_LIMITS.blocks);
      for (const text of blockTexts(view.blocks)) expect(text.length).toBeLessThanOrEqual(MODAL_LIMITS.textObject);
      expect(JSON.parse(view.private_metadata!)).toEqual({ planId: 1, fiscalYear: 2020, actionPlanNumber: 13 });
    }
    const a = buildAssessmentForm(assessment, m);
    expect(a.callback_id).toBe(ASSESSMENT_FORM.callbackId);
    const grade = a.blocks.find((b) => b.block_id === ASSESSMENT_FORM.blocks.grade) as { element: { options: { text: { text: string } }[]; initial_option: { value: string } } };
    expect(grade.element.options.map((o) => o.text.text)).toEqual(['◎', '○', '△', '×']);
    expect(grade.element.initial_option.value).toBe('triangle');
    const r = buildResponseForm({ planId: 1, fiscalYear: 2020, actionPlanNumber: 13, actionPlan: header, opinions: 3, current: { response: '前の対応', wayForward: 'reduce' } }, m);
    expect(r.callback_id).toBe(RESPONSE_FORM.callbackId);
    expect(JSON.stringify(r.blocks)).toContain('"initial_value":"前の対応"');
    expect(JSON.stringify(r.blocks)).toContain(`"initial_option":{"text":{"type":"plain_text","text":"${m.review.wayForward.reduce}"`);
  });

  it('marks a revised target 見直し後 and a corrected actual 修正あり in the answers and the history', async () => {
    const revised = locale === 'ja' ? '9,000回（見直し後）' : '9,000 times (revised)';
    const corrected = locale === 'ja' ? '5,010回（修正あり）' : '5,010 times (corrected)';
    const show = await answer('13', ctx);
    const blocks = blockTexts(renderMessage(show, m).blocks).join('\n');
    for (const shown of [blocks, renderText(show, m)]) {
      expect(shown).toContain(revised);
      expect(shown).toContain(corrected);
    }
    const history = await answer('history 13', ctx);
    for (const shown of [blockTexts(renderMessage(history, m).blocks).join('\n'), renderText(history, m)]) {
      expect(shown).toContain(m.review.history.correction('集計漏れを加算'));
      expect(shown).toContain(m.review.history.targets);
      expect(shown).toContain(m.review.history.why('中間見直し', '第3回懇談会'));
    }
  });

  it('words every refusal, inside the limits, even a year missing a thousand actuals', () => {
    const missing = Array.from({ length: 1000 }, (_, i) => ({ actionPlanNumber: (i % 20) + 1, indicatorName: long(100), kind: 'no_actual' as const }));
    const problems: ReviewProblem[] = [
      { code: 'no_review', fiscalYear: 2021, years: [2019, 2020] },
      { code: 'no_review', fiscalYear: 2021, years: [] },
      { code: 'already_open', fiscalYear: 2020, openedBy: 'U0ADMIN', openedAt: NOW.toISOString(), closed: true },
      { code: 'missing_actuals', fiscalYear: 2021, missing },
      { code: 'outside_plan', fiscalYear: 2030, first: 2019, last: 2023 },
      { code: 'year_not_closed', fiscalYear: 2024 },
      { code: 'meeting_in_past', date: '2020-01-01' },
      { code: 'review_closed', fiscalYear: 2020, closedAt: NOW.toISOString() },
      { code: 'not_in_review', fiscalYear: 2020, number: 99 },
      { code: 'grade_not_in_scheme', grade: 'double_circle', allowed: ['A', 'B', 'C', 'D'] },
      { code: 'members_only' },
      { code: 'owners_and_admins_only', number: 13, owners: ['U0OWNER'] },
      { code: 'owners_and_admins_only', number: 13, owners: [] },
      { code: 'target_locked', fiscalYear: 2020 },
      { code: 'no_target_year', number: 13, fiscalYear: 2030 },
      { code: 'no_such_indicator', number: 8, position: 3, count: 2 },
      { code: 'which_indicator', number: 8, count: 2 },
      { code: 'bad_target', problem: { code: 'not_a_number', text: '<!here>' } },
      { code: 'reason', field: 'reason', problem: { code: 'required' } },
      { code: 'reason', field: 'decision', problem: { code: 'too_long', length: 600, limit: 500 } },
      { code: 'open_from_slack' },
    ];
    for (const problem of problems) {
      const result: CommandResult = { kind: 'error', error: { code: 'review', problem } };
      const message = renderMessage(result, m);
      expect(checkLimits(message), problem.code).toEqual([]);
      expect(renderText(result, m).trim(), problem.code).not.toBe('');
      expect(JSON.stringify(message.blocks)).not.toContain('<!here>');
    }
  });

  it('keeps the notices inside the limits', () => {
    const review = { fiscalYear: 2020, openedBy: 'U0ADMIN', openedAt: NOW.toISOString(), meetingDate: '2022-08-20', openReason: null, closed: null };
    expect(checkLimits(reviewOpenedNotice(review, m))).toEqual([]);
    expect(checkLimits(reviewReminderNotice({ memberId: 'U0M1', fiscalYear: 2020, meetingDate: '2022-08-20', owed: 3, total: 13 }, m))).toEqual([]);
  });
});
