import { z } from 'zod';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../../domain/fiscal-year.ts';
import type { ExportLabels } from '../../messages/export-ja.ts';
import { actionPlansOf, plainNumber, yearsOverPeriod, type ExportModel } from './model.ts';

/**
 * The figures as CSV: one row per indicator × fiscal year of the plan period, the same columns
 * whatever the language, so the file an export writes is the file an import reads back.
 * UTF-8 with a BOM (Excel then opens it without mojibake), CRLF line ends, RFC 4180 quoting.
 * docs/exports.md describes every column.
 */
export const CSV_COLUMNS = [
  'plan_code',
  'action_plan',
  'action_plan_name',
  'indicator_position',
  'indicator',
  'unit',
  'direction',
  'fiscal_year',
  'target',
  'actual',
  'provisional',
  'achievement',
  'grade',
  'status',
  'recorded_at',
  'recorded_by',
  'note',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The columns that say which figure a row is about: the key an import looks the figure up by. */
export const CSV_KEY_COLUMNS = ['plan_code', 'action_plan', 'indicator_position', 'fiscal_year'] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Achievement ratios are written to 4 decimals (0.01%). */
const ACHIEVEMENT_DECIMALS = 4;
const MAX_FIGURE_DECIMALS = 4;
const MAX_ABSOLUTE_FIGURE = 1e12;

const STATUSES = ['achieved', 'missed', 'pending', 'overdue', 'no_target'] as const;

// --- rows -------------------------------------------------------------------------------------

/** A plain machine number: optional `-`, digits, optional `.` and digits. No ▲, commas, units or exponent. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function plainNumberCell(column: string, maxDecimals: number, maxAbsolute: number) {
  return z.string().transform((text, ctx): number | null => {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    if (!PLAIN_NUMBER.test(trimmed)) {
      ctx.addIssue({
        code: 'custom',
        message: `${column}: "${shorten(trimmed)}" is not a plain number (write -16.68 or 36000: no ▲, commas, % or units)`,
      });
      return z.NEVER;
    }
    const decimals = trimmed.split('.')[1]?.length ?? 0;
    if (decimals > maxDecimals) {
      ctx.addIssue({ code: 'custom', message: `${column}: "${shorten(trimmed)}" has more than ${maxDecimals} decimals` });
      return z.NEVER;
    }
    const value = Number(trimmed);
    if (Math.abs(value) >= maxAbsolute) {
      ctx.addIssue({ code: 'custom', message: `${column}: "${shorten(trimmed)}" is too large` });
      return z.NEVER;
    }
    return value === 0 ? 0 : value;
  });
}

function integerCell(column: string, min: number, max: number) {
  return z.string().transform((text, ctx): number => {
    const trimmed = text.trim();
    const value = /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!(value >= min && value <= max)) {
      ctx.addIssue({ code: 'custom', message: `${column}: "${shorten(trimmed)}" is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return value;
  });
}

const optionalText = z.string().transform((text) => (text === '' ? null : text));

const csvRowSchema = z
  .object({
    plan_code: z.string().regex(/^[a-z0-9-]+$/, 'plan_code: lower-case letters, digits and "-" only, e.g. suita-4'),
    action_plan: integerCell('action_plan', 1, 999),
    action_plan_name: z.string(),
    indicator_position: integerCell('indicator_position', 1, 99),
    indicator: z.string().min(1, 'indicator: the indicator name is missing'),
    unit: z.string().min(1, 'unit: the unit is missing'),
    direction: z.enum(['higher_is_better', 'lower_is_better'], {
      error: 'direction: write higher_is_better or lower_is_better',
    }),
    fiscal_year: integerCell('fiscal_year', MIN_FISCAL_YEAR, MAX_FISCAL_YEAR),
    target: plainNumberCell('target', MAX_FIGURE_DECIMALS, MAX_ABSOLUTE_FIGURE),
    actual: plainNumberCell('actual', MAX_FIGURE_DECIMALS, MAX_ABSOLUTE_FIGURE),
    provisional: z.enum(['', '0', '1'], { error: 'provisional: write 1 (provisional), 0 or leave it empty' }),
    achievement: plainNumberCell('achievement', ACHIEVEMENT_DECIMALS, MAX_ABSOLUTE_FIGURE),
    grade: optionalText,
    status: z.union([z.literal(''), z.enum(STATUSES)], {
      error: `status: write one of ${STATUSES.join(', ')} or leave it empty`,
    }),
    recorded_at: z.union([z.literal(''), z.iso.datetime({ offset: true })], {
      error: 'recorded_at: write an ISO 8601 instant such as 2021-06-30T09:00:00.000Z, or leave it empty',
    }),
    recorded_by: optionalText,
    note: optionalText,
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.provisional === '1' && row.actual === null) {
      ctx.addIssue({ code: 'custom', path: ['provisional'], message: 'provisional: 1 needs an actual' });
    }
  })
  .transform(
    (row): CsvRow => ({
      planCode: row.plan_code,
      actionPlan: row.action_plan,
      actionPlanName: row.action_plan_name,
      indicatorPosition: row.indicator_position,
      indicator: row.indicator,
      unit: row.unit,
      direction: row.direction,
      fiscalYear: row.fiscal_year,
      target: row.target,
      actual: row.actual,
      provisional: row.provisional === '1',
      achievement: row.achievement,
      grade: row.grade,
      status: row.status === '' ? null : row.status,
      recordedAt: row.recorded_at === '' ? null : row.recorded_at,
      recordedBy: row.recorded_by,
      note: row.note,
    }),
  );

/** One CSV row as data. Empty cells are null (empty text cells too). */
export interface CsvRow {
  planCode: string;
  actionPlan: number;
  actionPlanName: string;
  indicatorPosition: number;
  indicator: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  /** Only meaningful with an actual; written as 1/0, or empty when there is no actual. */
  provisional: boolean;
  achievement: number | null;
  grade: string | null;
  status: (typeof STATUSES)[number] | null;
  recordedAt: string | null;
  recordedBy: string | null;
  note: string | null;
}

/** The rows `renderCsv` writes, in order: action plans in source order, indicators, fiscal years. */
export function csvRowsOf(model: ExportModel): CsvRow[] {
  return actionPlansOf(model).flatMap(({ actionPlan: ap }) =>
    ap.indicators.flatMap((indicator) =>
      yearsOverPeriod(model, ap, indicator).map(
        (year): CsvRow => ({
          planCode: model.plan.code,
          actionPlan: ap.number,
          actionPlanName: ap.name,
          indicatorPosition: indicator.position,
          indicator: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          fiscalYear: year.fiscalYear,
          target: year.target,
          actual: year.actual,
          provisional: year.actual !== null && year.provisional,
          achievement: year.achievement === null ? null : roundTo(year.achievement, ACHIEVEMENT_DECIMALS),
          grade: emptyToNull(year.grade?.code),
          status: year.status,
          recordedAt: year.recordedAt,
          recordedBy: emptyToNull(year.recordedBy),
          note: emptyToNull(year.note),
        }),
      ),
    ),
  );
}

// --- writing ------------------------------------------------------------------------------------

/**
 * The export as CSV bytes. `labels` is accepted so every renderer is called the same way; the
 * CSV uses none, because its header names are machine names that an import reads back.
 */
export function renderCsv(model: ExportModel, _labels?: ExportLabels): Buffer {
  return writeCsv(csvRowsOf(model));
}

/** Rows to CSV bytes; `writeCsv(parseCsv(bytes).rows)` gives `bytes` back for any file this wrote. */
export function writeCsv(rows: readonly CsvRow[]): Buffer {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(cellsOf(row).map(quote).join(','));
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}

function cellsOf(row: CsvRow): string[] {
  const cells: Record<CsvColumn, string> = {
    plan_code: row.planCode,
    action_plan: String(row.actionPlan),
    action_plan_name: guardFormula(row.actionPlanName),
    indicator_position: String(row.indicatorPosition),
    indicator: guardFormula(row.indicator),
    unit: guardFormula(row.unit),
    direction: row.direction,
    fiscal_year: String(row.fiscalYear),
    target: numberCell(row.target),
    actual: numberCell(row.actual),
    provisional: row.actual === null ? '' : row.provisional ? '1' : '0',
    achievement: numberCell(row.achievement),
    grade: guardFormula(row.grade ?? ''),
    status: row.status ?? '',
    recorded_at: row.recordedAt ?? '',
    recorded_by: guardFormula(row.recordedBy ?? ''),
    note: guardFormula(row.note ?? ''),
  };
  return CSV_COLUMNS.map((column) => cells[column]);
}

function numberCell(value: number | null): string {
  return value === null ? '' : plainNumber(value);
}

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, quotes doubled. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

// Excel runs a cell starting with = + - @ (or a tab or CR before one) as a formula: a note typed
// in Slack must not become one. Such text gets a leading apostrophe, which Excel hides and the
// parser removes again. Text already starting with apostrophes before such a character gets one
// more, so the mapping reads back exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

const TEXT_COLUMNS: ReadonlySet<CsvColumn> = new Set([
  'action_plan_name',
  'indicator',
  'unit',
  'grade',
  'recorded_by',
  'note',
]);

// --- reading ------------------------------------------------------------------------------------

export interface CsvError {
  /** 1-based physical line of the file where the record starts (the header is line 1). */
  line: number;
  /** The column the error is about, when it is about one. */
  column: CsvColumn | null;
  code: 'not_utf8' | 'empty' | 'bad_header' | 'bad_quoting' | 'column_count' | 'bad_value' | 'duplicate_row';
  message: string;
}

export interface ParsedCsvRow extends CsvRow {
  /** Where the row starts in the file, for the import's own messages. */
  line: number;
}

export interface CsvParse {
  rows: ParsedCsvRow[];
  errors: CsvError[];
}

/**
 * Reads the CSV `renderCsv` writes (or a person edited): strips the BOM, takes CRLF or LF, and
 * checks every row with zod. A row with any error is left out of `rows`; each error names its line.
 * The header must hold every column of CSV_COLUMNS once, in any order, and nothing else.
 */
export function parseCsv(bytes: Uint8Array): CsvParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(1, 'not_utf8', 'the file is not UTF-8 (in Excel, save it as "CSV UTF-8 (comma delimited)")');
  }
  const split = splitRecords(text);
  const errors: CsvError[] = [...split.errors];
  const [header, ...records] = split.records.filter((record) => !isBlank(record.cells));
  if (!header) return fail(1, 'empty', 'the file holds no header row');

  const positions = headerPositions(header.cells, header.line, errors);
  if (!positions) return { rows: [], errors };

  const rows: ParsedCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.cells.length !== header.cells.length) {
      errors.push({
        line: record.line,
        column: null,
        code: 'column_count',
        message: `has ${record.cells.length} fields where the header has ${header.cells.length}`,
      });
      continue;
    }
    const raw: Record<string, string> = {};
    for (const column of CSV_COLUMNS) {
      const cell = record.cells[positions[column]] ?? '';
      raw[column] = TEXT_COLUMNS.has(column) ? unguardFormula(cell) : cell;
    }
    const parsed = csvRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path[0];
        errors.push({
          line: record.line,
          column: isColumn(column) ? column : null,
          code: 'bad_value',
          message: issue.message.startsWith(`${String(column)}:`) ? issue.message : `${String(column)}: ${issue.message}`,
        });
      }
      continue;
    }
    const row = parsed.data;
    const key = `${row.planCode}/${row.actionPlan}/${row.indicatorPosition}/${row.fiscalYear}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: record.line,
        column: null,
        code: 'duplicate_row',
        message: `repeats the figure of line ${earlier} (${row.planCode}, action plan ${row.actionPlan}, indicator ${row.indicatorPosition}, ${row.fiscalYear})`,
      });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ ...row, line: record.line });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

function fail(line: number, code: CsvError['code'], message: string): CsvParse {
  return { rows: [], errors: [{ line, column: null, code, message }] };
}

function isColumn(value: unknown): value is CsvColumn {
  return typeof value === 'string' && (CSV_COLUMNS as readonly string[]).includes(value);
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function headerPositions(cells: string[], line: number, errors: CsvError[]): Record<CsvColumn, number> | null {
  const positions = new Map<string, number>();
  const problems: string[] = [];
  cells.forEach((cell, i) => {
    const name = cell.trim();
    if (!isColumn(name)) problems.push(`unknown column "${shorten(name)}"`);
    else if (positions.has(name)) problems.push(`column ${name} appears twice`);
    else positions.set(name, i);
  });
  const missing = CSV_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length > 0) {
    errors.push({ line, column: null, code: 'bad_header', message: `header: ${problems.join('; ')}` });
    return null;
  }
  return Object.fromEntries(positions) as Record<CsvColumn, number>;
}

interface RawRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 records, each with the physical line it starts on; a lone LF ends a record too. */
function splitRecords(input: string): { records: RawRecord[]; errors: CsvError[] } {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: RawRecord[] = [];
  const errors: CsvError[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  let i = 0;
  let bad = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (!bad) records.push({ line: recordLine, cells });
    cells = [];
    bad = false;
  };

  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      cell += c;
      i += 1;
      continue;
    }
    if (c === ',') {
      endCell();
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (c === '"' && cell === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    if (afterQuote || c === '"') {
      if (!bad) {
        errors.push({
          line: recordLine,
          column: null,
          code: 'bad_quoting',
          message: afterQuote
            ? 'text follows a closing quote; a quote inside a quoted field is written ""'
            : 'a quote inside an unquoted field; quote the whole field and double the quote ("")',
        });
      }
      bad = true;
    }
    cell += c;
    i += 1;
  }
  if (quoted) {
    errors.push({ line: quoteLine, column: null, code: 'bad_quoting', message: 'a quoted field is never closed' });
    bad = true;
  }
  // A file ending with a line break has no record after it.
  if (cell !== '' || cells.length > 0 || afterQuote || bad) endRecord();
  return { records, errors };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

function emptyToNull(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 39).join('')}…`;
}
