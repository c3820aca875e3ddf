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

  it('lists all 20 plans with a status each', () => {
    const { code, stdout } = plan(['list']);
    expect(code).toBe(0);
    for (const circled of ['①', '⑩', '⑳']) expect(stdout).toContain(circled);
    expect(stdout.split('\n').filter((l) => /^[✅❌⏳⚠️➖]/u.test(l))).toHaveLength(20);
    expect(plan([]).stdout).toBe(stdout);
  });

  it('lists overdue figures as of a given date', () => {
    const { code, stdout } = plan(['overdue', '--date', '2024-07-01']);
    expect(code).toBe(0);
    expect(stdout).toContain('2024年7月1日');
    expect(stdout).toMatch(/⑬ 施設のＩＣＴ環境の充実: 令和3年度 無線LANアクセス回数/);
    expect(stdout).not.toMatch(/⑬[^\n]*令和2年度/);
  });

  it('prints help', () => {
    const { code, stdout } = plan(['help']);
    expect(code).toBe(0);
    expect(stdout).toContain('/plan search 防犯');
  });

  it('speaks English with PLAN_LOCALE=en', () => {
    const { stdout } = plan(['13'], { PLAN_LOCALE: 'en' });
    expect(stdout).toContain('FY2021');
    expect(stdout).toContain('5,270 times');
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
