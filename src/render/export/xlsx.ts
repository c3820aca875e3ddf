import ExcelJS from 'exceljs';
import type { ExportLabels } from '../../messages/export-ja.ts';
import {
  actionPlansOf,
  fiscalYearsOf,
  indicatorDecimals,
  WAY_FORWARDS,
  yearsOverPeriod,
  type ExportIndicator,
  type ExportModel,
  type ExportYear,
  type PlacedActionPlan,
} from './model.ts';

/**
 * The export as an Excel workbook: a list sheet with every indicator × fiscal year (frozen
 * header, auto filter), then one evaluation sheet per action plan laid out like a municipal
 * 評価シート, printable on A4 portrait.
 */
export async function renderXlsx(model: ExportModel, labels: ExportLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-bot';
  // Dates inside the file follow the model, not the clock, so one model gives one workbook.
  const asOf = new Date(`${model.asOf}T00:00:00Z`);
  workbook.created = asOf;
  workbook.modified = asOf;

  const places = actionPlansOf(model);
  const names = new SheetNames();
  addListSheet(workbook, names.take(labels.list.sheetName), model, places, labels);
  for (const place of places) {
    addEvaluationSheet(workbook, names.take(labels.sheet.name(place.actionPlan.number, place.actionPlan.name)), model, place, labels);
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

// --- shared look -------------------------------------------------------------------------------

const FONT_NAME = 'ＭＳ Ｐゴシック';
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF7F7F7F' } };
const MEDIUM: Partial<ExcelJS.Border> = { style: 'medium', color: { argb: 'FF000000' } };
const ALL_THIN: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD6E0EE' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F4F7F' } };
const BAND_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F7FA' } };
const SECTION_FONT: Partial<ExcelJS.Font> = { ...BOLD, color: { argb: 'FFFFFFFF' } };

/** Points per line of 10-point text, and the padding a wrapped cell needs above and below. */
const LINE_HEIGHT = 14;
const ROW_PADDING = 5;

/**
 * An Excel number format showing `decimals` decimals, the negative sign of the language (▲ in
 * Japanese) and a suffix such as the unit: `#,##0.0"%";"▲"#,##0.0"%"`.
 */
export function numberFormat(decimals: number, negativeSign: string, suffix = ''): string {
  const body = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const tail = suffix === '' ? '' : `"${suffix.replaceAll('"', '')}"`;
  return `${body}${tail};"${negativeSign.replaceAll('"', '')}"${body}${tail}`;
}

function percentFormat(negativeSign: string): string {
  return `0%;"${negativeSign.replaceAll('"', '')}"0%`;
}

function gradeText(year: ExportYear): string {
  return year.grade ? `${year.grade.code} ${year.grade.label}`.trim() : '';
}

/** Excel keeps no time zone: an instant is written as its Tokyo wall-clock time (UTC+9, no DST). */
function tokyoWallClock(iso: string): Date {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  return new Date(ms + 9 * 3_600_000);
}

/**
 * Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, not "History", and no two alike (case-insensitively).
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    const base = safeSheetName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n += 1) {
      const suffix = `(${n})`;
      name = truncateUtf16(base, 31 - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

export function safeSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[:\\/?*[\]\u0000-\u001f]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return truncateUtf16(cleaned === '' ? 'Sheet' : cleaned, 31).replace(/'+$/, '');
}

function truncateUtf16(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Column widths count half-width characters; CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2460 && cp <= 0x24ff) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f300;
    width += wide ? 2 : 1;
  }
  return width;
}

/** How tall a wrapped cell `width` columns wide must be to show `text` whole. */
function wrappedHeight(text: string, width: number, minLines = 1): number {
  // Each character is a little wider than a column unit at 10 points; keep a margin for padding.
  const perLine = Math.max(4, Math.floor((width - 1) / 1.05));
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines += Math.max(1, Math.ceil(displayWidth(paragraph) / perLine));
  }
  return Math.max(minLines, lines) * LINE_HEIGHT + ROW_PADDING;
}

function styleRange(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  style: Partial<ExcelJS.Style>,
): void {
  for (let r = top; r <= bottom; r += 1) {
    for (let c = left; c <= right; c += 1) {
      const cell = sheet.getCell(r, c);
      cell.style = { ...cell.style, ...style };
    }
  }
}

