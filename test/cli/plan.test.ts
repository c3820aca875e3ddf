import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the CLI the way `npm run plan -- …` does: a real process on a real database file. */
function plan(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/plan.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, PLAN_LOCALE: '', PLAN_CODE: '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
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

  it('names a bad variable and exits 2', () => {
    const { code, stderr } = plan(['13'], { PLAN_LOCALE: 'fr' });
    expect(code).toBe(2);
    expect(stderr).toContain('PLAN_LOCALE');
  });
});
