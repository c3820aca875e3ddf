/** The Block Kit answer for one action plan, rendered from a result object: no database, no Slack. */
import { describe, expect, it } from 'vitest';
import type { CommandResult, IndicatorView } from '../../../commands/results.ts';
import type { FigureStatus } from '../../../src/domain/status.ts';
import { en } from '../../../src/messages/en.ts';
import { ja } from '../../../src/messages/ja.ts';
import { NARRATIVE_MAX } from '../../../src/render/blocks/action-plan.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { checkLimits } from '../../../src/render/blocks/limits.ts';
import { UNGRADED, UNGRADED_YEAR } from '../../support/results.ts';
import { PLAN_ACTIONS_BLOCK_ID, RECORD_FIGURE_ACTION_ID, SHOW_CHART_ACTION_ID } from '../../../src/render/blocks/ids.ts';

const STATUSES: FigureStatus[] = ['achieved', 'missed', 'overdue', 'pending', 'no_target'];

function indicator(overrides: Partial<IndicatorView> = {}): IndicatorView {
  return {
    id: 1,
    name: '窓口の待ち時間',
    nameEn: null,
    kind: 'max_threshold',
    unit: '分',
    unitEn: null,
    noteEn: null,
    direction: 'lower_is_better',
    comparator: '以内',
    note: '令和2年度は臨時休館あり\n集計方法を変更',
    years: STATUSES.map((status, i) => ({
      fiscalYear: 2019 + i,
      target: status === 'no_target' ? null : 15,
      actual: status === 'achieved' ? 12 : status === 'missed' ? 18.5 : null,
      provisional: false,
      status,
      dueDate: `${2020 + i}-06-30`,
      beforeEvaluation: false,
      grade: UNGRADED_YEAR,
      note: null,
      noteEn: null,
      corrected: false,
      targetRevised: false,
    })),
    latest: { fiscalYear: 2020, target: 15, actual: 18.5, rate: 15 / 18.5 },
    status: 'overdue',
    ...overrides,
  };
}

function result(overrides: Partial<Extract<CommandResult, { kind: 'action_plan' }>['plan']> = {}, share = false) {
  return {
    kind: 'action_plan' as const,
    asOf: '2024-08-01',
    share,
    plan: {
      number: 3,
      name: '窓口＆オンライン手続<新>',
      nameEn: null,
      policy: { number: 1, name: '市民のためのサービスデザイン', nameEn: null },
      theme: '手続',
      themeEn: null,
      grading: UNGRADED,
      narrative: '待ち時間の短縮に取り組んだ。',
      narrativeFiscalYear: 2020,
      indicators: [indicator()],
      owners: ['U0OWNER1', 'U0OWNER2'],
      status: 'overdue' as const,
      ...overrides,
    },
  };
}

const texts = (message: ReturnType<typeof renderMessage>) => JSON.stringify(message.blocks);

