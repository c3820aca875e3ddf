import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCli } from '../../src/cli/export.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { parseCsv } from '../../src/render/export/csv.ts';
import { loadSeedFile } from '../../src/store/seed-file.ts';
import { testIo } from '../support/cli-io.ts';
import { entry } from '../support/entry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ja = messagesFor('ja');
const NOW = new Date('2024-08-01T09:00:00+09:00');
let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-export-'));
  env = { DATABASE_PATH: join(dir, 'plans.db') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[], extraEnv: Record<string, string> = {}) => {
  const io = testIo({ cwd: dir, env: { ...env, ...extraEnv }, now: NOW });
  const code = await exportCli(args, io);
  return { code, io };
};

describe('npm run export', () => {
  it('writes the figures CSV to stdout with "-": every indicator × year of the plan', async () => {
    const { code, io } = await run(['--format', 'csv', '--out', '-']);
    expect(code).toBe(0);
    expect(io.out().subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { rows, errors } = parseCsv(io.out());
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(23 * 5);
  });

  it('writes the workbook named after the plan and the day, its 一覧 holding every seed figure', { timeout: 60_000 }, async () => {
    const { code, io } = await run([]);
    expect(code).toBe(0);
    const path = join(dir, 'suita-4_FY2020_2024-08-01.xlsx');
    expect(io.text()).toContain(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets).toHaveLength(21);
    const list = workbook.getWorksheet('一覧')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(list.autoFilter).toBeTruthy();
    const header = (list.getRow(2).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const cells = new Map<string, [unknown, unknown]>();
    list.eachRow((row, n) => {
      if (n <= 2) return;
      const v = row.values as unknown[];
      cells.set(`${v[col('No.')]}/${v[col('評価指標')]}/${v[col('年度')]}`, [v[col('目標')] ?? null, v[col('実績')] ?? null]);
    });
    const seed = loadSeedFile();
    let figures = 0;
    for (const ap of seed.actionPlans) {
      for (const ind of ap.indicators) {
        for (let fy = 2019; fy <= 2023; fy++) {
          const [target, actual] = [...(cells.get(`${ja.circled(ap.number)}/${ind.name}/${ja.fiscalYear(fy)}`) ?? ['missing', 'missing'])];
          expect([target, actual], `${ap.number} ${ind.name} ${fy}`).toEqual([ind.targets[String(fy)] ?? null, ind.actuals[String(fy)]?.value ?? null]);
          figures += Number(target !== null) + Number(actual !== null);
        }
      }
    }
    expect(figures).toBe(seed.actionPlans.flatMap((ap) => ap.indicators).reduce((n, i) => n + Object.keys(i.targets).length + Object.keys(i.actuals).length, 0));
  });

  it('writes the review as Markdown in English with PLAN_LOCALE=en', async () => {
    const { code } = await run(['-f', 'md', '-o', 'review.md'], { PLAN_LOCALE: 'en' });
    expect(code).toBe(0);
    const md = readFileSync(join(dir, 'review.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 吹田市第4期情報化推進計画: progress (FY2020)');
  });

  it.each([
    [['--format', 'pdf'], 1, '--format pdf'],
    [['--year', 'someday'], 1, '--year someday'],
    [['--year', '2030'], 1, '令和12年度は計画期間（令和元年度〜令和5年度）の外です。'],
    [['--plan', 'osaka-1'], 1, '計画「osaka-1」はありません。登録されている計画：suita-4'],
    [['--colour'], 1, "Unknown option '--colour'"],
  ])('refuses %j with exit %i, saying why', async (args, exit, words) => {
    const { code, io } = await run(args);
    expect(code).toBe(exit);
    expect(io.errors()).toContain(words);
  });

  it('stops with exit 2 on a wrong configuration', async () => {
    const { code, io } = await run([], { PLAN_LOCALE: 'fr' });
    expect(code).toBe(2);
    expect(io.errors()).toContain('PLAN_LOCALE');
  });

  it('runs as its own process (src/bin/export.ts), exit 0 with the file written', { timeout: 60_000 }, () => {
    const out = join(dir, 'spawned.json');
    const ok = spawnSync(process.execPath, [...entry('export'), '--format', 'json', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...env, PLAN_LOCALE: '', PLAN_CODE: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(loadSeedFile());
  });
});
