import type { ExportLabels } from '../../messages/export-ja.ts';
import {
  actionPlansOf,
  fiscalYearsOf,
  indicatorDecimals,
  yearsOverPeriod,
  type ExportActionPlan,
  type ExportIndicator,
  type ExportModel,
  type ExportYear,
} from './model.ts';

/**
 * The mid-term review regenerated as Markdown, in the source document's order and shape:
 * 進捗状況 by basic policy → theme → action plan (the review year's target and actual, the
 * narrative, the grade; the committee's review when there is one), then the 【参考資料】
 * table of five-year targets and actuals.
 */
export function renderMarkdown(model: ExportModel, labels: ExportLabels): string {
  const md = labels.markdown;
  const out: string[] = [];
  const period = labels.period(model.plan.firstFiscalYear, model.plan.lastFiscalYear);
  out.push(`# ${escapeInline(md.title(model.plan.name, model.plan.reviewFiscalYear))}`, '');
  out.push(`${escapeLine(md.period(period))}${labels.locale === 'ja' ? '　' : ' — '}${escapeInline(labels.asOf(model.asOf))}`, '');
  out.push(`## ${escapeInline(md.progress)}`, '');

  for (const policy of model.policies) {
    out.push(`### ${escapeInline(labels.policy(policy.number, policy.name))}`, '');
    for (const theme of policy.themes) {
      out.push(`#### ${escapeInline(labels.theme(theme.name))}`, '');
      for (const ap of theme.actionPlans) out.push(...actionPlanSection(model, ap, labels));
    }
  }

  out.push(`## ${escapeInline(md.reference)}`, '');
  out.push(...referenceTable(model, labels), '');
  return out.join('\n');
}

function actionPlanSection(model: ExportModel, ap: ExportActionPlan, labels: ExportLabels): string[] {
  const c = labels.column;
  const s = labels.sheet;
  const md = labels.markdown;
  const reviewYear = ap.narrativeFiscalYear ?? model.plan.reviewFiscalYear ?? model.plan.lastFiscalYear;
  const out: string[] = [`##### ${escapeInline(labels.actionPlan(ap.number, ap.name))}`, ''];

  // The progress page's right-hand column: each indicator's target and actual for the review year.
  out.push(
    tableRow([
      c.indicator,
      md.inYear(c.target, reviewYear),
      md.inYear(c.actual, reviewYear),
      md.inYear(c.achievement, reviewYear),
      md.inYear(c.grade, reviewYear),
    ]),
    tableRule('lrrrl'),
  );
  for (const indicator of ap.indicators) {
    const year = yearsOverPeriod(model, ap, indicator).find((y) => y.fiscalYear === reviewYear)!;
    const beforePeriod =
      year.target === null && indicator.years.some((y) => y.target !== null && y.fiscalYear > reviewYear);
    out.push(
      tableRow([
        labels.indicatorWithUnit(indicator.name, indicator.unit),
        beforePeriod ? md.beforePeriod : targetText(indicator, year, labels),
        actualText(indicator, year, labels),
        year.achievement === null ? labels.none : labels.percent(year.achievement),
        year.grade ? `${year.grade.code} ${year.grade.label}` : labels.none,
      ]),
    );
  }
  out.push('');

  out.push(`**${escapeInline(s.evaluation(ap.narrativeFiscalYear))}**`, '');
  out.push(paragraphs(ap.narrative) ?? labels.none, '');

  if (ap.issues) out.push(`**${escapeInline(s.issues)}**`, '', paragraphs(ap.issues)!, '');

  const committee = ap.committee;
  if (committee) {
    if (committee.opinions.length > 0) {
      out.push(`**${escapeInline(s.committee)}**`, '');
      for (const opinion of committee.opinions) {
        const who = opinion.grade
          ? `${opinion.member}（${c.grade} ${opinion.grade}）`
          : opinion.member;
        out.push(`- ${escapeInline(labels.locale === 'ja' ? `${who}：` : `${who}: `)}${escapeInline(oneLine(opinion.text))}`);
      }
      out.push('');
    }
    const facts: [string, string | null][] = [
      [s.agreedGrade, committee.agreedGrade],
      [s.officeResponse, committee.officeResponse],
      [s.wayForward, committee.wayForward ? labels.wayForward[committee.wayForward] : null],
    ];
    for (const [label, value] of facts) {
      if (value) out.push(`**${escapeInline(label)}**${labels.locale === 'ja' ? '：' : ': '}${escapeInline(oneLine(value))}  `);
    }
    out.push('');
  }
  return out;
}

