import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { eraYearLabel, PLAN_TIME_ZONE } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { FigureStatus } from '../domain/status.ts';

/**
 * Every sentence plan-bot says in Japanese. `en.ts` must provide the same keys
 * (the type checker holds it to that). Renderers pick words from here, never inline.
 */
export const ja = {
  locale: 'ja' as 'ja' | 'en',

  fiscalYear: (fy: number) => eraYearLabel(fy).ja,
  fiscalYearShort: (fy: number) => eraYearLabel(fy).ja.replace('年度', ''),
  number: (value: number) => formatNumber(value, 'ja'),
  withUnit: (value: number, unit: string) => `${formatNumber(value, 'ja')}${unit}`,
  unitName: (unit: string) => unit,
  percent: (ratio: number) => formatPercentRatio(ratio, 'ja'),
  date: (civil: string) => {
    const [y, m, d] = civil.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  },
  instant: (iso: string) => format(new Date(iso), 'yyyy/M/d HH:mm', { in: tz(PLAN_TIME_ZONE) }),
  circled: (n: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`),

  status: {
    achieved: '達成',
    missed: '未達成',
    pending: '集計中',
    overdue: '未提出（期限超過）',
    no_target: '目標なし',
  } satisfies Record<FigureStatus, string>,
  provisional: '暫定',
  none: '—',

  plan: {
    policy: (n: number, name: string) => `基本方針${n}：${name}`,
    theme: (name: string) => `取組：${name}`,
    unit: (unit: string) => `単位：${unit}`,
    lowerIsBetter: '少ないほど良い',
    target: '目標',
    actual: '実績',
    latest: (fy: string, rate: string) => `${fy}の達成率 ${rate}`,
    noLatest: '達成率：実績と目標がそろった年度はまだありません',
    narrative: (fy: string | null) => (fy ? `進捗状況（${fy}評価）` : '進捗状況'),
    owners: (mentions: string) => `担当：${mentions}`,
    noOwners: '担当者未設定',
    recordButton: '実績を入力',
    asOf: (date: string) => `${date}時点`,
    note: '注記',
    overallStatus: (status: string) => `状況：${status}`,
  },

  list: {
    title: '第4期情報化推進計画 アクションプラン一覧',
    searchTitle: (words: string) => `「${words}」の検索結果`,
    policyTitle: (n: number, name: string) => `基本方針${n}：${name}`,
    themeTitle: (name: string) => `取組テーマ：${name}`,
    count: (n: number) => `${n}件`,
    empty: '該当するアクションプランはありません。',
    searchEmpty: (words: string) => `「${words}」に一致するアクションプランはありません。別の言葉で試すか \`/plan list\` で一覧を表示してください。`,
    hint: '詳しくは `/plan 13` のように番号を指定してください。',
  },

  overdue: {
    title: (date: string) => `期限を過ぎた未提出の実績（${date}時点）`,
    none: (date: string) => `${date}時点で期限を過ぎた未提出の実績はありません。`,
    line: (fy: string, indicator: string, target: string, due: string, days: number) =>
      `${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${days}日超過`,
  },

  history: {
    title: (circled: string, name: string) => `${circled} ${name} 実績の履歴`,
    empty: 'まだ実績の記録はありません。',
    entry: (fy: string, value: string, who: string, when: string, source: string) =>
      `${fy}：${value}（${who}・${when}・${source}）`,
    current: '現在値',
    replaced: '更新前',
    source: { seed: '計画資料', slack: 'Slack', cli: 'CLI', import: '取込' } as Record<string, string>,
    seedRecorder: '計画資料',
  },

  owners: {
    title: (circled: string, name: string) => `${circled} ${name} の担当者`,
    none: '担当者はまだ設定されていません。管理者が `/plan owner 13 add @ユーザー` で追加できます。',
    added: (user: string) => `${user} を担当者に追加しました。`,
    alreadyOwner: (user: string) => `${user} はすでに担当者です。`,
    removed: (user: string) => `${user} を担当者から外しました。`,
    notOwner: (user: string) => `${user} は担当者ではありません。`,
  },

  errors: {
    tooLong: (n: number, max: number) => `入力が長すぎます（${n}文字）。${max}文字以内で入力してください。`,
    unknownVerb: (word: string) => `「${word}」は分かりませんでした。`,
    badNumber: (word: string) => `「${word}」はアクションプラン番号として使えません。1〜20 の番号（例：13、⑬）を指定してください。`,
    missingArgument: (usage: string) => `指定が足りません。使い方：${usage}`,
    unexpectedWords: (words: string, usage: string) => `「${words}」は不要です。使い方：${usage}`,
    badDate: (word: string) => `「${word}」は日付として読めません。YYYY-MM-DD（例：2024-07-01）で指定してください。`,
    badUser: (word: string) => `「${word}」はユーザーとして読めません。@メンションで指定してください。`,
    noSuchActionPlan: (n: number, max: number) => `アクションプラン ${n} はありません。1〜${max} の番号を指定してください。`,
    noSuchPolicy: (n: number, max: number) => `基本方針 ${n} はありません。1〜${max} を指定してください。`,
    noSuchTheme: (name: string, themes: string) => `取組テーマ「${name}」はありません。テーマ：${themes}`,
    adminsOnly: 'この操作は管理者（PLAN_ADMINS）だけが行えます。',
    noPlan: '計画データがありません。データベースの初期化を確認してください。',
    cliCannotOpenForms: (n: number) => `実績の入力は Slack の \`/plan report ${n}\` から行ってください。`,
    internal: '処理中にエラーが発生しました。時間をおいて再度お試しください。問題が続く場合は管理者に連絡してください。',
    seeHelp: '使い方は `/plan help` で確認できます。',
  },

  help: {
    title: 'plan-bot の使い方',
    intro: '第4期情報化推進計画のアクションプラン①〜⑳の目標と実績を確認・入力できます。',
    usage: {
      show: ['/plan 13', 'アクションプラン⑬の目標・実績・状況（⑬、013 も可）'],
      list: ['/plan  または  /plan list', '20のアクションプランと状況の一覧'],
      overdue: ['/plan overdue [YYYY-MM-DD]', '期限を過ぎた未提出の実績'],
      search: ['/plan search 防犯', '名称・指標・テーマ・進捗状況から検索'],
      policy: ['/plan policy 1', '基本方針（1〜3）ごとの一覧'],
      theme: ['/plan theme 防災・防犯', '取組テーマごとの一覧'],
      history: ['/plan history 13', '実績の入力履歴'],
      report: ['/plan report 13', '実績を入力するフォームを開く'],
      owner: ['/plan owner 13 [add|remove @ユーザー]', '担当者の確認・設定（設定は管理者のみ）'],
      alerts: ['/plan alerts', '次回の通知内容を確認（管理者のみ）'],
      help: ['/plan help', 'この説明'],
    } as Record<string, [string, string]>,
    share: '末尾に `share` を付けるとチャンネル全員に表示します（例：`/plan 13 share`）。',
    statusLegend: '状況：✅ 達成 ／ ❌ 未達成 ／ ⏳ 集計中 ／ ⚠️ 未提出（期限超過） ／ ➖ 目標なし',
  },
};

export type Messages = typeof ja;
