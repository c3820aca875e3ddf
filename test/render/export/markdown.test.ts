import { describe, expect, it } from 'vitest';
import { exportEn } from '../../../src/messages/export-en.ts';
import { exportJa } from '../../../src/messages/export-ja.ts';
import { escapeInline, renderMarkdown } from '../../../src/render/export/markdown.ts';
import { loadSeedFile } from '../../../src/store/seed-file.ts';
import { seedExportModel } from './seed-model.ts';

const seed = loadSeedFile();
const circled = (n: number) => String.fromCodePoint(0x2460 + n - 1);

describe('renderMarkdown', () => {
  const md = renderMarkdown(seedExportModel({ sampleCommittee: true }), exportJa);
  const lines = md.split('\n');

  it('has every action plan heading, in the source order ①–⑳', () => {
    const headings = lines.filter((l) => l.startsWith('##### '));
    expect(headings).toEqual(seed.actionPlans.map((ap) => `##### ${circled(ap.number)} ${ap.name}`));
  });

  it('nests action plans under their basic policy and theme, as the document does', () => {
    const outline = lines.filter((l) => /^#{1,4} /.test(l));
    expect(outline).toEqual([
      '# 吹田市第4期情報化推進計画 進捗状況（令和2年度）',
      '## 第４期情報化推進計画の進捗状況',
      '### 基本方針1：市民のためのサービスデザイン',
      '#### 取組：手続',
      '#### 取組：情報発信',
      '#### 取組：福祉・健康',
      '#### 取組：子育て・学び',
      '### 基本方針2：市民を守るICT',
      '#### 取組：防災・防犯',
      '### 基本方針3：業務改善を支えるICT',
      '#### 取組：内部事務最適化',
      '## 【参考資料】5か年目標・実績',
    ]);
    const at = (text: string) => lines.indexOf(text);
    expect(at('#### 取組：防災・防犯')).toBeLessThan(at('##### ⑬ 施設のＩＣＴ環境の充実'));
    expect(at('##### ⑬ 施設のＩＣＴ環境の充実')).toBeLessThan(at('### 基本方針3：業務改善を支えるICT'));
  });

  it('gives each action plan its FY2020 figures, its 進捗状況 narrative and grade', () => {
    const section13 = md.slice(md.indexOf('##### ⑬'), md.indexOf('##### ⑭'));
    expect(section13).toContain('| 無線LANアクセス回数（回） | 3,000回 | 4,991回 | 166% | A 達成 |');
    expect(section13).toContain('**進捗状況（令和2年度の評価）**');
    expect(section13).toContain(seed.actionPlans[12]!.narrative!);
    expect(section13).toContain('**合意した評価**：A');
    expect(section13).toContain('**今後の方向性**：継続');
    const section4 = md.slice(md.indexOf('##### ④'), md.indexOf('##### ⑤'));
    expect(section4).toContain('| 施設稼働率の上昇率（%） | 10.00% | ▲16.68% | ▲167% | C 未達成 |');
    const section16 = md.slice(md.indexOf('##### ⑯'), md.indexOf('##### ⑰'));
    expect(section16).toContain('| 評価期間前 | 2,124人 |');
    for (const ap of seed.actionPlans) if (ap.narrative) expect(md).toContain(ap.narrative);
  });

  it('ends with the 【参考資料】 table holding every seed target and actual', () => {
    const reference = md.slice(md.indexOf('## 【参考資料】'));
    const rows = reference.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toBe('| 取組テーマ | アクションプラン | 評価指標 | 区分 | 令和元年度 | 令和2年度 | 令和3年度 | 令和4年度 | 令和5年度 |');
    expect(rows).toHaveLength(2 + 23 * 2);
    expect(rows).toContain('| 防災・防犯 | ⑬ 施設のＩＣＴ環境の充実 | 無線LANアクセス回数（回） | 目標 | 1,000回 | 3,000回 | 7,000回 | 10,000回 | 12,000回 |');
    expect(rows).toContain('|  |  |  | 実績 | 5,270回 | 4,991回 |  |  |  |');
    expect(rows).toContain('|  | ⑪ 入園事務支援のためのシステム再構築 | 最大待ち時間（分） | 目標 | 90分以内 | 30分以内 | 15分以内 | 15分以内 | 15分以内 |');
    const figures = rows.slice(2).flatMap((r) => r.split(' | ').slice(4)).filter((c) => /\d/.test(c)).length;
    const seedFigures = seed.actionPlans
      .flatMap((ap) => ap.indicators)
      .reduce((n, ind) => n + Object.keys(ind.targets).length + Object.keys(ind.actuals).length, 0);
    expect(figures).toBe(seedFigures);
  });

  it('speaks English with the English labels', () => {
    const en = renderMarkdown(seedExportModel({ locale: 'en' }), exportEn);
    expect(en).toContain('### Basic policy 2: 市民を守るICT');
    expect(en).toContain('| 無線LANアクセス回数 (times) | 3,000 times | 4,991 times | 166% | A on target |');
    expect(en).toContain('## Reference: five-year targets and actuals');
  });

  it('escapes markup in names and narratives so tables and headings hold', () => {
    const model = seedExportModel();
    const ap = model.policies[0]!.themes[0]!.actionPlans[0]!;
    ap.name = 'a | b *c*';
    ap.narrative = '# not a heading\n- not a list\n1. not a list either';
    const out = renderMarkdown(model, exportJa);
    expect(out).toContain('##### ① a \\| b \\*c\\*');
    expect(out).toContain('\\# not a heading\n\n\\- not a list\n\n1\\. not a list either');
    expect(escapeInline('<script>')).toBe('\\<script\\>');
  });
});
