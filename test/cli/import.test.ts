import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCli } from '../../src/cli/export.ts';
import { importCli } from '../../src/cli/import.ts';
import { parseCsv, writeCsv } from '../../src/render/export/csv.ts';
import { SECOND_PLAN_FILE, secondPlan } from '../support/plan-files.ts';
import { testIo } from '../support/cli-io.ts';
import { entry } from '../support/entry.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NOW = new Date('2024-08-01T09:00:00+09:00');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store of its own (created, migrated and seeded on first use, as every entry point does). */
const store = (name: string) => ({ DATABASE_PATH: join(dir, `${name}.db`) });

async function cli(which: 'export' | 'import', args: string[], env: Record<string, string>) {
  const io = testIo({ cwd: dir, env, now: NOW, user: 'tanaka' });
  const code = await (which === 'export' ? exportCli : importCli)(args, io);
  return { code, out: io.out(), text: io.text(), errors: io.errors() };
}

const revisions = (env: Record<string, string>) => {
  const db = new SQLite(env.DATABASE_PATH!, { readonly: true });
  const { n } = db.prepare('select count(*) as n from actual_revision').get() as { n: number };
  db.close();
  return n;
};

/** The store's CSV with some figures changed, as someone would in Excel. */
async function editedCsv(env: Record<string, string>): Promise<string> {
  const { rows } = parseCsv((await cli('export', ['-f', 'csv', '-o', '-'], env)).out);
  const at = (ap: number, fy: number) => rows.find((r) => r.actionPlan === ap && r.fiscalYear === fy && r.indicatorPosition === 1)!;
  Object.assign(at(13, 2021), { actual: 6200, provisional: true, note: '=9月末時点, "暫定"\n要確認' });
  Object.assign(at(4, 2021), { actual: -3.25 });
  Object.assign(at(1, 2020), { note: '出典：年報' });
  const path = join(dir, 'edited.csv');
  writeFileSync(path, writeCsv(rows));
  return path;
}

describe('npm run import: figures', () => {
  it('round-trips the figures CSV: export → import into a fresh store → export gives the same bytes', { timeout: 60_000 }, async () => {
    const a = store('a');
    const edited = await editedCsv(a);
    const imported = await cli('import', [edited], a);
    expect(imported.code, imported.errors).toBe(0);
    expect(imported.text).toContain('新規 2件・変更 1件・変更なし 112件・拒否 0件');
    expect(imported.text).toContain('3件の実績を「tanaka」の取り込みとして記録しました。');
    const first = (await cli('export', ['-f', 'csv', '-o', 'first.csv'], a)).code;
    expect(first).toBe(0);

    const b = store('b');
    const intoFresh = await cli('import', [join(dir, 'first.csv')], b);
    expect(intoFresh.code, intoFresh.errors).toBe(0);
    expect((await cli('export', ['-f', 'csv', '-o', 'second.csv'], b)).code).toBe(0);
    expect(readFileSync(join(dir, 'second.csv')).equals(readFileSync(join(dir, 'first.csv')))).toBe(true);

    // And the file says nothing new to the store it came from.
    const again = await cli('import', [join(dir, 'first.csv')], a);
    expect(again.text).toContain('新規 0件・変更 0件・変更なし 115件・拒否 0件');
    expect(again.text).toContain('記録する変更はありません。');
  });

  it('shows the diff on a dry run and writes nothing', async () => {
    const c = store('c');
    const edited = await editedCsv(c);
    const before = revisions(c);
    const dry = await cli('import', [edited, '--dry-run'], c);
    expect(dry.code).toBe(0);
    expect(dry.text).toContain('79行目：新規　⑬ 無線LANアクセス回数 令和3年度：6,200回（暫定）');
    expect(dry.text).toContain('19行目：新規　④ 施設稼働率の上昇率 令和3年度：▲3.25%');
    expect(dry.text).toContain('ドライラン：何も書き込んでいません。');
    expect(revisions(c)).toBe(before);
  });

  it('refuses the whole file with line numbers when one figure is wrong, and writes nothing', async () => {
    const d = store('d');
    const edited = readFileSync(await editedCsv(d), 'utf8').split('\r\n');
    edited[7] = edited[7]!.replace(',0.9,', ',1.1,'); // line 8, ② FY2020: its target changed
    // ⑬ FY2022: not a plain number. Record 80, but line 81 of the file: the note above it spans two lines.
    edited[79] = edited[79]!.replace(',10000,,', ',10000,▲5,');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, edited.join('\r\n'));
    const before = revisions(d);
    const refused = await cli('import', [bad], d);
    expect(refused.code).toBe(1);
    expect(refused.errors).toContain('このファイルは取り込めません（問題 2件）。何も書き込んでいません。');
    expect(refused.errors).toContain('8行目：拒否　② 課税証明書コンビニ発行割合 令和2年度：目標 1.1% が計画の目標 0.9% と違います');
    expect(refused.errors).toContain('81行目：値が読めません（actual: "▲5" is not a plain number');
    expect(revisions(d)).toBe(before);
  });

  it('says what is wrong with the file itself', async () => {
    const e = store('e');
    writeFileSync(join(dir, 'sjis.csv'), Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]));
    expect(await cli('import', ['sjis.csv'], e)).toMatchObject({ code: 1, errors: expect.stringContaining('UTF-8 ではありません') });
    expect(await cli('import', ['missing.csv'], e)).toMatchObject({ code: 1, errors: expect.stringContaining('missing.csv を読めませんでした（ENOENT）') });
    expect(await cli('import', ['plans.txt'], e)).toMatchObject({ code: 1, errors: expect.stringContaining('種類が分かりません') });
    expect(await cli('import', [], e)).toMatchObject({ code: 1, errors: expect.stringContaining('使い方：npm run import') });
    expect(await cli('import', ['x.csv'], { ...e, PLAN_LOCALE: 'fr' })).toMatchObject({ code: 2 });
  });
});