/** Writes `value` into a merged block with thin borders on every cell of it. */
function block(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  value: ExcelJS.CellValue,
  style: Partial<ExcelJS.Style> = {},
): ExcelJS.Cell {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  styleRange(sheet, top, left, bottom, right, { font: FONT, border: ALL_THIN, ...style });
  const cell = sheet.getCell(top, left);
  cell.value = value;
  return cell;
}

/** A heavier frame around a finished block, as printed forms draw their outline. */
function outline(sheet: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r += 1) {
    for (let c = left; c <= right; c += 1) {
      const cell = sheet.getCell(r, c);
      const border = { ...(cell.border ?? {}) };
      if (r === top) border.top = MEDIUM;
      if (r === bottom) border.bottom = MEDIUM;
      if (c === left) border.left = MEDIUM;
      if (c === right) border.right = MEDIUM;
      cell.border = border;
    }
  }
}

// --- the list sheet ------------------------------------------------------------------------------

function addListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  model: ExportModel,
  places: PlacedActionPlan[],
  labels: ExportLabels,
): void {
  const c = labels.column;
  const columns: { header: string; width: number }[] = [
    { header: c.policy, width: 38 },
    { header: c.theme, width: 14 },
    { header: c.number, width: 6 },
    { header: c.actionPlan, width: 34 },
    { header: c.indicator, width: 32 },
    { header: c.unit, width: 7 },
    { header: c.fiscalYear, width: 12 },
    { header: c.target, width: 13 },
    { header: c.actual, width: 13 },
    { header: c.provisional, width: 7 },
    { header: c.achievement, width: 10 },
    { header: c.grade, width: 13 },
    { header: c.status, width: 16 },
    { header: c.recordedAt, width: 18 },
    { header: c.recordedBy, width: 14 },
    { header: c.note, width: 48 },
  ];
  const headerRow = 2;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: 'A3', activeCell: 'A3' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });

  const title = sheet.getCell(1, 1);
  title.value = `${labels.list.title(model.plan.name, labels.period(model.plan.firstFiscalYear, model.plan.lastFiscalYear))}　${labels.asOf(model.asOf)}`;
  title.font = { ...BOLD, size: 12 };
  sheet.getRow(1).height = 22;

  const header = sheet.getRow(headerRow);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.style = {
      font: BOLD,
      fill: HEADER_FILL,
      border: ALL_THIN,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    };
  });
  header.height = 30;

  let r = headerRow;
  places.forEach(({ policy, theme, actionPlan: ap }, apIndex) => {
    for (const indicator of ap.indicators) {
      const formats = figureFormats(indicator, labels);
      for (const year of yearsOverPeriod(model, ap, indicator)) {
        r += 1;
        const row = sheet.getRow(r);
        row.values = [
          labels.policy(policy.number, policy.name),
          theme.name,
          labels.circled(ap.number),
          ap.name,
          indicator.name,
          labels.unitSuffix(indicator.unit).trim(),
          labels.fiscalYear(year.fiscalYear),
          year.target,
          year.actual,
          year.actual !== null && year.provisional ? labels.provisional : null,
          year.achievement,
          gradeText(year) || null,
          year.statusLabel || null,
          year.recordedAt ? tokyoWallClock(year.recordedAt) : null,
          year.recordedBy,
          year.note,
        ];
        for (let col = 1; col <= columns.length; col += 1) {
          const cell = row.getCell(col);
          cell.font = FONT;
          cell.border = ALL_THIN;
          cell.alignment = { vertical: 'middle', wrapText: col === 16 };
          if (apIndex % 2 === 1) cell.fill = BAND_FILL;
        }
        for (const col of [3, 6, 10]) row.getCell(col).alignment = { vertical: 'middle', horizontal: 'center' };
        for (const col of [8, 9, 11]) row.getCell(col).alignment = { vertical: 'middle', horizontal: 'right', indent: 1 };
        row.getCell(8).numFmt = formats.target;
        row.getCell(9).numFmt = formats.actual;
        row.getCell(11).numFmt = percentFormat(labels.negativeSign);
        row.getCell(14).numFmt = labels.dateTimeFormat;
        if (year.note) row.height = Math.max(15, wrappedHeight(year.note, columns[15]!.width));
      }
    }
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: r, column: columns.length } };
}

