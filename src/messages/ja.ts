import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { eraYearLabel, PLAN_TIME_ZONE } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { AlertRule } from '../domain/alert-rules.ts';
import type { FigureStatus } from '../domain/status.ts';
import type { GradeCode, UngradedReason } from '../domain/grading.ts';
import type { WayForward } from '../domain/review.ts';

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
      owner: ['/plan owner 13 [add|remove @ユーザー]', '担当者の確認・設定（設定は管理者のみ）'],
      alerts: ['/plan alerts', '次回の通知内容を確認（管理者のみ）'],
      review: ['/plan review 2020 [13]', '懇談会の評価：年度の一覧、⑬の評価シート（委員はボタンから評価・意見を入力）'],
      reviewAdmin: ['/plan review open|close 2020  ／  /plan review agree 2020 13 A', '評価の開始（実績の確定）・終了、合意した評価の記録（管理者のみ）'],
      reviewTarget: ['/plan review target 13 2022 9000 理由 … 決定 …', '目標の見直し（管理者のみ。指標が複数なら 8-2）'],
      committee: ['/plan committee [add|remove @ユーザー]', '懇談会委員の確認・設定（設定は管理者のみ）'],
      help: ['/plan help', 'この説明'],
    } as Record<string, [string, string]>,
    share: '末尾に `share` を付けるとチャンネル全員に表示します（例：`/plan 13 share`）。',
    statusLegend: '状況：✅ 達成 ／ ❌ 未達成 ／ ⏳ 集計中 ／ ⚠️ 未提出（期限超過） ／ ➖ 目標なし',
  },

  /** The committee's review of a fiscal year (docs/review.md). */
  review: {
    grade: {
      A: 'A',
      B: 'B',
      C: 'C',
      D: 'D',
      double_circle: '◎',
      circle: '○',
      triangle: '△',
      cross: '×',
      achieved: '達成',
      advanced: '前進',
      flat: '横ばい',
      declined: '後退',
    } satisfies Record<GradeCode, string>,
    wayForward: { expand: '拡充', continue: '継続', review: '見直し', reduce: '縮小', abolish: '廃止' } satisfies Record<WayForward, string>,
    ungraded: {
      before_evaluation_period: '評価期間前',
      no_target: '目標なし',
      no_actual: '実績なし',
      zero_target: '目標0',
      no_base: '比較できる年度なし',
    } satisfies Record<UngradedReason, string>,
    corrected: '修正あり',
    targetRevised: '見直し後',
    duplicate: 'この依頼はすでに処理しています（同じ依頼が二度届きました）。',

    list: {
      title: '懇談会の評価',
      empty: 'まだ評価を開始した年度はありません。管理者が `/plan review open 2020` で開始します。',
      line: (fy: string, state: string) => `${fy}　${state}`,
      hint: '`/plan review 2020` で年度の一覧、`/plan review 2020 13` で評価シートを表示します。',
    },
    state: {
      /** Beside who opened it and when, which the summary says on its own. */
      now: '受付中',
      open: (when: string) => `受付中（${when}開始）`,
      closed: (when: string) => `確定（${when}終了）`,
    },
    summary: {
      title: (fy: string) => `${fy}の評価（懇談会）`,
      opened: (who: string, when: string) => `${who} が ${when} に開始`,
      meeting: (date: string) => `懇談会：${date}`,
      openReason: (reason: string) => `実績がそろわないまま開始（理由：${reason}）`,
      members: (n: number) => `委員${n}名`,
      snapshot: '数値は開始時点のもの',
      policy: (n: number, name: string) => `基本方針${n}：${name}`,
      theme: (name: string) => `取組：${name}`,
      computed: (grade: string) => `算定 ${grade}`,
      memberGrades: (tally: string) => `委員 ${tally}`,
      noMemberGrades: '委員 —',
      tally: (grade: string, n: number) => `${grade}×${n}`,
      opinions: (n: number) => `意見${n}件`,
      agreed: (grade: string) => `合意 ${grade}`,
      noAgreed: '合意 —',
      wayForward: (word: string) => `方向性 ${word}`,
      missingTitle: '開始時にそろっていなかった実績',
      missing: (circled: string, indicator: string, kind: 'no_actual' | 'provisional') =>
        `${circled} ${indicator}：${kind === 'no_actual' ? '未提出' : '暫定値のまま'}`,
      correctionsTitle: '開始後の修正',
      correction: (circled: string, indicator: string, before: string, after: string, reason: string, who: string, when: string) =>
        `${circled} ${indicator}：${before} → ${after}（理由：${reason}・${who}・${when}）`,
      page: (n: number, pages: number) => `${n}／${pages}ページ`,
      previous: '◀ 前へ',
      next: '次へ ▶',
      open: '開く',
      hint: '各行の「開く」で評価シートを表示します（`/plan review 2020 13` でも表示できます）。',
    },
    sheet: {
      title: (circled: string, name: string, fy: string) => `${circled} ${name}（${fy}の評価）`,
      indicators: '評価指標（開始時点）',
      figure: (target: string, actual: string, rate: string, grade: string) => `目標 ${target} ／ 実績 ${actual} ／ 達成率 ${rate} ／ 評価 ${grade}`,
      computed: (grade: string) => `算定評価：${grade}`,
      narrative: (fy: string | null) => (fy ? `担当課の評価（進捗状況・${fy}）` : '担当課の評価（進捗状況）'),
      assessments: '委員の評価・意見',
      noAssessments: 'まだ評価・意見はありません。',
      assessment: (who: string, grade: string, when: string) => `${who}　評価 ${grade}（${when}）`,
      edited: (n: number) => `・${n}回修正`,
      agreed: '合意した評価',
      noAgreed: 'まだ記録されていません（管理者が `/plan review agree 年度 番号 評価` で記録）。',
      agreedBy: (grade: string, who: string, when: string) => `${grade}（${who}・${when}）`,
      response: '意見への対応と今後の方向性',
      noResponse: 'まだ記録されていません（担当者か管理者が「対応を入力」から記録）。',
      responseBy: (wayForward: string, who: string, when: string) => `今後の方向性：${wayForward}（${who}・${when}）`,
      assess: '評価・意見を入力',
      respond: '対応を入力',
      back: '一覧に戻る',
      closedNote: 'この評価は確定しています。内容は変更できません。',
    },
    opened: {
      title: (fy: string) => `${fy}の評価を開始しました`,
      locked: (fy: string) => `${fy}の実績を確定しました。以後の変更は管理者が理由を添えて行う修正だけです。`,
      missing: (n: number) => `実績がそろっていない指標が${n}件あります（評価シートに表示されます）。`,
      notified: (n: number) => `委員${n}名にDMでお知らせしました。`,
      noMembers: '委員が登録されていないため、誰にも通知していません。`/plan committee add @委員` で登録してください。',
      next: (command: string) => `一覧は \`${command}\` で表示できます。`,
    },
    closed: {
      title: (fy: string) => `${fy}の評価を終了しました。以後は内容を変更できません。`,
      withoutAgreed: (list: string) => `合意した評価が記録されていないアクションプラン：${list}`,
    },
    agreed: {
      saved: (circled: string, fy: string, grade: string) => `${circled} の${fy}の合意した評価を ${grade} と記録しました。`,
      replaced: (grade: string) => `（前の記録 ${grade} は履歴に残っています）`,
    },
    target: {
      saved: (circled: string, indicator: string, fy: string, before: string, after: string) =>
        `${circled} ${indicator} ${fy}の目標を ${before} から ${after} に見直しました。`,
      why: (reason: string, decision: string) => `理由：${reason} ／ 決定：${decision}`,
      kept: '元の目標は `/plan history` に残っています。',
    },
    committee: {
      title: '懇談会の委員',
      none: '委員はまだ登録されていません。管理者が `/plan committee add @ユーザー` で追加できます。',
      member: (who: string, source: 'config' | 'slack') => `・${who}${source === 'config' ? '（PLAN_COMMITTEE）' : ''}`,
      added: (who: string) => `${who} を委員に追加しました。`,
      alreadyMember: (who: string) => `${who} はすでに委員です。`,
      removed: (who: string) => `${who} を委員から外しました。`,
      notMember: (who: string) => `${who} は委員ではありません。`,
    },
    history: {
      targets: '目標の見直し',
      target: (fy: string, before: string, after: string, who: string, when: string) =>
        `${fy}：${before} → ${after}（見直し後・${who}・${when}）`,
      why: (reason: string, decision: string) => `理由：${reason} ／ 決定：${decision}`,
      correction: (reason: string) => `修正あり（理由：${reason}）`,
    },
    errors: {
      badYear: (word: string) => `「${word}」は年度として読めません。2020、R2、令和2年度 のように指定してください。`,
      badGrade: (word: string) => `「${word}」は評価として読めません。A〜D、◎○△×、達成・前進・横ばい・後退 のどれかを指定してください。`,
      noReview: (fy: string, years: string) =>
        years ? `${fy}の評価はまだ開始されていません。評価のある年度：${years}` : `${fy}の評価はまだ開始されていません。`,
      alreadyOpen: (fy: string, who: string, when: string, closed: boolean) =>
        `${fy}の評価は ${who} が ${when} に開始済みです${closed ? '（終了済み）' : ''}。二度は開始できません。`,
      missingActuals: (fy: string, n: number) => `${fy}の実績がそろっていません（${n}件）。評価を開始すると実績が確定されます。`,
      forceHint: (fy: number) => `提出を待つか、理由を添えて \`/plan review open ${fy} force 理由\` で開始してください（不足分は評価に表示されます）。`,
      outsidePlan: (fy: string, first: string, last: string) => `${fy}は計画期間（${first}〜${last}）の外です。`,
      yearNotClosed: (fy: string) => `${fy}はまだ終わっていないため、実績を確定できません。`,
      meetingInPast: (date: string) => `懇談会の日付 ${date} は過ぎています。今日以降の日付を指定してください。`,
      reviewClosed: (fy: string, when: string) => `${fy}の評価は ${when} に終了しています。内容は変更できません。`,
      notInReview: (fy: string, circled: string) => `${fy}の評価に ${circled} はありません。`,
      gradeNotInScheme: (grade: string, allowed: string) => `${grade} はこのアクションプランの評価基準にありません。使える評価：${allowed}`,
      membersOnly: '評価・意見を入力できるのは懇談会の委員だけです。委員の登録は管理者に依頼してください。',
      ownersAndAdminsOnly: (circled: string, owners: string) =>
        owners ? `${circled} の対応を入力できるのは担当者（${owners}）と管理者です。` : `${circled} の対応を入力できるのは担当者と管理者です。`,
      targetLocked: (fy: string) => `${fy}は評価で確定済みのため、目標を見直せません。`,
      noTargetYear: (circled: string, fy: string) => `${circled} に${fy}の目標の欄はありません。`,
      noSuchIndicator: (circled: string, position: number, count: number) => `${circled} に${position}番目の指標はありません（指標は${count}つ）。`,
      whichIndicator: (circled: string, n: number, count: number) =>
        `${circled} には指標が${count}つあります。\`${n}-1\` 〜 \`${n}-${count}\` のように指定してください。`,
      badTarget: (problem: string) => `目標の値：${problem}`,
      reasonRequired: (field: 'reason' | 'decision') => `${field === 'reason' ? '理由' : '決定（会議と日付）'}を入力してください。`,
      reasonTooLong: (field: 'reason' | 'decision', length: number, limit: number) =>
        `${field === 'reason' ? '理由' : '決定'}は${limit}文字以内にしてください（いま${length}文字）。`,
      openFromSlack: '評価の開始は委員へのDMを伴うため、Slack の `/plan review open` から行ってください。',
    },
    form: {
      assessTitle: (circled: string) => `${circled} 評価・意見`,
      respondTitle: (circled: string) => `${circled} 対応・方向性`,
      submit: '保存する',
      close: 'キャンセル',
      heading: (circled: string, name: string, fy: string) => `*${circled} ${name}*（${fy}の評価）`,
      computed: (grade: string) => `算定評価（評価基準による）：${grade}`,
      gradeLabel: '評価',
      gradePlaceholder: '評価を選択',
      opinionLabel: '意見',
      opinionPlaceholder: '例：利用状況の周知方法を工夫してほしい',
      opinionHint: (limit: number) => `${limit}文字以内。評価が終了するまで何度でも書き直せます（前の内容も記録に残ります）。`,
      responseLabel: '意見への対応',
      responseHint: (n: number, limit: number) => `委員の意見${n}件への対応。${limit}文字以内。`,
      wayForwardLabel: '今後の方向性',
      wayForwardPlaceholder: '方向性を選択',
      nothingGiven: '評価か意見の少なくとも一方を入力してください。',
      required: '入力してください。',
      tooLong: (length: number, limit: number) => `${limit}文字以内にしてください（いま${length}文字）。`,
      wayForwardRequired: '今後の方向性を選んでください。',
      staleForm: 'このフォームは古くなっています。閉じてから開き直してください。',
      notSaved: '保存できませんでした。時間をおいてもう一度「保存する」を押してください。',
      couldNotOpen: (fy: number, n: number) => `フォームを開けませんでした。\`/plan review ${fy} ${n}\` からもう一度お試しください。`,
      savedAssessment: (circled: string, fy: string, grade: string) => `${circled} の${fy}の評価・意見を保存しました（評価 ${grade}）。`,
      savedResponse: (circled: string, fy: string, wayForward: string) => `${circled} の${fy}の対応を保存しました（今後の方向性：${wayForward}）。`,
      seeSheet: (fy: number, n: number) => `\`/plan review ${fy} ${n}\` で確認できます。`,
    },
    notices: {
      openedTitle: (fy: string) => `${fy}の評価が始まりました`,
      openedBody: (fy: string) => `懇談会委員のみなさまへ：${fy}のアクションプランごとに、評価と意見の入力をお願いします。評価シートの「評価・意見を入力」から入力できます。`,
      meeting: (date: string) => `懇談会は ${date} の予定です。`,
      openSummary: '評価の一覧を開く',
      command: (fy: number) => `\`/plan review ${fy}\` でも開けます。`,
      channel: (fy: string, who: string, n: number) => `📋 ${fy}の評価を開始しました（${who}）。委員${n}名に評価と意見を依頼しています。`,
      reminder: (fy: string, meeting: string, owed: number, total: number) =>
        `${meeting}の懇談会まで1週間を切りました。${fy}の評価で、まだ評価を入力していないアクションプランが${owed}件（全${total}件）あります。`,
    },
    locks: {
      yearLocked: (fy: string) => `${fy}の実績は評価で確定済みです。修正は管理者が理由を添えて行います。管理者に連絡してください。`,
      reasonRequired: (fy: string) => `${fy}の実績は評価で確定済みです。修正するには理由を注記に入力してください。`,
    },
  },
};

export type Messages = typeof ja;