describe('the action-plan answer', () => {
  const message = renderMessage(result(), ja, { userId: 'U0STAFF' });
  const blocks = message.blocks as Array<Record<string, any>>;

  it('opens with ③ and the name as a header (plain text: no escaping needed)', () => {
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '③ 窓口＆オンライン手続<新>', emoji: true } });
  });

  it('gives policy, theme and the day as context, then how it is doing apart from what is missing', () => {
    expect(blocks[1]!.type).toBe('context');
    expect(blocks[1]!.elements.map((e: { text: string }) => e.text)).toEqual([
      '基本方針1：市民のためのサービスデザイン',
      '取組：手続',
      '2024年8月1日時点',
    ]);
    // #13 replaced the old mixed headline (状況：⚠️ 未提出（期限超過）) with grade, then completeness.
    expect(blocks[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*評価：まだありません（実績未入力）*\n✅ 期限を過ぎた未入力の実績はありません' } });
  });

  it('shows the indicator with its unit and one line per fiscal year, with a symbol per status', () => {
    const indicatorText: string = blocks.filter((b) => b.type === 'section')[1]!.text.text;
    expect(indicatorText.split('\n')).toEqual([
      '*窓口の待ち時間*（単位：分・少ないほど良い）',
      '*令和元年度*　目標 15分以内 ／ 実績 12分　✅ 達成',
      '*令和2年度*　目標 15分以内 ／ 実績 18.5分　❌ 未達成',
      '*令和3年度*　目標 15分以内 ／ 実績 —　⚠️ 未提出（期限超過）',
      '*令和4年度*　目標 15分以内 ／ 実績 —　⏳ 集計中',
      '*令和5年度*　目標 — ／ 実績 —　➖ 目標なし',
    ]);
  });

  it('gives the achievement against the latest target and the notes', () => {
    expect(texts(message)).toContain('令和2年度の達成率 81%');
    expect(texts(message)).toContain('注記：令和2年度は臨時休館あり');
    expect(texts(message)).toContain('注記：集計方法を変更');
  });

  it('escapes names in mrkdwn but not in the plain-text header', () => {
    const escaped = renderMessage(result({ indicators: [indicator({ name: 'A<B>&C' })] }), ja);
    expect(texts(escaped)).toContain('*A&lt;B&gt;&amp;C*');
  });

  it('shows the progress narrative, shortened to fit', () => {
    expect(texts(message)).toContain('*進捗状況（令和2年度評価）*\\n待ち時間の短縮に取り組んだ。');
    const long = renderMessage(result({ narrative: 'あ'.repeat(NARRATIVE_MAX * 3) }), ja);
    const narrative = (long.blocks as Array<Record<string, any>>).find((b) => b.text?.text?.startsWith('*進捗状況'))!.text.text as string;
    expect(narrative.endsWith('…')).toBe(true);
    expect(narrative.length).toBeLessThan(NARRATIVE_MAX + 30);
  });

  it('mentions the owners', () => {
    expect(texts(message)).toContain('担当：<@U0OWNER1>, <@U0OWNER2>');
    expect(texts(renderMessage(result({ owners: [] }), ja))).toContain(ja.plan.noOwners);
  });

  it('ends with the record-a-figure and グラフ buttons carrying the action plan number', () => {
    expect(blocks.at(-1)).toEqual({
      type: 'actions',
      block_id: PLAN_ACTIONS_BLOCK_ID,
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: '実績を入力', emoji: true },
          action_id: RECORD_FIGURE_ACTION_ID,
          value: '3',
          style: 'primary',
        },
        {
          type: 'button',
          text: { type: 'plain_text', text: 'グラフ', emoji: true },
          action_id: SHOW_CHART_ACTION_ID,
          value: '3',
        },
      ],
    });
  });

  it('says who shared it only when shared', () => {
    expect(texts(message)).not.toContain('さんが共有');
    expect(texts(renderMessage(result({}, true), ja, { userId: 'U0STAFF' }))).toContain('<@U0STAFF> さんが共有');
  });

  it('has a fallback text for notifications, led by the grade', () => {
    expect(message.text).toBe('③ 窓口＆オンライン手続<新> — 評価：まだありません（実績未入力）');
  });

  it('speaks English with PLAN_LOCALE=en', () => {
    const english = renderMessage(result(), en);
    expect(texts(english)).toContain('*FY2019*　Target 15 min / Actual 12 min　✅ achieved');
    expect(texts(english)).toContain('Record a figure');
    expect(checkLimits(english)).toEqual([]);
  });
});

