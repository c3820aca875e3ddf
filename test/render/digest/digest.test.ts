import { describe, expect, it } from 'vitest';
import { buildDigest, shownItems, type ActionPlanLabels } from '../../../commands/alerts/digest.ts';
import { LIMITS } from '../../../src/render/blocks/limits.ts';
import { fitDigest, renderDigestBlocks } from '../../../src/render/digest/blocks.ts';
import { renderDigestText } from '../../../src/render/digest/text.ts';
import type { AlertFinding } from '../../../src/domain/alert-rules.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { blockTexts } from '../../support/alerts.ts';

const ja = messagesFor('ja');
const en = messagesFor('en');

const PLANS: ActionPlanLabels[] = [
  { id: 101, number: 1, name: '手続の電子化', indicators: [{ id: 11, name: '電子申込システム利用率', unit: '%' }] },
  { id: 111, number: 11, name: '入園事務支援のためのシステム再構築', indicators: [{ id: 21, name: '最大待ち時間', unit: '分' }] },
  { id: 113, number: 13, name: '施設の<ICT>環境 & 充実', indicators: [{ id: 31, name: '無線LAN<アクセス>回数', unit: '回' }] },
];

const FINDINGS: AlertFinding[] = [
  { rule: 'off_target', actionPlanId: 111, indicatorId: 21, fiscalYear: 2020, target: 15, direction: 'lower_is_better', actual: 20, revisionId: 5 },
  { rule: 'overdue', actionPlanId: 101, indicatorId: 11, fiscalYear: 2021, target: 30, direction: 'higher_is_better', dueDate: '2022-06-30', daysLate: 732 },
  { rule: 'due_soon', actionPlanId: 101, indicatorId: 11, fiscalYear: 2023, target: 50, direction: 'higher_is_better', dueDate: '2024-06-30', daysLeft: 0 },
  { rule: 'no_owner', actionPlanId: 101, overdueCount: 1 },
  { rule: 'overdue', actionPlanId: 113, indicatorId: 31, fiscalYear: 2022, target: 10000, direction: 'higher_is_better', dueDate: '2023-06-30', daysLate: 1 },
];

const OWNERS = new Map([
  [111, ['U0AAA', 'U0BBB']],
  [113, ['U0CCC']],
]);

describe('alert digest content', () => {
  const digest = buildDigest('2024-06-30', FINDINGS, PLANS, OWNERS);

  it('groups by action plan in plan order, the no-owner line first, then overdue, due soon, off target', () => {
    expect(digest.groups.map((g) => g.actionPlan.number)).toEqual([1, 11, 13]);
    expect(digest.groups[0]!.items.map((i) => i.finding.rule)).toEqual(['no_owner', 'overdue', 'due_soon']);
  });

  it('reads as Japanese: fiscal year, indicator, target, due date and how late, owners mentioned', () => {
    const { blocks, text } = renderDigestBlocks(fitDigest(digest, ja), ja);
    const texts = blockTexts(blocks);
    expect(texts[0]).toBe('情報化推進計画のお知らせ（2024年6月30日）');
    expect(texts[1]).toBe('期限超過 2件・提出期限間近 1件・目標未達 1件・担当者未設定 1件');
    expect(texts[2]).toBe(
      [
        '*① 手続の電子化*',
        '👤 担当者が未設定です。管理者が `/plan owner 1 add @ユーザー` で設定してください。',
        '⚠️ 令和3年度 電子申込システム利用率（目標 30%）提出期限 2022年6月30日・732日超過',
        '⏰ 令和5年度 電子申込システム利用率（目標 50%）提出期限 2024年6月30日・本日まで',
      ].join('\n'),
    );
    expect(texts[3]).toBe(
      [
        '*⑪ 入園事務支援のためのシステム再構築*　担当：<@U0AAA> <@U0BBB>',
        '❌ 令和2年度 最大待ち時間：実績 20分（目標 15分・少ないほど良い）に届きませんでした',
      ].join('\n'),
    );
    expect(text).toBe('情報化推進計画のお知らせ（2024年6月30日）：期限超過 2件・提出期限間近 1件・目標未達 1件・担当者未設定 1件');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
  });

  it('escapes names so Slack cannot read them as links or mentions', () => {
    const texts = blockTexts(renderDigestBlocks(fitDigest(digest, ja), ja).blocks);
    expect(texts[4]).toContain('*⑬ 施設の&lt;ICT&gt;環境 &amp; 充実*　担当：<@U0CCC>');
    expect(texts[4]).toContain('無線LAN&lt;アクセス&gt;回数');
  });

  it('prints the same digest as plain text for a dry run', () => {
    const out = renderDigestText(fitDigest(digest, ja), ja);
    expect(out).toContain('① 手続の電子化\n  👤 担当者が未設定です。');
    expect(out).toContain('⑪ 入園事務支援のためのシステム再構築　担当：@U0AAA @U0BBB');
    expect(out).toContain('⑬ 施設の<ICT>環境 & 充実');
    expect(out).not.toContain('*');
  });

  it('has an English rendering with the same shape', () => {
    const texts = blockTexts(renderDigestBlocks(fitDigest(digest, en), en).blocks);
    expect(texts[2]).toContain('⚠️ FY2021 電子申込システム利用率 (target 30%) due 2022-06-30, 732 days late');
    expect(texts[2]).toContain('is due 2024-06-30, today');
  });
});