describe('npm run import: a second plan', () => {
  it('imports the 5th plan end to end: dry run, import, answers, exports, and never twice', { timeout: 60_000 }, async () => {
    const f = store('f');
    const dry = await cli('import', [SECOND_PLAN_FILE, '--dry-run', '--strict'], f);
    expect(dry.code, dry.errors).toBe(0);
    expect(dry.text).toContain('次の内容を登録します（ドライラン：何も書き込んでいません）：');
    expect(dry.text).toContain('基本方針 2・取組テーマ 3・アクションプラン 4・評価指標 5・目標 24件・実績 5件');

    const created = await cli('import', [SECOND_PLAN_FILE, '--by', '情報政策室'], f);
    expect(created.code, created.errors).toBe(0);
    expect(created.text).toContain('計画 suita-5 を登録しました。');

    const csv = await cli('export', ['--plan', 'suita-5', '-f', 'csv', '-o', '-'], f);
    const { rows } = parseCsv(csv.out);
    expect(rows).toHaveLength(5 * 5);
    expect(rows.find((r) => r.actionPlan === 1 && r.fiscalYear === 2025)).toMatchObject({
      actual: 38.25,
      provisional: true,
      recordedBy: '情報政策室',
      recordedAt: NOW.toISOString(),
      note: '令和7年12月末時点の暫定値',
    });

    expect((await cli('export', ['--plan', 'suita-5', '-o', 'fifth.xlsx'], f)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'fifth.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '一覧',
      '①オンライン手続の拡大',
      '④窓口の待ち時間短縮',
      '②デジタル活用支援',
      '③オープンデータの公開',
    ]);

    const json = await cli('export', ['--plan', 'suita-5', '-f', 'json', '-o', '-'], f);
    expect(JSON.parse(json.text)).toEqual(secondPlan());

    const twice = await cli('import', [SECOND_PLAN_FILE], f);
    expect(twice.code).toBe(1);
    expect(twice.errors).toContain('計画 suita-5 はすでに登録されています。');
  });

  it('warns before writing, and refuses with --strict', async () => {
    const g = store('g');
    const spoilt = secondPlan();
    spoilt.actionPlans[1]!.narrative = '満足度は-2.5ポイント。';
    const path = join(dir, 'spoilt.json');
    writeFileSync(path, JSON.stringify(spoilt));
    const strict = await cli('import', [path, '--strict'], g);
    expect(strict.code).toBe(1);
    expect(strict.errors).toContain('データの確認事項 1件：');
    expect(strict.errors).toContain('②：本文の「満足度は-2.5ポイント」はマイナスを ▲ で書いていません');
    expect(strict.errors).toContain('--strict のため');
    const lenient = await cli('import', [path], g);
    expect(lenient.code).toBe(0);
    expect(lenient.errors).toContain('データの確認事項 1件：');
  });

  it('refuses a file that is not a plan file, naming where', async () => {
    const h = store('h');
    const broken = secondPlan() as unknown as { themes: { policy: unknown }[] };
    broken.themes[0]!.policy = 'one';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const refused = await cli('import', ['broken.json'], h);
    expect(refused.code).toBe(1);
    expect(refused.errors).toContain('計画ファイルの形式に合いません');
    expect(refused.errors).toContain('themes.0.policy：');
    writeFileSync(join(dir, 'cut.json'), '{"plan": {');
    expect(await cli('import', ['cut.json'], h)).toMatchObject({ code: 1, errors: expect.stringContaining('JSON として読めません') });
  });

  it('runs as its own process (src/bin/import.ts) with its exit code', { timeout: 60_000 }, () => {
    const env = store('spawned');
    const result = spawnSync(process.execPath, [...entry('import'), SECOND_PLAN_FILE, '--dry-run'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PLAN_LOCALE: '', PLAN_CODE: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('（suita-5）');
  });
});
