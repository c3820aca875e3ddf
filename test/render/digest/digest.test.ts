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
  { id: 101, number: 1, name: '手続の電子化', nameEn: 'Online procedures', indicators: [{ id: 11, name: '電子申込システム利用率', unit: '%' }] },
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

  // #17 changed the digest on purpose: it used to list each figure and mention each plan's
  // owners in the channel; now it counts per plan and state, names nobody, and the owners
  // get the figures by DM.
  it('reads as Japanese: one line per plan with its counts by state, and no names or figure lines', () => {
    const { blocks, text } = renderDigestBlocks(fitDigest(digest, ja), ja);
    const texts = blockTexts(blocks);
    expect(texts[0]).toBe('情報化推進計画のお知らせ（2024年6月30日）');
    expect(texts[1]).toBe('期限超過 2件・提出期限間近 1件・目標未達 1件・担当者未設定 1件');
    expect(texts[2]).toBe('*① 手続の電子化*　期限超過 1件（最も古い期限 2022年6月30日）・提出期限間近 1件・担当者未設定');
    expect(texts[3]).toBe('*⑪ 入園事務支援のためのシステム再構築*　目標未達 1件');
    expect(texts.join('\n')).not.toMatch(/<@|U0AAA|電子申込システム利用率|最大待ち時間/);
    expect(texts.at(-2)).toBe(ja.reminders.digest.privacy);
    expect(text).toBe('情報化推進計画のお知らせ（2024年6月30日）：期限超過 2件・提出期限間近 1件・目標未達 1件・担当者未設定 1件');
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
  });

  it('escapes names so Slack cannot read them as links or mentions', () => {
    const texts = blockTexts(renderDigestBlocks(fitDigest(digest, ja), ja).blocks);
    expect(texts[4]).toBe('*⑬ 施設の&lt;ICT&gt;環境 &amp; 充実*　期限超過 1件（最も古い期限 2023年6月30日）');
  });

  it('prints the same counts as plain text for a dry run', () => {
    const out = renderDigestText(fitDigest(digest, ja), ja);
    expect(out).toContain('\n① 手続の電子化　期限超過 1件（最も古い期限 2022年6月30日）・提出期限間近 1件・担当者未設定\n');
    expect(out).toContain('⑬ 施設の<ICT>環境 & 充実　期限超過 1件（最も古い期限 2023年6月30日）');
    expect(out).not.toContain('U0AAA');
    expect(out).not.toContain('*');
  });

  it('has an English rendering with the same shape, naming plans in English where the plan has an English name', () => {
    const texts = blockTexts(renderDigestBlocks(fitDigest(digest, en), en).blocks);
    expect(texts[2]).toBe('*① Online procedures* — 1 overdue (oldest due 2022-06-30) · 1 due soon · no owner');
    // A plan with no English name keeps its own.
    expect(texts[3]).toBe('*⑪ 入園事務支援のためのシステム再構築* — 1 off target');
  });

  it('gives the oldest due date of a plan with several overdue figures', () => {
    const two = buildDigest('2024-07-01', [
      { ...FINDINGS[4]!, fiscalYear: 2022, dueDate: '2023-06-30' } as AlertFinding,
      { ...FINDINGS[4]!, fiscalYear: 2021, dueDate: '2022-06-30' } as AlertFinding,
    ], PLANS, OWNERS);
    expect(renderDigestText(two, ja)).toContain('期限超過 2件（最も古い期限 2022年6月30日）');
  });

  it('says so when the last digest may have arrived after all', () => {
    const texts = blockTexts(renderDigestBlocks(fitDigest(digest, ja), ja, LIMITS, { repeated: true }).blocks);
    expect(texts).toContain(ja.reminders.digest.repeated);
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
    // Whole plans only: every plan shown carries all ten of its items.
    expect(shown % 10).toBe(0);
    expect(blockTexts(blocks).at(-3)).toBe(`メッセージの上限を超えたため、ほか${fitted.deferred.length}件は次回の通知でお知らせします。`);
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