/** 【参考資料】: 取組 / アクションプラン / 評価指標 / 区分 / one column per fiscal year. */
function referenceTable(model: ExportModel, labels: ExportLabels): string[] {
  const c = labels.column;
  const years = fiscalYearsOf(model);
  const out = [
    tableRow([c.theme, c.actionPlan, c.indicator, c.category, ...years.map((fy) => labels.fiscalYear(fy))]),
    tableRule(`llll${'r'.repeat(years.length)}`),
  ];
  let lastTheme: string | null = null;
  let lastActionPlan: number | null = null;
  for (const { theme, actionPlan: ap } of actionPlansOf(model)) {
    for (const indicator of ap.indicators) {
      const overPeriod = yearsOverPeriod(model, ap, indicator);
      const kinds: [string, (year: ExportYear) => string][] = [
        [c.target, (year) => (year.target === null ? '' : targetText(indicator, year, labels))],
        [c.actual, (year) => (year.actual === null ? '' : actualText(indicator, year, labels))],
      ];
      kinds.forEach(([kind, cell], k) => {
        // The document names a theme and an action plan once, on their first row.
        const first = k === 0;
        out.push(
          tableRow([
            first && theme.name !== lastTheme ? theme.name : '',
            first && ap.number !== lastActionPlan ? labels.actionPlan(ap.number, ap.name) : '',
            first ? labels.indicatorWithUnit(indicator.name, indicator.unit) : '',
            kind,
            ...overPeriod.map(cell),
          ]),
        );
        if (first) {
          lastTheme = theme.name;
          lastActionPlan = ap.number;
        }
      });
    }
  }
  return out;
}

function targetText(indicator: ExportIndicator, year: ExportYear, labels: ExportLabels): string {
  if (year.target === null) return labels.none;
  const comparator = indicator.comparator ? labels.comparator(indicator.comparator) : '';
  return `${labels.number(year.target, indicatorDecimals(indicator))}${labels.unitSuffix(indicator.unit)}${comparator}`;
}

function actualText(indicator: ExportIndicator, year: ExportYear, labels: ExportLabels): string {
  if (year.actual === null) return labels.none;
  const text = `${labels.number(year.actual, indicatorDecimals(indicator))}${labels.unitSuffix(indicator.unit)}`;
  return year.provisional ? `${text}${labels.sheet.provisionalMark}` : text;
}

/** A table row: every cell escaped, `|` kept inside its cell, line breaks as <br>. */
function tableRow(cells: string[]): string {
  return `| ${cells.map((cell) => escapeInline(cell).replace(/\r\n|\r|\n/g, '<br>')).join(' | ')} |`;
}

/** The line under a table's header: `l` left-aligned, `r` right-aligned columns. */
function tableRule(aligns: string): string {
  return `| ${[...aligns].map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`;
}

function paragraphs(text: string | null | undefined): string | null {
  if (!text || text.trim() === '') return null;
  return text
    .split(/(?:\r\n|\r|\n)+/)
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '')
    .join('\n\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n)+\s*/g, ' ');
}

/**
 * Escapes what Markdown would read as markup, so names and narratives print as written: the
 * inline markers, HTML, table pipes, and anything that could start a heading, list or quote.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`);
}

/** escapeInline, and a line that would open a heading, quote, list or rule starts plain. */
function escapeLine(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}
