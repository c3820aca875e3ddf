import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Home, HomeFigure, OwnedPlan, PlanOverview } from '../../../commands/home.ts';
import type { PlanGrading } from '../../../commands/results.ts';
import { en } from '../../../src/messages/en.ts';
import { ja } from '../../../src/messages/ja.ts';
import { FIGURES_PER_PLAN, HOME_CALLBACK_ID, homeView } from '../../../src/render/blocks/home.ts';
import { HOME_RECORD_FIGURE_ACTION_ID, HOME_SHOW_PLAN_ACTION_ID, SHOW_CHART_ACTION_ID } from '../../../src/render/blocks/ids.ts';
import { checkViewLimits, HOME_LIMITS } from '../../../src/render/blocks/limits.ts';
import { textsUnder } from '../../support/block-texts.ts';

const graded = (grade: 'A' | 'C' | null): PlanGrading => ({
  scheme: 'abcd',
  latest: grade ? { fiscalYear: 2020, result: { grade, reason: null, complete: true, indicators: [] } } : null,
  reason: grade ? null : 'no_actual',
  closed: false,
  previous: null,
  trend: null,
  missingYears: [],
});

const header = (number: number, name = `アクションプラン${number}`) => ({
  number,
  name,
  nameEn: null,
  policy: { number: 1, name: '方針', nameEn: null },
  theme: 'テーマ',
  themeEn: null,
});

function figure(number: number, fiscalYear: number, state: 'due' | 'overdue', indicatorId = 45): HomeFigure {
  return {
    actionPlanNumber: number,
    indicatorId,
    indicatorName: '無線LANアクセス回数',
    indicatorNameEn: 'Wi-Fi sessions',
    unit: '回',
    comparator: null,
    fiscalYear,
    target: 7000,
    dueDate: `${fiscalYear + 1}-06-30`,
    state,
    days: state === 'overdue' ? 32 : 60,
  };
}

function owned(number: number, figures: HomeFigure[], grade: 'A' | 'C' | null = 'A'): OwnedPlan {
  return { plan: header(number), grading: graded(grade), status: figures.length ? 'overdue' : 'achieved', figures };
}

function home(partial: Partial<Home> = {}): Home {
  return { userId: 'U0OWNER', isAdmin: false, asOf: '2024-08-01', owned: [], overview: null, review: null, seat: null, ...partial };
}

type AnyBlock = types.KnownBlock & { accessory?: types.Button; elements?: types.Button[] };
const buttons = (view: types.HomeView) =>
  (view.blocks as AnyBlock[]).flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? (b.elements ?? []) : [])]);

