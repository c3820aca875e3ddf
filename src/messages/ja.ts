import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { eraYearLabel, PLAN_TIME_ZONE } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { AlertRule } from '../domain/alert-rules.ts';
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
  join: (items: readonly string[]) => items.join('、'),
  paren: (text: string) => `（${text}）`,
  labelled: (label: string, text: string) => `${label}：${text}`,
  separator: ' ／ ',

  plan: {
    policy: (n: number, name: string) => `基本方針${n}：${name}`,
    theme: (name: string) => `取組：${name}`,
    unitNote: (unit: string, lowerIsBetter: boolean) => `（単位：${unit}${lowerIsBetter ? '・少ないほど良い' : ''}）`,
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
    heading: (title: string, count: string, asOf: string) => `${title}（${count}・${asOf}）`,
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

  record: {
    title: (circled: string) => `${circled} 実績の入力`,
    submit: '記録する',
    close: 'キャンセル',
    indicatorLabel: '指標',
    indicatorPlaceholder: '指標を選択',
    onlyIndicator: (name: string, unit: string) => `指標：${name}（単位：${unit}）`,
    fiscalYearLabel: '年度',
    fiscalYearPlaceholder: '年度を選択',
    valueLabel: (unit: string) => `実績値（${unit}）`,
    valuePlaceholder: '例：6,543',
    valueHint: (unit: string) => `単位は「${unit}」です。1,234 ／ １２３４ ／ 1.2万 ／ 32.8 ／ ▲16.68 ／ -16.68 のように入力できます（単位は付けても付けなくても構いません）。`,
    noteLabel: '注記',
    notePlaceholder: '例：9月末時点の件数',
    noteHint: (limit: number) => `${limit}文字以内。入力者・日時とともに履歴に残ります。`,
    target: (fy: string, target: string) => `${fy}の目標：${target}`,
    noTarget: (fy: string) => `${fy}の目標：なし`,
    currentActual: (actual: string, who: string, when: string) => `現在の実績：${actual}（${who}・${when}）`,
    noActual: '現在の実績：未入力',
    replaces: '記録すると現在の実績が置き換わります。前の値は履歴に残ります。',
    provisionalNotice: 'この年度はまだ終わっていないため、暫定値として記録されます。',
    couldNotOpen: (circled: string, n: number) =>
      `${circled} の入力フォームを開けませんでした。もう一度 \`/plan report ${n}\` を実行してください。`,
    notSaved: '記録できませんでした。時間をおいてもう一度「記録する」を押してください。問題が続く場合は管理者に連絡してください。',
    fieldErrors: {
      indicatorRequired: '指標を選んでください。',
      unknownIndicator: 'この指標はこのアクションプランにありません。フォームを開き直してください。',
      fiscalYearRequired: '年度を選んでください。',
      outsidePlanPeriod: (first: string, last: string) => `計画期間（${first}〜${last}）の年度を選んでください。`,
      notStarted: 'この年度はまだ始まっていません。',
      empty: '実績値を入力してください。',
      notANumber: (text: string) => `${text ? `「${text}」は` : ''}数値として読めません。例：6,543 ／ 32.8 ／ ▲16.68 ／ 1.2万`,
      ambiguousScale: (text: string) =>
        `「${text}」は読み方が一つに決まりません。万・千・億は大きい順に一度ずつ、後ろの数字は桁をそろえて（例：1億2000万 ／ 1万2千 ／ 1万0500）、または 12,000 のように数字だけで入力してください。`,
      scaleOnPercent: (text: string) => `「${text}」：割合（%）に万・千・億は使えません。32.8 のように数字だけで入力してください。`,
      unknownUnit: (text: string, expected: readonly string[]) =>
        expected.length
          ? `「${text}」はこの指標の単位として読めません。単位は付けないか、${expected.join(' ／ ')} のどれかにしてください。`
          : `「${text}」は単位として読めません。数値だけを入力してください。`,
      tooPrecise: '小数点以下は4桁までで入力してください。',
      tooLarge: (limit: string) => `値が大きすぎます。${limit}以内で入力してください。`,
      negativeNotAllowed: 'この指標にマイナスの値は入力できません。',
      belowMin: (min: string) => `${min}以上の値を入力してください。`,
      aboveMax: (max: string) => `${max}以下の値を入力してください。`,
      percentSignOnNonPercent: (unit: string) => `この指標の単位は「${unit}」です。% を付けずに入力してください。`,
      noteTooLong: (length: number, limit: number) => `注記は${limit}文字以内にしてください（いま${length}文字）。`,
      staleForm: 'このフォームは古くなっています。閉じてから開き直してください。',
    },
    forbidden: (circled: string, who: string) => `${circled} の実績を入力できるのは ${who} です。入力が必要な場合は連絡してください。`,
    owners: (mentions: string) => `担当者（${mentions}）`,
    admins: (mentions: string) => `管理者（${mentions}）`,
    and: 'と',
    nobody: '管理者（PLAN_ADMINS）だけ',
    saved: {
      title: (circled: string, name: string) => `${circled} ${name}：実績を記録しました`,
      figure: (indicator: string, fy: string, value: string) => `${indicator}　${fy}の実績 ${value}`,
      against: (target: string, status: string) => `目標 ${target} に対して ${status}`,
      noTarget: 'この年度には目標がありません',
      previous: (value: string) => `前の値 ${value} は履歴に残っています`,
      provisional: '年度の途中のため暫定値として記録しました。',
      seeIt: (n: number) => `\`/plan ${n}\` で確認できます。履歴は \`/plan history ${n}\`。`,
    },
    notice: (circled: string, fy: string, value: string, indicator: string, who: string) =>
      `${circled} ${fy} 実績 ${value} を記録（${indicator}・${who}）`,
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

  slack: {
    /** When a list or table did not fit in one Slack message. */
    more: (n: number) => `…ほか${n}件は表示しきれませんでした。絞り込むには \`/plan search\` や \`/plan policy 1\` をお使いください。`,
    omitted: (n: number) => `…ほか${n}項目は表示しきれませんでした。`,
    usage: '使い方',
    sharedBy: (user: string) => `${user} さんが共有`,
  },

  alerts: {
    title: (date: string) => `情報化推進計画のお知らせ（${date}）`,
    count: {
      no_owner: (n: number) => `担当者未設定 ${n}件`,
      overdue: (n: number) => `期限超過 ${n}件`,
      due_soon: (n: number) => `提出期限間近 ${n}件`,
      off_target: (n: number) => `目標未達 ${n}件`,
    } satisfies Record<AlertRule, (n: number) => string>,
    countSeparator: '・',
    groupTitle: (circled: string, name: string) => `${circled} ${name}`,
    owners: (mentions: string) => `担当：${mentions}`,
    headingWith: (title: string, who: string) => `${title}　${who}`,
    noOwners: '担当者未設定',
    overdue: (fy: string, indicator: string, target: string, due: string, daysLate: number) =>
      `⚠️ ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${daysLate}日超過`,
    dueSoon: (fy: string, indicator: string, target: string, due: string, daysLeft: number) =>
      `⏰ ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${daysLeft === 0 ? '本日まで' : `あと${daysLeft}日`}`,
    offTarget: (fy: string, indicator: string, target: string, actual: string, lowerIsBetter: boolean) =>
      `❌ ${fy} ${indicator}：実績 ${actual}（目標 ${target}${lowerIsBetter ? '・少ないほど良い' : ''}）に届きませんでした`,
    noOwner: (n: number) => `👤 担当者が未設定です。管理者が \`/plan owner ${n} add @ユーザー\` で設定してください。`,
    groupMore: (n: number) => `…ほか${n}件は次回お知らせします。`,
    deferred: (n: number) => `メッセージの上限を超えたため、ほか${n}件は次回の通知でお知らせします。`,
    footer: '実績の入力は `/plan report 番号`、未提出の一覧は `/plan overdue` で確認できます。',
    fallback: (title: string, counts: string) => `${title}：${counts}`,
    runTime: (date: string, hour: number, minute: number) => `${date} ${hour}:${String(minute).padStart(2, '0')}`,
    preview: {
      next: (when: string, channel: string) => `次回（${when}）<#${channel}> に投稿される内容です。まだ投稿していません。`,
      forDate: (date: string, channel: string) => `${date}の実行で <#${channel}> に投稿される内容です。まだ投稿していません。`,
      nothing: (date: string) => `${date}の実行で新しくお知らせする項目はありません。`,
      disabled: '通知チャンネル（ALERT_CHANNEL）が設定されていないため、通知は停止しています。',
    },
    cli: {
      posted: (date: string, channel: string, n: number, ts: string) =>
        `${date}の通知を ${channel} に投稿しました（${n}件、ts ${ts}）。`,
      deferred: (n: number) => `上限を超えた ${n}件は次回の実行でお知らせします。`,
      nothingNew: (date: string) => `${date}時点で新しくお知らせする項目はありません。何も投稿していません。`,
      failed: (reason: string) =>
        `Slack への投稿に失敗しました（${reason}）。何も記録していないため、次回の実行で改めて投稿します。`,
      busy: (holder: string, since: string) =>
        `別の実行（${holder}、${since} 開始）が同じチャンネルに通知中のため、何もせず終了しました。`,
      usage: '使い方：npm run alerts -- [--date YYYY-MM-DD] [--dry-run]',
    },
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
      chart: ['/plan 13 chart', 'アクションプラン⑬の目標と実績のグラフ（画像をチャンネルに投稿）'],
      owner: ['/plan owner 13 [add|remove @ユーザー]', '担当者の確認・設定（設定は管理者のみ）'],
      alerts: ['/plan alerts', '次回の通知内容を確認（管理者のみ）'],
      help: ['/plan help', 'この説明'],
    } as Record<string, [string, string]>,
    share: '末尾に `share` を付けるとチャンネル全員に表示します（例：`/plan 13 share`）。',
    statusLegend: '状況：✅ 達成 ／ ❌ 未達成 ／ ⏳ 集計中 ／ ⚠️ 未提出（期限超過） ／ ➖ 目標なし',
  },
  /** Charts (`/plan 13 chart`, the グラフ button) and the App Home tab (#19). */
  visual: {
    chart: {
      labels: { target: '目標', actual: '実績', missing: '未入力', beforeEvaluation: '評価期間前', lowerIsBetter: '少ないほど良い' },
      yearLabel: (fy: number) => `${eraYearLabel(fy).ja}\n${eraYearLabel(fy).en}`,
      title: (circled: string, name: string) => `${circled} ${name}`,
      part: (title: string, index: number, count: number) => `${title}（${index}/${count}）`,
      fileTitle: (title: string) => `${title}　目標と実績`,
      altText: (title: string, grade: string, years: string) => `${title}の目標と実績を年度ごとに示したグラフ（${years}）。${grade}`,
      yearsSpan: (first: string, last: string) => `${first}〜${last}`,
      comment: (title: string, grade: string, who: string | null) => `*${title}*　${grade}${who ? `\n${who} さんが表示` : ''}`,
      button: 'グラフ',
      drawing: (circled: string) => `${circled} のグラフを作成しています…`,
      nothingToDraw: (circled: string) => `${circled} には指標がないため、グラフは作成できません。`,
      sentToDm: (reason: string) =>
        `この会話にはボットが参加していないため、グラフはボットとの DM に送りました（${reason}）。チャンネルで共有するには、チャンネルに plan-bot を追加（\`/invite @plan-bot\`）してからもう一度お試しください。`,
      dmBecause: (reason: string) =>
        `依頼のあった会話にはボットが参加していないため、グラフをこちらに送ります（${reason}）。`,
      failed: (reason: string) => `グラフを投稿できませんでした（${reason}）。時間をおいてもう一度お試しください。問題が続く場合は管理者に連絡してください。`,
      cli: {
        wrote: (path: string, width: number, height: number, kb: number) => `${path} に書き出しました（${width}×${height}、${kb} kB）。`,
        outWithoutChart: '--out はグラフ（chart）と一緒に使います。例：npm run plan -- 13 chart --out 13.png',
        outMissing: '--out の後に書き出すファイル名を指定してください。例：--out 13.png',
        writeFailed: (path: string, reason: string) => `${path} に書き出せませんでした（${reason}）。`,
      },
    },
    grade: {
      /** 達成／前進… are words; A–D and ◎○△× are the grade itself (GRADE_SYMBOL). */
      trend: { achieved: '達成', advanced: '前進', flat: '横ばい', declined: '後退' } as Record<string, string>,
      line: (fy: string, grade: string) => `${fy}の評価 ${grade}`,
      moved: { improved: '前回より改善', same: '前回と同じ', worse: '前回より低下' } as Record<string, string>,
      withTrend: (line: string, trend: string) => `${line}（${trend}）`,
      ungraded: '評価：—',
      ungradedBecause: (reason: string) => `評価：—（${reason}）`,
      reasons: {
        no_target: '目標なし',
        no_actual: '実績未入力',
        before_evaluation_period: '評価期間前',
        zero_target: '目標が0',
        no_base: '比べる年度なし',
      } as Record<string, string>,
      missing: (years: string) => `未入力：${years}`,
    },
    home: {
      title: 'plan-bot',
      intro: (date: string) => `第4期情報化推進計画　${date}時点`,
      ownedTitle: 'あなたが担当するアクションプラン',
      planLine: (title: string, grade: string, status: string) => `*${title}*\n${grade}　${status}`,
      due: (fy: string, indicator: string, target: string, due: string, daysLeft: number) =>
        `⏰ ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${daysLeft === 0 ? '本日まで' : `あと${daysLeft}日`}`,
      overdue: (fy: string, indicator: string, target: string, due: string, daysLate: number) =>
        `⚠️ ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${daysLate}日超過`,
      nothingDue: '提出が必要な実績はありません。',
      moreFigures: (n: number, number: number) => `…ほか${n}件（\`/plan ${number}\` で確認できます）`,
      morePlans: (n: number) => `…ほか${n}件のアクションプランは表示しきれませんでした。\`/plan overdue\` で未提出の一覧を確認できます。`,
      recordButton: '実績を入力',
      showButton: '詳細',
      chartButton: 'グラフ',
      guideTitle: 'はじめに',
      guide:
        'あなたが担当するアクションプランはまだありません。\n' +
        '• `/plan 13` でアクションプラン⑬の目標・実績を、`/plan 13 chart` でグラフを表示できます。\n' +
        '• `/plan list` で一覧、`/plan overdue` で期限を過ぎた未提出の実績を確認できます。\n' +
        '• 担当になると、ここに担当のアクションプランと提出が必要な実績が表示されます（設定は管理者が `/plan owner 13 add @ユーザー` で行います）。',
      adminTitle: '計画全体（管理者）',
      adminSummary: (plans: number, overdue: number, withOverdue: number) =>
        `アクションプラン ${plans}件・期限超過の実績 ${overdue}件（${withOverdue}件のアクションプラン）`,
      adminLine: (title: string, grade: string, overdue: number) =>
        `${title}　${grade}${overdue > 0 ? `　⚠️ 期限超過 ${overdue}件` : ''}`,
      adminMore: (n: number) => `…ほか${n}件は \`/plan list\` で確認できます。`,
      reviewTitle: (fy: string) => `${fy} 評価の進み具合`,
      reviewProgress: (agreed: number, total: number, due: string | null) =>
        `評価が確定したアクションプラン ${agreed}／${total}件${due ? `（期限 ${due}）` : ''}`,
      reviewMember: (who: string, graded: number, total: number) => `${who}　${graded}／${total}件`,
      seatTitle: (fy: string) => `${fy} 評価：あなたの未評価`,
      seatPending: (plans: string, n: number, total: number) => `未評価 ${n}／${total}件：${plans}`,
      seatDone: (total: number) => `${total}件すべて評価済みです。ありがとうございました。`,
      sentAnswer: (circled: string) => `${circled} をお送りします。`,
      couldNotOpen: 'ホーム画面からの操作を完了できませんでした。時間をおいてもう一度お試しください。',
      omitted: (n: number) => `…ほか${n}項目は表示しきれませんでした。`,
    },
  },
};

export type Messages = typeof ja;
