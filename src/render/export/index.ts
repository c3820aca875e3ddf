/** The pure half of exports: a plain ExportModel in, bytes or text out. The caller writes files. */
export type {
  CommitteeOpinion,
  CommitteeReview,
  ExportActionPlan,
  ExportIndicator,
  ExportModel,
  ExportPlan,
  ExportPolicy,
  ExportTheme,
  ExportYear,
  WayForward,
} from './model.ts';
export { WAY_FORWARDS } from './model.ts';
export type { ExportLabels } from '../../messages/export-ja.ts';
export {
  CSV_COLUMNS,
  CSV_KEY_COLUMNS,
  csvRowsOf,
  parseCsv,
  renderCsv,
  writeCsv,
  type CsvColumn,
  type CsvError,
  type CsvParse,
  type CsvRow,
  type ParsedCsvRow,
} from './csv.ts';
export { renderXlsx } from './xlsx.ts';
export { renderMarkdown } from './markdown.ts';