/** N action plans with `perPlan` overdue items each, long names included. */
function bigDigest(planCount: number, perPlan: number) {
  const plans: ActionPlanLabels[] = [];
  const findings: AlertFinding[] = [];
  for (let p = 1; p <= planCount; p += 1) {
    const indicators = Array.from({ length: perPlan }, (_, i) => ({
      id: p * 1000 + i,
      name: `とても長い名前の指標${'あ'.repeat(40)}${i}`,
      unit: '件',
    }));
    plans.push({ id: p, number: p, name: `アクションプラン${p}${'い'.repeat(30)}`, indicators });
    for (const indicator of indicators) {
      findings.push({
        rule: 'overdue',
        actionPlanId: p,
        indicatorId: indicator.id,
        fiscalYear: 2021,
        target: 123456,
        direction: 'higher_is_better',
        dueDate: '2022-06-30',
        daysLate: 732,
      });
    }
  }
  return buildDigest('2024-07-01', findings, plans, new Map());
}

function expectWithinLimits(blocks: unknown[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks as Array<{ type: string; text?: { text: string } }>) {
    if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
  }
  expect(blockTexts(blocks).join('').length).toBeLessThanOrEqual(LIMITS.messageBlockText);
}

describe('alert digest limits', () => {
  it('fits 200 action plans × 10 alerts into one message and counts the rest for the next run', () => {
    const digest = bigDigest(200, 10);
    const fitted = fitDigest(digest, ja);
    const { blocks } = renderDigestBlocks(fitted, ja);
    expectWithinLimits(blocks);
    const shown = shownItems(fitted).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown + fitted.deferred.length).toBe(2000);
    expect(blockTexts(blocks).at(-2)).toBe(`メッセージの上限を超えたため、ほか${fitted.deferred.length}件は次回の通知でお知らせします。`);
  });

  it('keeps a section under 3000 characters by ending a long plan with "…ほか N件"', () => {
    const fitted = fitDigest(bigDigest(1, 200), ja, { ...LIMITS, messageBlockText: 100_000 });
    const { blocks } = renderDigestBlocks(fitted, ja);
    const section = (blocks[2] as { text: { text: string } }).text.text;
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(section).toMatch(/…ほか\d+件は次回お知らせします。$/);
    expect(fitted.groups[0]!.deferredCount).toBe(fitted.deferred.length);
  });

  it('stops at 50 blocks when there are many short groups', () => {
    const fitted = fitDigest(bigDigest(80, 1), ja, { ...LIMITS, messageBlockText: 100_000 });
    const { blocks } = renderDigestBlocks(fitted, ja);
    expect(blocks).toHaveLength(50);
    expect(fitted.groups).toHaveLength(47);
    expect(fitted.deferred).toHaveLength(33);
  });

  it('leaves a block free when asked (a preview adds its own preface)', () => {
    const fitted = fitDigest(bigDigest(80, 1), ja, { ...LIMITS, messageBlockText: 100_000 }, 1);
    expect(renderDigestBlocks(fitted, ja).blocks).toHaveLength(49);
  });
});
