/** List, search, policy and theme answers: one line per action plan with its worst status. */
import { describe, expect, it } from 'vitest';
import type { ActionPlanSummary, CommandResult } from '../../../commands/results.ts';
import { ja } from '../../../src/messages/ja.ts';
import { renderMessage } from '../../../src/render/blocks/index.ts';
import { UNGRADED } from '../../support/results.ts';

function item(number: number, status: ActionPlanSummary['status']): ActionPlanSummary {
  return {
    number,
    name: `プラン${number}`,
    nameEn: null,
    policy: { number: 1, name: 'p', nameEn: null },
    theme: '手続',
    themeEn: null,
    status,
    indicatorCount: 1,
    grading: UNGRADED,
  };
}

function list(scope: Extract<CommandResult, { kind: 'action_plan_list' }>['scope'], items: ActionPlanSummary[]): CommandResult {
  return { kind: 'action_plan_list', scope, items, asOf: '2024-08-01', share: false };
}

describe('the list answer', () => {
  it('gives a title, the count and one line per action plan with its worst status', () => {
    const message = renderMessage(list({ kind: 'all' }, [item(1, 'achieved'), item(2, 'overdue'), item(3, null)]), ja);
    const shown = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: ja.list.title } });
    expect(shown).toContain('3件');
    const lines = (message.blocks[2] as { text: { text: string } }).text.text.split('\n');
    expect(lines).toEqual([
      '✅ *① プラン1*　達成 ／ 手続',
      '⚠️ *② プラン2*　未提出（期限超過） ／ 手続',
      '— *③ プラン3*　手続',
    ]);
    expect(shown).toContain(ja.list.hint);
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
