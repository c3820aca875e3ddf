import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../support/entry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** A chart loads ECharts, resvg and a 4.5 MB font in a fresh process: slower than an answer on a busy machine. */
const CHART_MS = 60_000;

/** Runs the CLI the way `npm run plan -- …` does: a real process on a real database file. */
function plan(args: string[], env: Record<string, string> = {}, timeoutMs = 20_000) {
  const result = spawnSync(process.execPath, [...entry('plan'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, PLAN_LOCALE: '', PLAN_CODE: '', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let dbPath: string;

const revisionCount = () => {
  const db = new SQLite(dbPath, { readonly: true });
  const { n } = db.prepare('select count(*) as n from actual_revision').get() as { n: number };
  db.close();
  return n;
};

describe('npm run plan (the offline CLI)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-bot-cli-'));
    dbPath = join(dir, 'data', 'plans.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates, migrates and seeds the database on first use and answers ⑬', () => {
    expect(existsSync(dbPath)).toBe(false);
    const { code, stdout } = plan(['13']);
    expect(code).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
    expect(stdout).toContain('⑬ 施設のＩＣＴ環境の充実');
    for (const figure of ['1,000回', '3,000回', '7,000回', '10,000回', '12,000回', '5,270回', '4,991回']) {
      expect(stdout).toContain(figure);
    }
    expect(stdout).toMatch(/令和元年度\s+1,000回\s+5,270回\s+✅ 達成/);
    expect(stdout).toContain('令和5年度');
  });

  it.each([['⑬'], ['013']])('answers %s like 13', (text) => {
    expect(plan([text]).stdout).toContain('⑬ 施設のＩＣＴ環境の充実');
  });

  // #13: each line leads with a grade mark (🟢 A … 🔴 D, ⚪ none) instead of the worst status.
  it('lists all 20 plans with a grade each', () => {
    const { code, stdout } = plan(['list']);
    expect(code).toBe(0);
    for (const circled of ['①', '⑩', '⑳']) expect(stdout).toContain(circled);
    expect(stdout.split('\n').filter((l) => /^[🟢🟡🟠🔴⚪] /u.test(l))).toHaveLength(20);
    expect(stdout).toMatch(/^🔴 ③ 納税者の利便性向上 {2}\[手続\] {2}令和2年度 評価 D/mu);
    expect(stdout).toMatch(/^🟢 ⑤ ホームページ等における情報発信の充実 {2}\[情報発信\] {2}令和2年度 評価 A/mu);
    expect(plan([]).stdout).toBe(stdout);
  });

  // #13: one line per action plan with a count and the oldest due date, not one per figure.
  it('lists overdue figures as of a given date, one line per action plan', () => {
    const { code, stdout } = plan(['overdue', '--date', '2024-07-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('2024年7月1日');
    expect(stdout).toContain('⑬ 施設のＩＣＴ環境の充実: 3件（令和3〜5年度）・最も古い提出期限 2022年6月30日（732日超過）');
    expect(stdout.split('\n').filter((l) => l.includes('⑬'))).toHaveLength(1);
  });

  it('prints help', () => {
    const { code, stdout } = plan(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain('npm run plan -- search 防犯');
    // Every verb the CLI can carry out is in its help, in its own syntax; `report` opens a Slack form.
    for (const verb of ['reminders', 'close', 'reopen', 'plans', 'export', 'review 2020', 'committee', '13 chart', 'history 13']) {
      expect(stdout, verb).toContain(`npm run plan -- ${verb}`);
    }
    expect(stdout).not.toContain('npm run plan -- report');
    expect(stdout).not.toMatch(/^\/plan /m);
  });

  it('speaks English with PLAN_LOCALE=en', () => {
    const { stdout } = plan(['13'], { PLAN_LOCALE: 'en' });
    expect(stdout).toContain('FY2021');
    expect(stdout).toContain('5,270 times');
    expect(stdout).toContain('⑬ ICT in public facilities');
    expect(stdout).toContain('Public Wi-Fi accesses');
  });

  it.each([
    ['99', '99'],
    ['0', '0'],
    ['abc', 'abc'],
    ['3000 characters', 'x'.repeat(3000)],
  ])('answers %s with one clear line and a non-zero exit, writing nothing', (_label, text) => {
    const before = revisionCount();
    const { code, stdout, stderr } = plan([text]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().length).toBeGreaterThan(0);
    expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(revisionCount()).toBe(before);
  });

  it('writes ⑬’s chart as a 1600×900 PNG with --out, exit 0', () => {
    const out = join(dir, '13.png');
    const { code, stdout, stderr } = plan(['13', 'chart', '--out', out], {}, CHART_MS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(stdout).toContain('令和2年度 評価 A');
    expect(stdout).toContain(`${out} に書き出しました（1600×900`);
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
  }, CHART_MS);

  it('reads --out=FILE and the verb-first form, in English with PLAN_LOCALE=en', () => {
    const out = join(dir, 'chart-11-en.png');
    const { code, stdout } = plan(['chart', '11', `--out=${out}`], { PLAN_LOCALE: 'en' }, CHART_MS);
    expect(code).toBe(0);
    expect(stdout).toContain('FY2020: grade A');
    expect(stdout).toContain(`Wrote ${out} (1600×900`);
    expect(existsSync(out)).toBe(true);
  }, CHART_MS);

  it.each([
    [['13', '--out', 'x.png'], '--out はグラフ（chart）と一緒に使います'],
    [['13', 'chart', '--out'], '--out の後に書き出すファイル名を指定してください'],
    [['99', 'chart', '--out', 'x.png'], 'アクションプラン 99 はありません'],
  ])('refuses %j with one line and exit 1, writing no file', (args, line) => {
    const { code, stdout, stderr } = plan(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(line);
    expect(existsSync(join(ROOT, 'x.png'))).toBe(false);
  });

  it('says where a chart could not be written, exit 1', () => {
    const out = join(dir, 'no-such-folder', '13.png');
    const { code, stderr } = plan(['13', 'chart', '--out', out], {}, CHART_MS);
    expect(code).toBe(1);
    expect(stderr).toContain(`${out} に書き出せませんでした（ENOENT）`);
  }, CHART_MS);

  it('names a bad variable and exits 2', () => {
    const { code, stderr } = plan(['13'], { PLAN_LOCALE: 'fr' });
    expect(code).toBe(2);
    expect(stderr).toContain('PLAN_LOCALE');
  });
});
