import { describe, expect, it } from 'vitest';
import { exportEn } from '../../../src/messages/export-en.ts';
import { exportJa } from '../../../src/messages/export-ja.ts';
import {
  CSV_COLUMNS,
  csvRowsOf,
  parseCsv,
  renderCsv,
  writeCsv,
  type CsvRow,
  type ParsedCsvRow,
} from '../../../src/render/export/csv.ts';
import { loadSeedFile } from '../../../src/store/seed-file.ts';
import { seedExportModel } from './seed-model.ts';

const seed = loadSeedFile();
const model = seedExportModel();
const bytes = renderCsv(model, exportJa);
const text = bytes.toString('utf8');

function withoutLines(rows: ParsedCsvRow[]): CsvRow[] {
  return rows.map(({ line: _line, ...row }) => row);
}

/** The data lines of the rendered file, header excluded, without the BOM. */
function lines(): string[] {
  return text.slice(1).split('\r\n').slice(1, -1);
}

function replaceCell(line: string, column: (typeof CSV_COLUMNS)[number], value: string): string {
  // The seed's first rows hold no quoted fields, so a plain split is exact for them.
  const cells = line.split(',');
  cells[CSV_COLUMNS.indexOf(column)] = value;
  return cells.join(',');
}

function fileOf(dataLines: string[], { bom = true, eol = '\r\n' } = {}): Buffer {
  return Buffer.from(`${bom ? '\uFEFF' : ''}${[CSV_COLUMNS.join(','), ...dataLines].join(eol)}${eol}`, 'utf8');
}

describe('renderCsv', () => {
  it('starts with a UTF-8 BOM and the machine header, and ends every line with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe(
      'plan_code,action_plan,action_plan_name,indicator_position,indicator,unit,direction,fiscal_year,' +
        'target,actual,provisional,achievement,grade,status,recorded_at,recorded_by,note',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per indicator and fiscal year: 23 indicators × 5 years', () => {
    const indicators = seed.actionPlans.flatMap((ap) => ap.indicators);
    expect(indicators).toHaveLength(23);
    expect(lines()).toHaveLength(23 * 5);
  });

  it('holds every target and actual of the seed, on the row of its indicator and year', () => {
    const { rows, errors } = parseCsv(bytes);
    expect(errors).toEqual([]);
    const byKey = new Map(rows.map((r) => [`${r.actionPlan}/${r.indicatorPosition}/${r.fiscalYear}`, r]));
    let figures = 0;
    for (const ap of seed.actionPlans) {
      ap.indicators.forEach((ind, i) => {
        for (let fy = 2019; fy <= 2023; fy += 1) {
          const row = byKey.get(`${ap.number}/${i + 1}/${fy}`)!;
          expect(row, `${ap.number}/${i + 1}/${fy}`).toBeDefined();
          expect(row.indicator).toBe(ind.name);
          expect(row.unit).toBe(ind.unit);
          expect(row.target).toBe(ind.targets[String(fy)] ?? null);
          expect(row.actual).toBe(ind.actuals[String(fy)]?.value ?? null);
          expect(row.note).toBe(ind.actuals[String(fy)]?.note ?? null);
          if (row.target !== null) figures += 1;
          if (row.actual !== null) figures += 1;
        }
      });
    }
    const seedFigures = seed.actionPlans
      .flatMap((ap) => ap.indicators)
      .reduce((n, ind) => n + Object.keys(ind.targets).length + Object.keys(ind.actuals).length, 0);
    expect(figures).toBe(seedFigures);
  });

  it('writes numbers plainly: a minus sign, a dot, no grouping, no unit', () => {
    const row4 = lines().find((l) => l.startsWith('suita-4,4,') && l.includes(',2020,'))!;
    expect(row4).toContain(',10,-16.68,0,-1.668,C,missed,');
    const row5 = lines().find((l) => l.startsWith('suita-4,5,') && l.includes(',2020,'))!;
    expect(row5).toContain(',154500,349879,0,2.2646,A,achieved,');
  });

  it('uses the same machine header and cells whatever the language', () => {
    expect(renderCsv(seedExportModel({ locale: 'en' }), exportEn).toString('utf8').split('\r\n')[0]).toBe(
      text.split('\r\n')[0],
    );
  });
});

