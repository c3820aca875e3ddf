/** List, search, policy and theme answers: one line per action plan with its grade and what is missing. */
import { describe, expect, it } from 'vitest';
import type { ActionPlanSummary, CommandResult } from '../../../commands/results.ts';
import type { GradeCode } from '../../../src/domain/grading.ts';
import { en } from '../../../src/messages/en.ts';
import { ja } from '../../../src/messages/ja.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { UNGRADED } from '../../support/results.ts';

function graded(grade: GradeCode | null, missingYears: number[] = []): ActionPlanSummary['grading'] {
  return {
    ...UNGRADED,
    latest: grade ? { fiscalYear: 2020, result: { grade, reason: null, complete: true, indicators: [] } } : null,
    reason: grade ? null : 'before_evaluation_period',
    missingYears,
  };
}

function item(number: number, status: ActionPlanSummary['status'], grading = UNGRADED): ActionPlanSummary {
  return {
    number,
    name: `プラン${number}`,
    nameEn: null,
    policy: { number: 1, name: 'p', nameEn: null },
    theme: '手続',
    themeEn: null,
    status,
    indicatorCount: 1,
    grading,
  };
}

function list(scope: Extract<CommandResult, { kind: 'action_plan_list' }>['scope'], items: ActionPlanSummary[]): CommandResult {
  return { kind: 'action_plan_list', scope, items, asOf: '2024-08-01', share: false };
}

describe('the list answer', () => {
  // #13: lines lead with the grade (a mark per rank), not the worst status, and say the missing years apart.
  it('gives a title, the count and one line per action plan with its grade and missing years', () => {
    const items = [
      item(3, 'overdue', graded('D', [2021, 2022, 2023])),
      item(5, 'overdue', graded('A', [2021, 2022, 2023])),
      item(8, 'missed', graded('C')),
      item(7, 'no_target', graded(null)),
      { ...item(9, 'achieved'), grading: { ...graded('double_circle'), scheme: 'marks' as const } },
    ];
    const message = renderMessage(list({ kind: 'all' }, items), ja);
    const shown = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: ja.list.title } });
    expect(shown).toContain('5件');
    const lines = (message.blocks[2] as { text: { text: string } }).text.text.split('\n');
    expect(lines).toEqual([
      '🔴 *③ プラン3*　令和2年度 評価 D ／ ⚠️ 令和3〜5年度 実績未入力 ／ 手続',
      '🟢 *⑤ プラン5*　令和2年度 評価 A ／ ⚠️ 令和3〜5年度 実績未入力 ／ 手続',
      '🟠 *⑧ プラン8*　令和2年度 評価 C ／ 手続',
      '⚪ *⑦ プラン7*　評価 —（評価期間前） ／ 手続',
      '🟢 *⑨ プラン9*　令和2年度 評価 ◎ ／ 手続',
    ]);
    expect(shown).toContain(ja.list.hint);
    expect(shown).toContain(ja.grading.listLegend);
  });

  it('uses English names and themes in English', () => {
    const message = renderMessage(list({ kind: 'all' }, [{ ...item(5, 'achieved', graded('A')), nameEn: 'Better website', themeEn: 'Procedures' }]), en);
    expect((message.blocks[2] as { text: { text: string } }).text.text).toBe('🟢 *⑤ Better website*　FY2020: grade A / Procedures');
  });

  it.each([
    [{ kind: 'search', words: ['防犯', 'カメラ'] }, '「防犯 カメラ」の検索結果'],
    [{ kind: 'policy', number: 2, name: '市民を守るICT' }, '基本方針2：市民を守るICT'],
    [{ kind: 'theme', name: '防災・防犯' }, '取組テーマ：防災・防犯'],
  ] as Array<[Extract<CommandResult, { kind: 'action_plan_list' }>['scope'], string]>)('titles a %o answer', (scope, title) => {
    expect(renderMessage(list(scope, [item(13, 'missed')]), ja).blocks[0]).toMatchObject({ text: { text: title } });
  });

  it('says so when a search finds nothing, escaping what was typed', () => {
    const message = renderMessage(list({ kind: 'search', words: ['<b>'] }, []), ja);
    expect(JSON.stringify(message.blocks)).toContain('「&lt;b&gt;」に一致するアクションプランはありません。');
  });
});