function figureFormats(indicator: ExportIndicator, labels: ExportLabels): { target: string; actual: string } {
  const decimals = indicatorDecimals(indicator);
  const unit = labels.unitSuffix(indicator.unit);
  const comparator = indicator.comparator ? labels.comparator(indicator.comparator) : '';
  return {
    target: numberFormat(decimals, labels.negativeSign, unit + comparator),
    actual: numberFormat(decimals, labels.negativeSign, unit),
  };
}

// --- the evaluation sheets -----------------------------------------------------------------------

/** Column layout of an evaluation sheet: A–B indicator (and labels), C unit, D row kind, E… years. */
const LABEL_COLUMNS = 2;
const UNIT_COLUMN = 3;
const KIND_COLUMN = 4;
const FIRST_YEAR_COLUMN = 5;
const LABEL_WIDTH = 13;
const YEAR_WIDTH = 11;

function addEvaluationSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  model: ExportModel,
  { policy, theme, actionPlan: ap }: PlacedActionPlan,
  labels: ExportLabels,
): void {
  const s = labels.sheet;
  const c = labels.column;
  const years = fiscalYearsOf(model);
  const lastColumn = FIRST_YEAR_COLUMN + years.length - 1;
  // Wide enough for the longest figure as shown (Excel prints ### when a number does not fit).
  const kindWidth = Math.max(8, ...[c.target, c.actual, c.achievement, c.grade].map((k) => displayWidth(k) + 2));
  const yearWidth = Math.max(YEAR_WIDTH, ...ap.indicators.map((ind) => Math.ceil(longestFigure(model, ap, ind, labels) * 1.15) + 3));
  const widths = [LABEL_WIDTH, LABEL_WIDTH + 4, 7, kindWidth, ...years.map(() => yearWidth)];
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const sheet = workbook.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${footerText(model.plan.name)}&R&P / &N` },
  });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });

  // Title and header block.
  let r = 1;
  block(sheet, r, 1, r, lastColumn, s.title(ap.narrativeFiscalYear ?? model.plan.reviewFiscalYear), {
    font: { ...BOLD, size: 15 },
    alignment: { horizontal: 'center', vertical: 'middle' },
    border: {},
  });
  sheet.getRow(r).height = 28;
  r += 1;
  block(sheet, r, 1, r, lastColumn - 2, model.plan.name, { font: FONT, border: {}, alignment: { vertical: 'bottom' } });
  block(sheet, r, lastColumn - 1, r, lastColumn, labels.asOf(model.asOf), {
    font: FONT,
    border: {},
    alignment: { horizontal: 'right', vertical: 'bottom' },
  });
  sheet.getRow(r).height = 18;
  r += 1;

  const headerTop = r;
  const headerLines: [string, string, Partial<ExcelJS.Font>][] = [
    [c.policy, labels.policy(policy.number, policy.name), FONT],
    [c.theme, theme.name, FONT],
    [c.actionPlan, labels.actionPlan(ap.number, ap.name), { ...BOLD, size: 12 }],
    [c.owners, ap.owners.length > 0 ? ap.owners.join(labels.locale === 'ja' ? '、' : ', ') : labels.none, FONT],
  ];
  for (const [label, value, font] of headerLines) {
    labelCell(sheet, r, 1, LABEL_COLUMNS, label);
    block(sheet, r, LABEL_COLUMNS + 1, r, lastColumn, value, {
      font,
      alignment: { vertical: 'middle', wrapText: true, horizontal: 'left', indent: 1 },
    });
    sheet.getRow(r).height = font.size === 12 ? 24 : 19;
    r += 1;
  }
  outline(sheet, headerTop, 1, r - 1, lastColumn);
  r += 1;

  // Indicators table: the 【参考資料】 layout, one block of rows per indicator.
  r = section(sheet, r, lastColumn, s.indicators);
  const tableTop = r;
  tableHeader(sheet, r, 1, LABEL_COLUMNS, c.indicator);
  tableHeader(sheet, r, UNIT_COLUMN, UNIT_COLUMN, c.unit);
  tableHeader(sheet, r, KIND_COLUMN, KIND_COLUMN, c.category);
  years.forEach((fy, i) => tableHeader(sheet, r, FIRST_YEAR_COLUMN + i, FIRST_YEAR_COLUMN + i, labels.fiscalYear(fy)));
  sheet.getRow(r).height = 20;
  r += 1;
  let anyProvisional = false;
  for (const indicator of ap.indicators) {
    const formats = figureFormats(indicator, labels);
    const provisionalFormat = numberFormat(
      indicatorDecimals(indicator),
      labels.negativeSign,
      labels.unitSuffix(indicator.unit) + s.provisionalMark,
    );
    const kinds: [string, (year: ExportYear, cell: ExcelJS.Cell) => void][] = [
      [c.target, (year, cell) => {
        cell.value = year.target;
        cell.numFmt = formats.target;
      }],
      [c.actual, (year, cell) => {
        cell.value = year.actual;
        const provisional = year.actual !== null && year.provisional;
        anyProvisional ||= provisional;
        cell.numFmt = provisional ? provisionalFormat : formats.actual;
      }],
      [c.achievement, (year, cell) => {
        cell.value = year.achievement;
        cell.numFmt = percentFormat(labels.negativeSign);
      }],
      [c.grade, (year, cell) => {
        cell.value = gradeText(year) || null;
        cell.alignment = { horizontal: 'center', vertical: 'middle', shrinkToFit: true };
      }],
    ];
    const top = r;
    const bottom = r + kinds.length - 1;
    block(sheet, top, 1, bottom, LABEL_COLUMNS, indicator.name, {
      alignment: { vertical: 'middle', wrapText: true, horizontal: 'left', indent: 1 },
    });
    block(sheet, top, UNIT_COLUMN, bottom, UNIT_COLUMN, labels.unitSuffix(indicator.unit).trim(), {
      alignment: { vertical: 'middle', horizontal: 'center' },
    });
    const overPeriod = yearsOverPeriod(model, ap, indicator);
    kinds.forEach(([kind, fill], k) => {
      const row = top + k;
      block(sheet, row, KIND_COLUMN, row, KIND_COLUMN, kind, {
        fill: LABEL_FILL,
        alignment: { horizontal: 'center', vertical: 'middle' },
      });
      overPeriod.forEach((year, i) => {
        const cell = block(sheet, row, FIRST_YEAR_COLUMN + i, row, FIRST_YEAR_COLUMN + i, null, {
          alignment: { horizontal: 'right', vertical: 'middle', indent: 1 },
        });
        fill(year, cell);
      });
      sheet.getRow(row).height = 18;
    });
    // A long indicator name needs more room than four rows give it.
    const needed = wrappedHeight(indicator.name, widths[0]! + widths[1]!);
    if (needed > kinds.length * 18) sheet.getRow(top).height = 18 + (needed - kinds.length * 18);
    r = bottom + 1;
  }
  outline(sheet, tableTop, 1, r - 1, lastColumn);
  if (anyProvisional) {
    block(sheet, r, 1, r, lastColumn, s.provisionalFootnote, { border: {}, font: { ...FONT, size: 9 } });
    r += 1;
  }
  r += 1;

  // The section's evaluation, issues, committee.
  r = textSection(sheet, r, lastColumn, totalWidth, s.evaluation(ap.narrativeFiscalYear), ap.narrative, 4);
  r = textSection(sheet, r, lastColumn, totalWidth, s.issues, ap.issues ?? null, 3);

  r = section(sheet, r, lastColumn, s.committee);
  const committeeTop = r;
  const opinionLeft = KIND_COLUMN + 1;
  tableHeader(sheet, r, 1, LABEL_COLUMNS, s.member);
  tableHeader(sheet, r, UNIT_COLUMN, KIND_COLUMN, s.memberGrade);
  tableHeader(sheet, r, opinionLeft, lastColumn, s.opinion);
  sheet.getRow(r).height = 20;
  r += 1;
  const opinions = ap.committee?.opinions ?? [];
  const opinionWidth = widths.slice(opinionLeft - 1).reduce((a, b) => a + b, 0);
  for (const opinion of opinions.length > 0 ? opinions : [null]) {
    block(sheet, r, 1, r, LABEL_COLUMNS, opinion?.member ?? '', {
      alignment: { vertical: 'top', wrapText: true, horizontal: 'left', indent: 1 },
    });
    block(sheet, r, UNIT_COLUMN, r, KIND_COLUMN, opinion?.grade ?? '', {
      alignment: { vertical: 'top', horizontal: 'center' },
    });
    block(sheet, r, opinionLeft, r, lastColumn, opinion?.text ?? '', {
      alignment: { vertical: 'top', wrapText: true, horizontal: 'left', indent: 1 },
    });
    sheet.getRow(r).height = wrappedHeight(opinion?.text ?? '', opinionWidth, 2);
    r += 1;
  }
  labelCell(sheet, r, 1, LABEL_COLUMNS, s.agreedGrade);
  block(sheet, r, UNIT_COLUMN, r, lastColumn, ap.committee?.agreedGrade ?? '', {
    font: { ...BOLD, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'left', indent: 1 },
  });
  sheet.getRow(r).height = 20;
  r += 1;
  outline(sheet, committeeTop, 1, r - 1, lastColumn);
  r += 1;

  r = textSection(sheet, r, lastColumn, totalWidth, s.officeResponse, ap.committee?.officeResponse ?? null, 2);

  const wayTop = r;
  labelCell(sheet, r, 1, LABEL_COLUMNS, s.wayForward);
  const chosen = ap.committee?.wayForward ?? null;
  const choices = WAY_FORWARDS.map((way) => labels.checkbox(way === chosen, labels.wayForward[way])).join('　');
  block(sheet, r, UNIT_COLUMN, r, lastColumn, choices, {
    font: { ...FONT, size: 11 },
    alignment: { vertical: 'middle', horizontal: 'left', indent: 1 },
  });
  sheet.getRow(r).height = 24;
  outline(sheet, wayTop, 1, r, lastColumn);

  sheet.pageSetup.printArea = `A1:${sheet.getColumn(lastColumn).letter}${r}`;
}

/** Display width of the widest target or actual of an indicator, formatted as the sheet shows it. */
function longestFigure(model: ExportModel, ap: PlacedActionPlan['actionPlan'], indicator: ExportIndicator, labels: ExportLabels): number {
  const decimals = indicatorDecimals(indicator);
  const unit = labels.unitSuffix(indicator.unit);
  const comparator = indicator.comparator ? labels.comparator(indicator.comparator) : '';
  let widest = 0;
  for (const year of yearsOverPeriod(model, ap, indicator)) {
    if (year.target !== null) widest = Math.max(widest, displayWidth(labels.number(year.target, decimals) + unit + comparator));
    if (year.actual !== null) {
      const mark = year.provisional ? labels.sheet.provisionalMark : '';
      widest = Math.max(widest, displayWidth(labels.number(year.actual, decimals) + unit + mark));
    }
    if (year.grade) widest = Math.max(widest, displayWidth(gradeText(year)));
  }
  return widest;
}

function footerText(text: string): string {
  // & starts a header/footer code; a literal one is written &&.
  return text.replaceAll('&', '&&');
}

function labelCell(sheet: ExcelJS.Worksheet, row: number, left: number, right: number, text: string): void {
  block(sheet, row, left, row, right, text, {
    font: BOLD,
    fill: LABEL_FILL,
    alignment: { vertical: 'middle', horizontal: 'left', indent: 1 },
  });
}

function tableHeader(sheet: ExcelJS.Worksheet, row: number, left: number, right: number, text: string): void {
  block(sheet, row, left, row, right, text, {
    font: BOLD,
    fill: HEADER_FILL,
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  });
}

/** A dark bar naming the section; returns the next row. */
function section(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, title: string): number {
  block(sheet, row, 1, row, lastColumn, title, {
    font: SECTION_FONT,
    fill: SECTION_FILL,
    border: {},
    alignment: { vertical: 'middle', horizontal: 'left', indent: 1 },
  });
  sheet.getRow(row).height = 20;
  return row + 1;
}

/** A section bar, then a framed text box tall enough for the text (or `minLines` when empty). */
function textSection(
  sheet: ExcelJS.Worksheet,
  row: number,
  lastColumn: number,
  width: number,
  title: string,
  text: string | null,
  minLines: number,
): number {
  let r = section(sheet, row, lastColumn, title);
  block(sheet, r, 1, r, lastColumn, text ?? '', { alignment: { vertical: 'top', wrapText: true, horizontal: 'left', indent: 1 } });
  sheet.getRow(r).height = wrappedHeight(text ?? '', width, minLines);
  outline(sheet, r, 1, r, lastColumn);
  r += 2;
  return r;
}