describe('parseCsv', () => {
  it('gives back the rows renderCsv wrote, with their line numbers, and writing them again is byte-identical', () => {
    const { rows, errors } = parseCsv(bytes);
    expect(errors).toEqual([]);
    expect(withoutLines(rows)).toEqual(csvRowsOf(model));
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
    expect(writeCsv(rows).equals(bytes)).toBe(true);
  });

  it('round-trips awkward text: quotes, commas, line breaks and formula-looking notes', () => {
    const rows = csvRowsOf(model);
    rows[0] = { ...rows[0]!, note: '第1行, "引用"\r\n第2行', recordedBy: '=HYPERLINK("x")' };
    rows[1] = { ...rows[1]!, note: "'=already quoted", recordedBy: '-2' };
    rows[2] = { ...rows[2]!, note: '@mention', grade: '+A' };
    const written = writeCsv(rows);
    const writtenText = written.toString('utf8');
    expect(writtenText).toContain(`"'=HYPERLINK(""x"")"`);
    expect(writtenText).toContain(`''=already quoted`);
    const parsed = parseCsv(written);
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.rows)).toEqual(rows);
    // The quoted line break pushes every later record one physical line down.
    expect(parsed.rows.slice(0, 3).map((r) => r.line)).toEqual([2, 4, 5]);
    expect(writeCsv(parsed.rows).equals(written)).toBe(true);
  });

  it('accepts LF line ends and a file without a BOM', () => {
    const data = lines().slice(0, 3);
    const lf = parseCsv(fileOf(data, { bom: false, eol: '\n' }));
    expect(lf.errors).toEqual([]);
    expect(withoutLines(lf.rows)).toEqual(csvRowsOf(model).slice(0, 3));
  });

  it('skips blank lines but keeps counting them', () => {
    const data = lines().slice(0, 2);
    const parsed = parseCsv(fileOf([data[0]!, '', ',,', data[1]!]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('refuses a bad number with its line and column, and keeps the good rows', () => {
    const data = lines().slice(0, 5);
    data[1] = replaceCell(data[1]!, 'actual', '▲16.68');
    data[3] = replaceCell(data[3]!, 'target', '"1,000"');
    const { rows, errors } = parseCsv(fileOf(data));
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, column: 'actual', code: 'bad_value', message: expect.stringContaining('▲16.68') }),
      expect.objectContaining({ line: 5, column: 'target', code: 'bad_value', message: expect.stringContaining('plain number') }),
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it.each([
    ['target', '12.5%'],
    ['target', '1e3'],
    ['target', '１２'],
    ['actual', '0.12345'],
    ['achievement', 'abc'],
    ['fiscal_year', '令和2'],
    ['fiscal_year', '1900'],
    ['action_plan', '0'],
    ['indicator_position', '1.5'],
    ['provisional', 'yes'],
    ['status', 'done'],
    ['direction', 'up'],
    ['recorded_at', '2021/06/30'],
    ['plan_code', 'Suita 4'],
    ['indicator', ''],
  ] as const)('refuses %s = %j', (column, value) => {
    const data = [replaceCell(lines()[1]!, column, value)];
    const { rows, errors } = parseCsv(fileOf(data));
    expect(rows).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 2, column, code: 'bad_value' })]);
  });

  it('refuses provisional without an actual', () => {
    const noActual = lines().find((l) => l.includes(',2023,'))!;
    const { errors } = parseCsv(fileOf([replaceCell(noActual, 'provisional', '1')]));
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: 'provisional' })]);
  });

  it('names a header with a missing, unknown or repeated column', () => {
    const header = CSV_COLUMNS.join(',');
    const missing = parseCsv(Buffer.from(`${header.replace(',note', '')}\r\n`));
    expect(missing.errors).toEqual([expect.objectContaining({ line: 1, code: 'bad_header', message: expect.stringContaining('note') })]);
    const unknown = parseCsv(Buffer.from(`${header},extra\r\n`));
    expect(unknown.errors[0]).toMatchObject({ line: 1, code: 'bad_header', message: expect.stringContaining('extra') });
    const twice = parseCsv(Buffer.from(`${header},unit\r\n`));
    expect(twice.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('unit appears twice') });
  });

  it('takes the columns in any order', () => {
    const [first] = csvRowsOf(model);
    const reordered = [...CSV_COLUMNS].reverse();
    const cells = writeCsv([first!]).toString('utf8').slice(1).split('\r\n')[1]!.split(',').reverse();
    const parsed = parseCsv(Buffer.from(`${reordered.join(',')}\r\n${cells.join(',')}\r\n`));
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.rows)).toEqual([first]);
  });

  it('names rows with the wrong number of fields, bad quoting and repeated figures', () => {
    const data = lines().slice(0, 3);
    const file = fileOf([data[0]!, `${data[1]!},extra`, data[2]!.replace(',higher_is_better,', ',high"er,'), data[0]!]);
    const { rows, errors } = parseCsv(file);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'column_count'],
      [4, 'bad_quoting'],
      [5, 'duplicate_row'],
    ]);
    expect(errors[2]!.message).toContain('line 2');
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('names the line of a quoted field that is never closed', () => {
    const data = lines().slice(0, 3);
    data[1] = replaceCell(data[1]!, 'note', '"never closed');
    const { rows, errors } = parseCsv(fileOf(data));
    expect(errors).toEqual([expect.objectContaining({ line: 3, code: 'bad_quoting' })]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('refuses a file that is not UTF-8, as Excel\'s plain "CSV" saves it in Japan', () => {
    // "目標" in Shift_JIS.
    const sjis = Buffer.concat([Buffer.from(`${CSV_COLUMNS.join(',')}\r\n`), Buffer.from([0x96, 0xda, 0x95, 0x57])]);
    expect(parseCsv(sjis)).toEqual({
      rows: [],
      errors: [expect.objectContaining({ line: 1, code: 'not_utf8', message: expect.stringContaining('CSV UTF-8') })],
    });
  });

  it('refuses an empty file', () => {
    expect(parseCsv(Buffer.from('\uFEFF')).errors).toEqual([expect.objectContaining({ line: 1, code: 'empty' })]);
  });
});