describe('the Home tab', () => {
  it('lists an owner’s action plans with the grade, each due figure with its own 実績を入力, and 詳細・グラフ', () => {
    const view = homeView(
      home({ owned: [owned(13, [figure(13, 2021, 'overdue'), figure(13, 2023, 'due')]), owned(8, [], 'C')] }),
      ja,
    );
    expect(view).toMatchObject({ type: 'home', callback_id: HOME_CALLBACK_ID });
    expect(checkViewLimits(view)).toEqual([]);
    const text = textsUnder(view);
    expect(text).toContain('あなたが担当するアクションプラン');
    expect(text).toContain('*⑬ アクションプラン13*\n令和2年度 評価 A　⚠️ 未提出（期限超過）');
    expect(text).toContain('⚠️ 令和3年度 無線LANアクセス回数（目標 7,000回）提出期限 2022年6月30日・32日超過');
    expect(text).toContain('⏰ 令和5年度 無線LANアクセス回数（目標 7,000回）提出期限 2024年6月30日・あと60日');
    expect(text).toContain('2024年8月1日時点');
    expect(text).toContain(ja.visual.home.nothingDue);
    expect(text).not.toContain(ja.visual.home.guideTitle);
    expect(buttons(view).map((b) => [b.action_id, b.value])).toEqual([
      [HOME_RECORD_FIGURE_ACTION_ID, '13:45:2021'],
      [HOME_RECORD_FIGURE_ACTION_ID, '13:45:2023'],
      [HOME_SHOW_PLAN_ACTION_ID, '13'],
      [SHOW_CHART_ACTION_ID, '13'],
      [HOME_SHOW_PLAN_ACTION_ID, '8'],
      [SHOW_CHART_ACTION_ID, '8'],
    ]);
    // Block ids must be unique in a view; the actions blocks carry the plan number.
    const ids = (view.blocks as AnyBlock[]).flatMap((b) => (b.block_id ? [b.block_id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows someone who owns nothing a short guide, not an empty page', () => {
    const view = homeView(home(), ja);
    const text = textsUnder(view);
    expect(text).toContain(ja.visual.home.guideTitle);
    expect(text).toContain('`/plan 13 chart`');
    expect((view.blocks as AnyBlock[]).filter((b) => b.type === 'header').map((b) => textsUnder(b))).toEqual(['plan-bot']);
    expect(buttons(view)).toEqual([]);
    expect(checkViewLimits(view)).toEqual([]);
  });

  it('shows admins every action plan with its grade and overdue count, and the review’s progress when one is open', () => {
    const overview: PlanOverview[] = Array.from({ length: 20 }, (_, i) => ({
      plan: header(i + 1),
      grading: graded(i % 2 ? 'A' : null),
      status: 'overdue',
      overdue: i === 12 ? 3 : 0,
      owners: 1,
    }));
    const view = homeView(
      home({
        isAdmin: true,
        overview,
        review: { fiscalYear: 2023, dueDate: '2024-09-30', agreed: 5, total: 20, members: [{ userId: 'U0MEMBER', graded: 12, total: 20 }] },
      }),
      ja,
    );
    const text = textsUnder(view);
    expect(text).toContain('計画全体（管理者）');
    expect(text).toContain('アクションプラン 20件・期限超過の実績 3件（1件のアクションプラン）');
    expect(text).toContain('⑬ アクションプラン13　評価 —（実績未入力）　⚠️ 期限超過 3件');
    expect(text).toContain('⑫ アクションプラン12　令和2年度 評価 A');
    expect(text).toContain('*令和5年度 評価の進み具合*');
    expect(text).toContain('評価が確定したアクションプラン 5／20件（期限 2024年9月30日）');
    expect(text).toContain('<@U0MEMBER>　12／20件');
    expect(checkViewLimits(view)).toEqual([]);
  });

  it('tells a committee member what they have not graded yet, or thanks them', () => {
    const pending = textsUnder(homeView(home({ seat: { fiscalYear: 2023, dueDate: null, pending: [3, 4, 8], total: 20 } }), ja));
    expect(pending).toContain('*令和5年度 評価：あなたの未評価*\n未評価 3／20件：③、④、⑧');
    const done = textsUnder(homeView(home({ seat: { fiscalYear: 2023, dueDate: null, pending: [], total: 20 } }), ja));
    expect(done).toContain('20件すべて評価済みです。');
  });

  it('stays inside 100 blocks however much is owned and due, and counts what it leaves out', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      owned(i + 1, Array.from({ length: 12 }, (_, y) => figure(i + 1, 2000 + y, 'overdue'))),
    );
    const overview = many.map((p) => ({ plan: p.plan, grading: p.grading, status: p.status, overdue: 12, owners: 1 }));
    const view = homeView(home({ isAdmin: true, owned: many, overview, seat: { fiscalYear: 2023, dueDate: null, pending: [1], total: 60 } }), ja);
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_LIMITS.blocksPerView);
    expect(checkViewLimits(view)).toEqual([]);
    const text = textsUnder(view);
    expect(text).toContain(`…ほか${12 - FIGURES_PER_PLAN}件（\`/plan 1\` で確認できます）`);
    expect(text).toMatch(/…ほか\d+件のアクションプランは表示しきれませんでした。/);
    // The parts that are short by nature are never pushed out by the long one.
    expect(text).toContain('計画全体（管理者）');
    expect(text).toContain('未評価 1／60件：①');
  });

  it('speaks English with PLAN_LOCALE=en', () => {
    const text = textsUnder(homeView(home({ owned: [owned(13, [figure(13, 2021, 'overdue')])] }), en));
    expect(text).toContain('Action plans you own');
    expect(text).toContain('FY2020: grade A');
    expect(text).toContain('⚠️ FY2021 Wi-Fi sessions (target 7,000 times) was due 2022-06-30, 32 days late');
    expect(text).toContain('Record actual');
  });
});
