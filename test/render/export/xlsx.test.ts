import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportEn } from '../../../src/messages/export-en.ts';
import { exportJa } from '../../../src/messages/export-ja.ts';
import { numberFormat, renderXlsx, safeSheetName, SheetNames } from '../../../src/render/export/xlsx.ts';
import { loadSeedFile } from '../../../src/store/seed-file.ts';
import { seedExportModel } from './seed-model.ts';

const seed = loadSeedFile();

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

/** Every text in a sheet, cell by cell. */
function texts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') out.push(cell.value);
  }));
  return out;
}

describe('renderXlsx (Japanese)', () => {
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await renderXlsx(seedExportModel({ sampleCommittee: true }), exportJa);
    workbook = await read(bytes);
  });

  it('is a zip (an .xlsx) with the list sheet first and one evaluation sheet per action plan', () => {
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('一覧');
    expect(names).toHaveLength(21);
    expect(names.slice(1).map((n) => n.codePointAt(0)! - 0x2460 + 1)).toEqual(seed.actionPlans.map((ap) => ap.number));
    expect(names[13]).toBe('⑬施設のＩＣＴ環境の充実');
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
  });

  it('lists every seed figure on the 一覧 sheet, one row per indicator × fiscal year', () => {
    const list = workbook.getWorksheet('一覧')!;
    const header = list.getRow(2).values as unknown[];
    expect(header.slice(1, 17)).toEqual([
      '基本方針', '取組テーマ', 'No.', 'アクションプラン', '評価指標', '単位', '年度', '目標', '実績',
      '暫定', '達成率', '評価', '状況', '最終更新（日本時間）', '更新者', '注記',
    ]);
    expect(list.rowCount).toBe(2 + 23 * 5);
    const rows = new Map<string, ExcelJS.Row>();
    for (let r = 3; r <= list.rowCount; r += 1) {
      const row = list.getRow(r);
      rows.set(`${row.getCell(3).value}/${row.getCell(5).value}/${row.getCell(7).value}`, row);
    }
    const circled = (n: number) => String.fromCodePoint(0x2460 + n - 1);
    const era = (fy: number) => (fy === 2019 ? '令和元年度' : `令和${fy - 2018}年度`);
    for (const ap of seed.actionPlans) {
      for (const ind of ap.indicators) {
        for (let fy = 2019; fy <= 2023; fy += 1) {
          const row = rows.get(`${circled(ap.number)}/${ind.name}/${era(fy)}`);
          expect(row, `${ap.number} ${ind.name} ${fy}`).toBeDefined();
          expect(row!.getCell(8).value ?? null).toBe(ind.targets[String(fy)] ?? null);
          expect(row!.getCell(9).value ?? null).toBe(ind.actuals[String(fy)]?.value ?? null);
        }
      }
    }
  });

  it('freezes the header rows, filters the whole table and formats figures with units and ▲', () => {
    const list = workbook.getWorksheet('一覧')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(list.autoFilter).toBe('A2:P117');
    expect(list.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '2:2' });
    const row4 = list.getRows(3, list.rowCount - 2)!.find(
      (row) => row.getCell(3).value === '④' && row.getCell(7).value === '令和2年度',
    )!;
    expect(row4.getCell(9).value).toBe(-16.68);
    expect(row4.getCell(9).numFmt).toBe('#,##0.00"%";"▲"#,##0.00"%"');
    expect(row4.getCell(11).numFmt).toBe('0%;"▲"0%');
    expect(row4.getCell(14).value).toEqual(new Date('2021-06-30T09:00:00.000Z'));
    expect(row4.getCell(15).value).toBe('計画資料');
  });

  it('lays out ⑬ as an evaluation sheet: header block, indicator table, narrative, committee, way forward', () => {
    const sheet = workbook.getWorksheet('⑬施設のＩＣＴ環境の充実')!;
    const all = texts(sheet);
    expect(all).toEqual(
      expect.arrayContaining([
        'アクションプラン評価シート（令和2年度）',
        '基本方針2：市民を守るICT',
        '防災・防犯',
        '⑬ 施設のＩＣＴ環境の充実',
        '無線LANアクセス回数',
        '令和元年度',
        '令和5年度',
        '進捗状況（令和2年度の評価）',
        seed.actionPlans[12]!.narrative!,
        '課題',
        '懇談会委員の意見',
        '（記入例）委員B',
        '合意した評価',
        '今後の方向性',
        '□拡充　■継続　□見直し　□縮小　□廃止',
      ]),
    );
    const numbers: number[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number') numbers.push(cell.value);
    }));
    expect(numbers).toEqual(expect.arrayContaining([1000, 3000, 7000, 10000, 12000, 5270, 4991]));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printArea).toMatch(/^A1:I\d+$/);
    expect((sheet.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:I1']));
    expect(sheet.views[0]).toMatchObject({ showGridLines: false });
  });

  it('gives every action plan a sheet holding its name, narrative and indicators', () => {
    for (const ap of seed.actionPlans) {
      const sheet = workbook.worksheets[ap.number]!;
      const all = texts(sheet);
      expect(all).toContain(`${String.fromCodePoint(0x2460 + ap.number - 1)} ${ap.name}`);
      if (ap.narrative) expect(all).toContain(ap.narrative);
      for (const ind of ap.indicators) expect(all).toContain(ind.name);
    }
  });
});

describe('renderXlsx (English)', () => {
  it('uses the English labels for sheet names and headers', async () => {
    const workbook = await read(await renderXlsx(seedExportModel({ locale: 'en' }), exportEn));
    expect(workbook.worksheets[0]!.name).toBe('All figures');
    expect(workbook.worksheets[13]!.name).toBe('13_施設のＩＣＴ環境の充実');
    expect(workbook.worksheets[0]!.getRow(2).getCell(8).value).toBe('Target');
    expect(texts(workbook.worksheets[13]!)).toContain('Action plan evaluation sheet (FY2020)');
    expect(workbook.worksheets[4]!.getCell('A1').value).toBe('Action plan evaluation sheet (FY2020)');
  });
});

describe('sheet names and number formats', () => {
  it('keeps sheet names within Excel rules and unique', () => {
    expect(safeSheetName('a/b:c?d*e[f]g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('あ'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('')).toBe('Sheet');
    const names = new SheetNames();
    expect([names.take('x'.repeat(40)), names.take('x'.repeat(40)), names.take('History')]).toEqual([
      'x'.repeat(31),
      `${'x'.repeat(28)}(2)`,
      'History(2)',
    ]);
  });

  it('writes ▲ (or -) formats with the unit quoted', () => {
    expect(numberFormat(1, '▲', '%')).toBe('#,##0.0"%";"▲"#,##0.0"%"');
    expect(numberFormat(0, '-', ' cases')).toBe('#,##0" cases";"-"#,##0" cases"');
    expect(numberFormat(2, '▲')).toBe('#,##0.00;"▲"#,##0.00');
  });
});
