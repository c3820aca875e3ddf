import { formatFixed } from '../domain/numbers.ts';
import { ja } from './ja.ts';

/**
 * Every word the exports (XLSX, Markdown) put in front of a person, in Japanese. `export-en.ts`
 * provides the same keys. The CSV's header row is not here: its column names are machine names,
 * the same in every language (see docs/exports.md).
 */
export const exportJa = {
  locale: 'ja' as 'ja' | 'en',

  fiscalYear: (fy: number) => ja.fiscalYear(fy),
  period: (first: number, last: number) => `${ja.fiscalYear(first)}〜${ja.fiscalYear(last)}`,
  /** Exactly `decimals` decimals, ▲ for negatives: "20.0", "▲16.68", "36,000". */
  number: (value: number, decimals: number) => formatFixed(value, decimals, 'ja'),
  percent: (ratio: number) => ja.percent(ratio),
  /** What follows a number of this unit: "20.0%" and "36,000件" take it as it is. */
  unitSuffix: (unit: string) => unit,
  /** What Excel shows before a negative number: the accounting ▲ of municipal tables. */
  /** How a target bound is phrased after its unit: "15分以内". */
  comparator: (text: string) => text,
  negativeSign: '▲',
  circled: (n: number) => ja.circled(n),
  /** An ISO instant as Tokyo wall-clock time. */
  dateTime: (iso: string) => ja.instant(iso),
  /** Excel number format of a date-time cell (already in Tokyo time). */
  dateTimeFormat: 'yyyy/m/d hh:mm',
  date: (civil: string) => ja.date(civil),
  asOf: (civil: string) => `${ja.date(civil)}時点`,
  none: '—',
  provisional: '暫定',

  policy: (n: number, name: string) => `基本方針${n}：${name}`,
  theme: (name: string) => `取組：${name}`,
  actionPlan: (n: number, name: string) => `${ja.circled(n)} ${name}`,
  /** An indicator with its unit, as the document writes it: "電子納税件数（件）". */
  indicatorWithUnit: (name: string, unit: string) => `${name}（${unit}）`,
  direction: { higher_is_better: '多いほど良い', lower_is_better: '少ないほど良い' },
  wayForward: { expand: '拡充', continue: '継続', review: '見直し', reduce: '縮小', abolish: '廃止' },
  checkbox: (checked: boolean, label: string) => `${checked ? '■' : '□'}${label}`,

  column: {
    policy: '基本方針',
    theme: '取組テーマ',
    number: 'No.',
    actionPlan: 'アクションプラン',
    indicator: '評価指標',
    unit: '単位',
    fiscalYear: '年度',
    category: '区分',
    target: '目標',
    actual: '実績',
    provisional: '暫定',
    achievement: '達成率',
    grade: '評価',
    status: '状況',
    recordedAt: '最終更新（日本時間）',
    recordedBy: '更新者',
    note: '注記',
    owners: '担当',
  },

  list: {
    sheetName: '一覧',
    title: (planName: string, period: string) => `${planName} 評価指標 目標・実績一覧（${period}）`,
  },

  sheet: {
    /** Renderers shorten it to Excel's 31 characters and drop the characters Excel forbids. */
    name: (n: number, name: string) => `${ja.circled(n)}${name}`,
    title: (fy: number | null) => (fy ? `アクションプラン評価シート（${ja.fiscalYear(fy)}）` : 'アクションプラン評価シート'),
    indicators: '評価指標・目標・実績',
    evaluation: (fy: number | null) => (fy ? `進捗状況（${ja.fiscalYear(fy)}の評価）` : '進捗状況'),
    issues: '課題',
    committee: '懇談会委員の意見',
    member: '委員',
    memberGrade: '評価',
    opinion: '意見',
    agreedGrade: '合意した評価',
    officeResponse: '意見への対応',
    wayForward: '今後の方向性',
    provisionalMark: '＊',
    provisionalFootnote: '＊は暫定値（年度途中の実績）',
  },

  markdown: {
    title: (planName: string, fy: number | null) => (fy ? `${planName} 進捗状況（${ja.fiscalYear(fy)}）` : `${planName} 進捗状況`),
    period: (period: string) => `計画期間：${period}`,
    progress: '第４期情報化推進計画の進捗状況',
    inYear: (label: string, fy: number) => `${label}（${ja.fiscalYear(fy)}）`,
    narrative: '進捗状況',
    reference: '【参考資料】5か年目標・実績',
    beforePeriod: '評価期間前',
  },
};

export type ExportLabels = typeof exportJa;