describe('the action-plan answer with grades (#13)', () => {
  const ratio = (value: number) => ({ kind: 'ratio' as const, value });
  const graded: Extract<CommandResult, { kind: 'action_plan' }>['plan']['grading'] = {
    scheme: 'abcd',
    latest: {
      fiscalYear: 2020,
      result: { grade: 'A', reason: null, complete: true, indicators: [{ met: true, achievement: ratio(1.6637), grade: 'A', reason: null }] },
    },
    previous: {
      fiscalYear: 2019,
      result: { grade: 'B', reason: null, complete: true, indicators: [{ met: false, achievement: ratio(0.9), grade: 'B', reason: null }] },
    },
    trend: 'improved',
    reason: null,
    missingYears: [2021, 2022, 2023],
    closed: false,
  };
  const gradedIndicator = indicator({
    name: '無線LANアクセス回数',
    nameEn: 'Public Wi-Fi accesses',
    kind: 'count',
    unit: '回',
    unitEn: 'times',
    direction: 'higher_is_better',
    comparator: null,
    note: '集計方法を変更',
    noteEn: null,
    years: [
      { ...indicator().years[0]!, fiscalYear: 2019, target: null, actual: null, status: 'no_target', grade: { met: null, achievement: null, grade: null, reason: 'before_evaluation_period' }, beforeEvaluation: true },
      { ...indicator().years[0]!, fiscalYear: 2020, target: 3000, actual: 4991, status: 'achieved', grade: { met: true, achievement: ratio(1.6637), grade: 'A', reason: null }, note: '9月末時点の件数', noteEn: 'count at the end of September' },
      { ...indicator().years[0]!, fiscalYear: 2021, target: 7000, actual: null, status: 'overdue', grade: UNGRADED_YEAR },
    ],
    latest: { fiscalYear: 2020, target: 3000, actual: 4991, rate: 1.6637 },
  });
  const plan = (overrides: Partial<Extract<CommandResult, { kind: 'action_plan' }>['plan']> = {}) =>
    result({ name: '施設のＩＣＴ環境の充実', nameEn: 'ICT in public facilities', grading: graded, indicators: [gradedIndicator], ...overrides });
  const sections = (message: ReturnType<typeof renderMessage>) =>
    (message.blocks as Array<Record<string, any>>).filter((b) => b.type === 'section').map((b) => b.text.text as string);

  it('leads with the latest grade and its achievement, then the trend, then the missing years on their own line', () => {
    const message = renderMessage(plan(), ja);
    expect(sections(message)[0]!.split('\n')).toEqual([
      '*令和2年度 評価 A（達成率 166%）*',
      '令和元年度の評価 B から ↗ 改善',
      '⚠️ 令和3〜5年度 実績未入力',
    ]);
    expect(message.text).toBe('③ 施設のＩＣＴ環境の充実 — 令和2年度 評価 A（達成率 166%）');
  });

  it('grades each year, says 評価期間前 as a state of its own and shows the figure’s note', () => {
    const message = renderMessage(plan(), ja);
    expect(sections(message)[1]!.split('\n')).toEqual([
      '*無線LANアクセス回数*（単位：回）',
      '*令和元年度*　目標 — ／ 実績 —　➖ 評価期間前',
      '*令和2年度*　目標 3,000回 ／ 実績 4,991回　✅ 達成 ／ 評価 A（達成率 166%）',
      '*令和3年度*　目標 7,000回 ／ 実績 —　⚠️ 未提出（期限超過）',
    ]);
    expect(texts(message)).toContain('注記（令和2年度の実績）：9月末時点の件数');
  });

  it('says 計画期間終了 instead of 期限超過 once the plan is closed', () => {
    const message = renderMessage(plan({ grading: { ...graded, closed: true } }), ja);
    expect(sections(message)[0]).toContain('➖ 令和3〜5年度 実績未入力（計画期間終了）');
    expect(sections(message)[1]).toContain('*令和3年度*　目標 7,000回 ／ 実績 —　➖ 未入力（計画期間終了）');
    expect(texts(message)).not.toContain('期限超過');
  });

  it('names the plan, indicator and unit in English, marking what stays Japanese', () => {
    const message = renderMessage(plan(), en);
    expect(message.text).toBe('③ ICT in public facilities — FY2020: grade A (166% of target)');
    expect(sections(message)[1]!.split('\n')).toEqual([
      '*Public Wi-Fi accesses* (unit: times)',
      '*FY2019*　Target — / Actual —　➖ before the evaluation period',
      '*FY2020*　Target 3,000 times / Actual 4,991 times　✅ achieved / grade A (166% of target)',
      '*FY2021*　Target 7,000 times / Actual —　⚠️ overdue',
    ]);
    expect(texts(message)).toContain('Note (FY2020 actual): count at the end of September');
    expect(texts(message)).toContain('Note: 集計方法を変更 (in Japanese)');
    expect(texts(message)).toContain('Progress (FY2020 review) (in Japanese)');
    expect(texts(message)).not.toContain('施設のＩＣＴ');
  });
});
