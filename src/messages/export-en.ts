import { formatFixed } from '../domain/numbers.ts';
import { en } from './en.ts';
import type { ExportLabels } from './export-ja.ts';

/** The export words in English; the same keys as `export-ja.ts`. Data (names, narratives) stay as recorded. */
export const exportEn: ExportLabels = {
  locale: 'en',

  fiscalYear: (fy) => en.fiscalYear(fy),
  period: (first, last) => `${en.fiscalYear(first)}–${en.fiscalYear(last)}`,
  number: (value, decimals) => formatFixed(value, decimals, 'en'),
  percent: (ratio) => en.percent(ratio),
  unitSuffix: (unit) => (unit === '%' ? '%' : ` ${en.unitName(unit)}`),
  // The document's bound words (以内) are Japanese; English shows the number alone.
  comparator: () => '',
  negativeSign: '-',
  circled: (n) => en.circled(n),
  dateTime: (iso) => en.instant(iso),
  dateTimeFormat: 'yyyy-mm-dd hh:mm',
  date: (civil) => en.date(civil),
  asOf: (civil) => `as of ${en.date(civil)}`,
  none: '—',
  provisional: 'provisional',

  policy: (n, name) => `Basic policy ${n}: ${name}`,
  theme: (name) => `Theme: ${name}`,
  actionPlan: (n, name) => `${en.circled(n)} ${name}`,
  indicatorWithUnit: (name, unit) => `${name} (${en.unitName(unit)})`,
  direction: { higher_is_better: 'higher is better', lower_is_better: 'lower is better' },
  wayForward: { expand: 'Expand', continue: 'Continue', review: 'Revise', reduce: 'Reduce', abolish: 'Abolish' },
  checkbox: (checked, label) => `${checked ? '■' : '□'} ${label}`,

  column: {
    policy: 'Basic policy',
    theme: 'Theme',
    number: 'No.',
    actionPlan: 'Action plan',
    indicator: 'Indicator',
    unit: 'Unit',
    fiscalYear: 'Fiscal year',
    category: '',
    target: 'Target',
    actual: 'Actual',
    provisional: 'Provisional',
    achievement: 'Achievement',
    grade: 'Grade',
    status: 'Status',
    recordedAt: 'Last changed (JST)',
    recordedBy: 'Changed by',
    note: 'Note',
    owners: 'Owners',
  },

  list: {
    sheetName: 'All figures',
    title: (planName, period) => `${planName}: indicator targets and actuals (${period})`,
  },

  sheet: {
    name: (n, name) => `${n}_${name}`,
    title: (fy) => (fy ? `Action plan evaluation sheet (${en.fiscalYear(fy)})` : 'Action plan evaluation sheet'),
    indicators: 'Indicators, targets and actuals',
    evaluation: (fy) => (fy ? `Progress (evaluation of ${en.fiscalYear(fy)})` : 'Progress'),
    issues: 'Issues',
    committee: 'Committee opinions',
    member: 'Member',
    memberGrade: 'Grade',
    opinion: 'Opinion',
    agreedGrade: 'Agreed grade',
    officeResponse: 'Response to the opinions',
    wayForward: 'Way forward',
    provisionalMark: '*',
    provisionalFootnote: '* provisional (recorded before the fiscal year closed)',
  },

  markdown: {
    title: (planName, fy) => (fy ? `${planName}: progress (${en.fiscalYear(fy)})` : `${planName}: progress`),
    period: (period) => `Plan period: ${period}`,
    progress: 'Progress of the action plans',
    inYear: (label, fy) => `${label} (${en.fiscalYear(fy)})`,
    narrative: 'Progress',
    reference: 'Reference: five-year targets and actuals',
    beforePeriod: 'before the evaluation period',
  },
};
