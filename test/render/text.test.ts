import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { renderText } from '../../src/render/text.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { Plan } from '../../src/store/schema.ts';
import { tempDatabase } from '../support/temp-db.ts';

/** The terminal renderer on its own: results of the real handlers, words checked line by line. */

let t: Awaited<ReturnType<typeof tempDatabase>>;
let plan: Plan;
const ja = messagesFor('ja');
const en = messagesFor('en');

const result = async (text: string) =>
  answer(
    text,
    makeContext({
      db: t.db,
      plan,
      now: new Date('2022-07-01T09:00:00+09:00'),
      dueRule: DEFAULT_DUE_DATE_RULE,
      actor: { id: 'cli', isAdmin: true, canOpenForms: false },
    }),
  );

beforeAll(async () => {
  t = await tempDatabase();
  plan = (await findPlan(t.db))!;
});
afterAll(() => t.cleanup());

describe('text renderer', () => {
  it('lays out ⑬ as a table of years with target, actual and status, in display-width columns', async () => {
    const lines = renderText(await result('13'), ja).split('\n');
    expect(lines[0]).toBe('⑬ 施設のＩＣＴ環境の充実');
    // One row per fiscal year of the plan, each with its status and, when graded, its grade.
    const rows = lines.filter((l) => /^令和(元|\d)年度\s+[\d,]+回/.test(l));
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^令和2年度\s+3,000回\s+4,991回\s+✅ 達成 ／ 評価 A（達成率 166%）$/);
  });

  it('puts the grade first, the trend next and the missing years on their own line (#13)', async () => {
    const lines = renderText(await result('13'), ja).split('\n');
    expect(lines.slice(1, 5)).toEqual([
      '基本方針2：市民を守るICT ／ 取組：防災・防犯 ／ 2022年7月1日時点',
      '令和2年度 評価 A（達成率 166%）',
      '令和元年度の評価 A から → 変わらず',
      '⚠️ 令和3年度 実績未入力',
    ]);
  });

  it('shows ② its counts, the figure note the source prints beside the percentage', async () => {
    expect(renderText(await result('2'), ja)).toContain('注記（令和2年度の実績）：進捗ページでは件数も併記：目標 650件（0.9%）、実績 1,730件（4.04%）。');
  });

  it('shows 評価期間前 for ⑥ GIS in FY2020, not 目標なし', async () => {
    const text = renderText(await result('6'), ja);
    const gis = text.slice(text.indexOf('公開型GIS'));
    expect(gis).toMatch(/令和2年度\s+—\s+—\s+➖ 評価期間前/);
    expect(gis.split('■')[0]).not.toContain('目標なし');
  });

  it('names ⑬ and its indicator in English, with English units', async () => {
    const text = renderText(await result('13'), en);
    expect(text.split('\n')[0]).toBe('⑬ ICT in public facilities');
    expect(text).toContain('■ Public Wi-Fi accesses (unit: times)');
    expect(text).toContain('FY2020: grade A (166% of target)');
    expect(text).toContain('Theme: Disaster and crime prevention');
    expect(text).not.toMatch(/施設のＩＣＴ|無線LANアクセス回数|防災/);
  });

  it('dates seeded figures by the source document and names the source once (history 13)', async () => {
    const lines = renderText(await result('history 13'), ja).split('\n');
    expect(lines).toContain('● 令和2年度：4,991回（計画資料・2021年10月1日）');
    expect(lines.join('\n').match(/計画資料/g)).toHaveLength(2);
  });

  it('groups /plan overdue by action plan: a count and the oldest due date', async () => {
    const lines = renderText(await result('overdue'), ja).split('\n');
    expect(lines[1]).toBe('アクションプラン17件・実績20件');
    expect(lines).toContain('⑥ オープンデータの推進と地図情報の活用: 2件（令和3年度）・最も古い提出期限 2022年6月30日（1日超過）');
    expect(renderText(await result('overdue'), en)).toContain('⑬ ICT in public facilities: 1 figure (FY2021), oldest due 2022-06-30 (1 day late)');
  });

  it('says search fields in help', async () => {
    const help = renderText(await result('help'), ja);
    expect(help).toContain('対象：アクションプラン名・指標名・注記・テーマ・基本方針・進捗状況（英語名も）');
    expect(help).toContain('/plan close');
  });

  it('writes English frames with English punctuation', async () => {
    const text = renderText(await result('13'), en);
    expect(text).toContain('FY2020');
    expect(text).not.toContain('：');
  });

  it('answers an error on one line and adds the help hint only to grammar mistakes', async () => {
    const parse = renderText(await result('frobnicate'), ja).split('\n');
    expect(parse).toHaveLength(2);
    expect(parse[1]).toBe(ja.errors.seeHelp);
    const missing = renderText(await result('99'), ja).split('\n');
    expect(missing).toHaveLength(1);
  });

  it('points the CLI to Slack for the figure form', async () => {
    expect(renderText(await result('report 13'), ja)).toBe(ja.errors.cliCannotOpenForms(13));
  });
});
