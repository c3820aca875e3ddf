/**
 * `npm run plan -- review …`: the CLI reads a review opened in Slack, as a real process on a
 * real database file. The review is opened here through the handlers, as the Slack door does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { submitAssessment } from '../../commands/review/assessment.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { entry } from '../support/entry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let dbPath: string;

function plan(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...entry('plan'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, PLAN_LOCALE: '', PLAN_CODE: '', PLAN_COMMITTEE: 'U0MEMBER1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-cli-review-'));
  dbPath = join(dir, 'plans.db');
  const now = new Date('2022-07-15T10:00:00+09:00');
  const db = await prepareDatabase(dbPath, { now });
  const p = (await findPlan(db))!;
  const ctx = (id: string, isAdmin: boolean) =>
    makeContext({ db, plan: p, now, dueRule: DEFAULT_DUE_DATE_RULE, actor: { id, isAdmin, canOpenForms: true }, committee: ['U0MEMBER1'] });
  expect((await answer('review open 2020 meeting 2022-08-20', ctx('U0ADMIN', true))).kind).toBe('review');
  expect((await submitAssessment(ctx('U0MEMBER1', false), { fiscalYear: 2020, actionPlanNumber: 13, grade: 'B', opinion: '周知を工夫してほしい' })).ok).toBe(true);
  await db.destroy();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run plan -- review', () => {
  // Each case starts a process that compiles the sources: slow on a busy machine.
  const SLOW = { timeout: 90_000 };

  it('prints the whole summary of FY2020, every plan with its grades, no pages', SLOW, () => {
    const { code, stdout } = plan(['review', '2020']);
    expect(code).toBe(0);
    expect(stdout).toContain('令和2年度の評価（懇談会）');
    expect(stdout).toContain('懇談会：2022年8月20日');
    for (const circled of ['①', '⑬', '⑳']) expect(stdout).toContain(circled);
    expect(stdout).toMatch(/⑬ 施設のＩＣＴ環境の充実\n\s+算定 A ／ 委員 B×1 ／ 意見1件 ／ 合意 —/);
    expect(stdout).toMatch(/⑦ .*\n\s+算定 — ／/);
  });

  it('prints ⑬’s sheet with the member named, and answers in English', SLOW, () => {
    const { code, stdout } = plan(['review', '2020', '13']);
    expect(code).toBe(0);
    expect(stdout).toContain('目標 3,000回 ／ 実績 4,991回 ／ 達成率 166% ／ 評価 A');
    expect(stdout).toContain('@U0MEMBER1　評価 B');
    expect(stdout).toContain('  周知を工夫してほしい');
    expect(plan(['review', '2020', '13'], { PLAN_LOCALE: 'en' }).stdout).toContain('target 3,000 times / actual 4,991 times / achievement 166% / grade A');
  });

  it('lists the reviews, and refuses what it cannot do with exit 1', SLOW, () => {
    expect(plan(['review']).stdout).toContain('令和2年度　受付中');
    const missing = plan(['review', '2019']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('令和元年度の評価はまだ開始されていません。評価のある年度：令和2年度');
    const open = plan(['review', 'open', '2021']);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('Slack の `/plan review open`');
  });
});
