import type { ExportWords } from '../../../commands/export/build.ts';
import type { ExportFormat } from '../../../commands/grammar.ts';
import { GRADE_SYMBOL, type GradeCode } from '../../domain/grading.ts';
import { exportEn } from '../../messages/export-en.ts';
import { exportJa, type ExportLabels } from '../../messages/export-ja.ts';
import type { Messages } from '../../messages/index.ts';
import type { PlanSeed } from '../../store/seed-file.ts';
import { renderCsv } from './csv.ts';
import { renderMarkdown } from './markdown.ts';
import type { ExportModel } from './model.ts';

/** What both doors (the CLI, Slack) need to turn an export request into a named file. */

export function exportLabelsFor(m: Messages): ExportLabels {
  return m.locale === 'en' ? exportEn : exportJa;
}

/** The words an export model carries, in the person's language (see buildExportModel). */
export function exportWords(m: Messages): ExportWords {
  return {
    status: m.status,
    grade: (code: GradeCode) =>
      // TEMPORARY (#16): A–D and ◎○△× are the grade itself; the trend words come from
      // m.exchange.gradeLabel until the `grading` messages namespace replaces it.
      code in GRADE_SYMBOL
        ? { code: GRADE_SYMBOL[code as keyof typeof GRADE_SYMBOL], label: '' }
        : { code, label: m.exchange.gradeLabel(code) },
    recorder: (recordedBy, source) => (source === 'seed' ? m.history.seedRecorder : recordedBy),
    owner: (userId) => userId,
  };
}

/** The workbook, CSV or Markdown of a model. */
export async function renderModelFile(format: Exclude<ExportFormat, 'json'>, model: ExportModel, labels: ExportLabels): Promise<Buffer> {
  switch (format) {
    case 'xlsx': {
      // exceljs takes about a second to load: only the processes that write a workbook pay for it,
      // not every `npm run plan` or the bot's start.
      const { renderXlsx } = await import('./xlsx.ts');
      return renderXlsx(model, labels);
    }
    case 'csv':
      return renderCsv(model, labels);
    case 'md':
      return Buffer.from(renderMarkdown(model, labels), 'utf8');
  }
}

/** A plan file as `npm run import` reads it: two-space JSON, one final newline, keys in the seed's order. */
export function renderPlanFile(seed: PlanSeed): Buffer {
  return Buffer.from(`${JSON.stringify(seed, null, 2)}\n`, 'utf8');
}

/** `suita-4_FY2020_2026-11-30.xlsx`: the plan, the evaluated year (sheets and review only) and the day. */
export function exportFileName(format: ExportFormat, planCode: string, asOf: string, fiscalYear: number): string {
  const year = format === 'xlsx' || format === 'md' ? `_FY${fiscalYear}` : '';
  return `${planCode}${year}_${asOf}.${format}`;
}
