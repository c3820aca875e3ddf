import { eraYearLabel, tokyoClock, twoDigits } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { AlertRule } from '../domain/alert-rules.ts';
import type { GradeCode, Trend, UngradedReason } from '../domain/grading.ts';
import type { FigureStatus } from '../domain/status.ts';
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
  instant: (iso: string) => {
    const t = tokyoClock(new Date(iso));
    return `${t.year}/${t.month}/${t.day} ${twoDigits(t.hour)}:${twoDigits(t.minute)}`;
  },
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
    nobody: '担当者か管理者（まだ誰も設定されていないため、plan-bot の運用担当者に設定を依頼してください）',
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
    adminsOnly: 'この操作は管理者だけが行えます。',
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
    unreadableButton: 'このボタンの内容を読み取れませんでした。古いメッセージのボタンかもしれません。`/plan help` で今の操作を確認してください。',
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
    runTime: (date: string, hour: number, minute: number) => `${date} ${hour}:${twoDigits(minute)}`,
    preview: {
      next: (when: string, channel: string) => `次回（${when}）<#${channel}> に投稿される内容です。まだ投稿していません。`,
      forDate: (date: string, channel: string) => `${date}の実行で <#${channel}> に投稿される内容です。まだ投稿していません。`,
      nothing: (date: string) => `${date}の実行で新しくお知らせする項目はありません。`,
      disabled: '通知チャンネルが設定されていないため、通知は停止しています。必要なら plan-bot の運用担当者に設定を依頼してください。',
    },
    cli: {
      posted: (date: string, channel: string, n: number, ts: string) =>
        `${date}の通知を ${channel} に投稿しました（${n}件、ts ${ts}）。`,
      deferred: (n: number) => `上限を超えた${n}件は次回の実行でお知らせします。`,
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
      show: ['/plan 13', 'アクションプラン⑬の評価・目標・実績（⑬、013 も可）'],
      list: ['/plan  または  /plan list', '20のアクションプランと評価・未入力の年度の一覧'],
      overdue: ['/plan overdue [YYYY-MM-DD]', '期限を過ぎた未提出の実績'],
      search: [
        '/plan search 防犯',
        '検索。対象：アクションプラン名・指標名・注記・テーマ・基本方針・進捗状況（英語名も）。全角半角、大文字小文字、ハイフン、長音、ひらがなとカタカナの違いは区別しない',
      ],
      policy: ['/plan policy 1', '基本方針（1〜3）ごとの一覧'],
      theme: ['/plan theme 防災・防犯', '取組テーマごとの一覧'],
      history: ['/plan history 13', '実績の入力履歴'],
      report: ['/plan report 13', '実績を入力するフォームを開く'],
      chart: ['/plan 13 chart', 'アクションプラン⑬の目標と実績のグラフ（画像をチャンネルに投稿）'],
      owner: ['/plan owner 13 [add|remove @ユーザー]', '担当者の確認・設定（設定は管理者のみ）'],
      alerts: ['/plan alerts', '次回の通知内容を確認（管理者のみ）'],
      review: ['/plan review 2020 [13]', '懇談会の評価：年度の一覧、⑬の評価シート（委員はボタンから評価・意見を入力）'],
      reviewAdmin: ['/plan review open|close 2020  ／  /plan review agree 2020 13 A', '評価の開始（実績の確定）・終了、合意した評価の記録（管理者のみ）'],
      reviewTarget: ['/plan review target 13 2022 9000 理由 … 決定 …', '目標の見直し（管理者のみ。指標が複数なら 8-2）'],
      committee: ['/plan committee [add|remove @ユーザー]', '懇談会委員の確認・設定（設定は管理者のみ）'],
      settings: ['/plan settings [admin add|remove @ユーザー | channel #チャンネル|off | plan 計画コード | locale ja|en]', 'このワークスペースの設定の確認・変更（変更は管理者のみ。default で既定に戻す）'],
      help: ['/plan help', 'この説明'],
    } as Record<string, [string, string]>,
    share: '末尾に `share` を付けるとチャンネル全員に表示します（例：`/plan 13 share`）。',
    statusLegend: '状況：✅ 達成 ／ ❌ 未達成 ／ ⏳ 集計中 ／ ⚠️ 未提出（期限超過） ／ ➖ 目標なし',
  },

  // Issue #12 (hardening): replays, the CLI's own usage and the alert dry run without a channel.
  hardening: {
    replayed: 'この依頼は一度受け付け済みのため、繰り返しは実行しませんでした。必要ならもう一度コマンドを入力してください。',
    cli: {
      usage: '使い方：npm run plan -- <Slack で /plan の後に書く言葉> [--json]',
      optionsTitle: 'オプション',
      options: [
        ['--help', 'この説明'],
        ['--json', '結果を JSON で出力（形式は docs/cli.md）'],
      ] as Array<[string, string]>,
      exitCodes: '終了コード：0 回答あり ／ 1 回答できない入力 ／ 2 設定の誤り',
      formsInSlack: '実績の入力（report）は Slack の /plan report から行います。',
    },
    placeholderChannel: (channel: string) =>
      `ALERT_CHANNEL が未設定のため、仮のチャンネル ${channel} 宛てとして表示します。仮のチャンネルには送信の記録がないので、すべて新規として数えています。`,
  },

  /** The reminder ladder (#17): DMs to owners, escalations to admins, the counts-only digest, previews. */
  reminders: {
    heading: (daysFromDue: number) =>
      daysFromDue < 0
        ? `⏰ 実績の提出期限まであと${-daysFromDue}日です`
        : daysFromDue === 0
          ? '⏰ 本日が実績の提出期限です'
          : `⚠️ 実績の提出期限を${daysFromDue}日過ぎています`,
    figure: (circled: string, planName: string) => `${circled} ${planName}`,
    fields: {
      indicator: '指標',
      fiscalYear: '年度',
      target: '目標',
      due: '提出期限',
    },
    recordButton: '実績を入力',
    snoozeButton: 'あとで（1週間）',
    privateNote: 'このお知らせは担当者のあなたにだけ届いています。入力するとこの実績のお知らせは止まります。',
    fallback: (heading: string, fy: string, indicator: string) => `${heading}：${fy} ${indicator}`,
    repeated: '前回のお知らせが届いたか確認できなかったため、もう一度お送りしています。重複していたらご容赦ください。',
    snoozed: (fy: string, indicator: string, until: string) =>
      `⏸ ${fy} ${indicator} のお知らせを${until}まで止めました。入力はいつでも下のボタンからできます。`,
    snoozeNotYours: 'このお知らせを止められるのは、このアクションプランの担当者と管理者だけです。',
    snoozeGone: 'このお知らせの実績が見つかりませんでした。`/plan` で確認してください。',
    alreadyRecorded: (fy: string, indicator: string) => `${fy} ${indicator} の実績はもう入力されています。お知らせは止まっています。`,
    escalation: {
      title: '提出が遅れている実績（管理者へのお知らせ）',
      intro: (days: number) =>
        `提出期限を${days}営業日より長く過ぎた実績と、担当者がいない実績です。担当者には個別にお知らせしています。`,
      overdueLine: (plan: string, fy: string, indicator: string, target: string, due: string, late: string, owners: string) =>
        `⚠️ ${plan} ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${late}　担当：${owners}`,
      unownedLine: (plan: string, fy: string, indicator: string, target: string, due: string, late: string, n: number) =>
        `👤 ${plan} ${fy} ${indicator}（目標 ${target}）提出期限 ${due}・${late}　担当者未設定：\`/plan owner ${n} add @ユーザー\``,
      dueIn: (days: number) => (days < 0 ? `あと${-days}日` : days === 0 ? '本日まで' : `${days}日超過`),
      more: (n: number) => `…ほか${n}件は次回お知らせします。`,
      fallback: (n: number) => `提出が遅れている実績 ${n}件（管理者へのお知らせ）`,
    },
    digest: {
      planLine: (title: string, counts: string) => `${title}　${counts}`,
      overdueSince: (count: string, oldestDue: string) => `${count}（最も古い期限 ${oldestDue}）`,
      noOwner: '担当者未設定',
      repeated: '前回の投稿が届いたか確認できなかったため、もう一度投稿しています。重複していたらご容赦ください。',
      privacy: '個々の実績は担当者に直接お知らせしています。',
    },
    preview: {
      title: (date: string) => `${date}に送られるリマインダー`,
      at: (when: string) => `送信予定：${when}（静かな時間帯を除く）`,
      forDate: (date: string) => `${date}の実行で送られる内容です。まだ何も送っていません。`,
      nothing: (date: string) => `${date}に送るリマインダーはありません。`,
      notWorkingDay: (date: string) => `${date}は閉庁日のため、リマインダーは送りません。`,
      off: 'リマインダーは停止しています（REMINDERS=off）。',
      dmLine: (to: string, heading: string, plan: string, fy: string, indicator: string) =>
        `→ ${to}：${heading}｜${plan} ${fy} ${indicator}`,
      escalationLine: (to: string, n: number) => `→ ${to}（管理者）：提出が遅れている実績 ${n}件`,
      counts: (dms: number, escalations: number) => `担当者へのDM ${dms}通・管理者へのお知らせ ${escalations}通`,
      noAdmins: (n: number) => `担当者のいない実績が${n}件ありますが、管理者が設定されていないため誰にも届きません。plan-bot の運用担当者に管理者の設定を依頼してください。`,
      more: (n: number) => `…ほか${n}件`,
    },
    cli: {
      sent: (date: string, dms: number, escalations: number) =>
        `${date}のリマインダーを送りました（担当者へのDM ${dms}通・管理者へのお知らせ ${escalations}通）。`,
      nothing: (date: string) => `${date}に送るリマインダーはありません。`,
      quiet: '静かな時間帯（QUIET_HOURS）のため、リマインダーは送りませんでした。次の営業日に送ります。',
      notWorkingDay: (date: string) => `${date}は閉庁日のため、リマインダーは送りませんでした。`,
      off: 'リマインダーは停止しています（REMINDERS=off）。',
      failed: (reason: string, sent: number) =>
        `リマインダーの送信が途中で止まりました（${reason}）。送った${sent}通は記録済みです。残りは次回の実行で送ります。`,
      unknown: (reason: string) =>
        `Slack の応答がなく（${reason}）、届いたか分からない投稿があります。次回の実行で Slack の履歴を確かめてから、届いていなければ送ります。`,
      digestUnknown: (reason: string) =>
        `Slack の応答がなく（${reason}）、通知が投稿されたか分かりません。二重に投稿しないよう、次回の実行でチャンネルの履歴を確かめてから決めます。`,
      recovered: (n: number) => `前回応答のなかった通知はチャンネルに届いていたため、その${n}件を記録しました。`,
      repeated: '前回の通知が届いたか確かめられなかったため（履歴を読めません）、その旨を添えて投稿しました。',
      busy: (holder: string, since: string) => `別の実行（${holder}、${since} 開始）がリマインダーを送信中のため、何もしませんでした。`,
    },
    channel: {
      notInChannel: (channel: string) =>
        `plan-bot が通知チャンネル ${channel} に参加していません。そのチャンネルで /invite @plan-bot を実行してから、もう一度実行してください。`,
      notFound: (channel: string) => `通知チャンネル ${channel} が見つかりません。plan-bot の運用担当者に通知チャンネルの設定を確認するよう依頼してください。`,
    },
    help: ['/plan reminders [YYYY-MM-DD]', '次の営業日に誰へ何のリマインダーが届くかを確認（管理者のみ）'] as [string, string],
  },

  /** How a plan is doing (評価), apart from whether its figures are in; close and reopen; English markers. */
  grading: {
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
    /** One mark per rank (best first) so grades of any scheme read at a glance in a list. */
    rankMark: ['🟢', '🟡', '🟠', '🔴'] as readonly string[],
    ungradedMark: '⚪',
    reason: {
      no_target: '目標なし',
      no_actual: '実績未入力',
      before_evaluation_period: '評価期間前',
      zero_target: '目標が0のため評価なし',
      no_base: '比べる前年度の実績なし',
    } satisfies Record<UngradedReason, string>,
    trend: { improved: '↗ 改善', same: '→ 変わらず', worse: '↘ 悪化' } satisfies Record<Trend, string>,
    ratio: (percent: string) => `達成率 ${percent}`,
    points: (value: number) => `目標との差 ${value > 0 ? '+' : ''}${formatNumber(value, 'ja')}ポイント`,
    margin: (amount: string, over: boolean) => (over ? `上限を${amount}超過` : `上限まで${amount}`),
    graded: (grade: string, achievement: string | null) => (achievement ? `評価 ${grade}（${achievement}）` : `評価 ${grade}`),
    ungraded: (reason: string) => `評価 —（${reason}）`,
    /** `令和2年度 評価 A（達成率 166%）` */
    headline: (fy: string, graded: string) => `${fy} ${graded}`,
    noGradeYet: (reason: string) => `評価：まだありません（${reason}）`,
    trendLine: (previousFy: string, previousGrade: string, trend: string) => `${previousFy}の評価 ${previousGrade} から ${trend}`,
    noTrend: '比べられる前年度の評価はありません',
    missing: (years: string) => `${years} 実績未入力`,
    missingClosed: (years: string) => `${years} 実績未入力（計画期間終了）`,
    complete: '期限を過ぎた未入力の実績はありません',
    /** A year's missing actual once the plan is closed: no longer 期限超過. */
    closedYear: '未入力（計画期間終了）',
    beforeEvaluation: '評価期間前',
    latest: (fy: string, achievement: string) => `${fy}の${achievement}`,
    figureNote: (fy: string, note: string) => `注記（${fy}の実績）：${note}`,
    /** Years as the plan writes them: 令和3〜5年度, 令和元年度、令和3年度. */
    years: (fiscalYears: readonly number[]) =>
      yearRuns(fiscalYears)
        .map(([first, last]) => {
          if (first === last) return eraYearLabel(first).ja;
          const [a, b] = [eraYearLabel(first), eraYearLabel(last)];
          return a.era === b.era ? `${a.ja.replace('年度', '')}〜${b.year}年度` : `${a.ja}〜${b.ja}`;
        })
        .join('、'),
    /** Names and notes that have no English form are shown as they are (Japanese): no marker in Japanese. */
    inJapanese: (text: string) => text,
    narrativeInJapanese: '',
    listLegend: '評価（A〜D ／ ◎〜× ／ 達成〜後退）：🟢 最上位 ／ 🟡 2番目 ／ 🟠 3番目 ／ 🔴 最下位 ／ ⚪ 評価なし（評価期間前など）',
    overdueGroup: (count: number, years: string, due: string, daysLate: number) =>
      `${count}件（${years}）・最も古い提出期限 ${due}（${formatNumber(daysLate, 'ja')}日超過）`,
    overdueTotal: (figures: number, plans: number) => `アクションプラン${plans}件・実績${figures}件`,
    overdueClosed: (date: string) =>
      `計画期間終了：${date}に計画を終了としたため、未入力の実績の督促は行いません。再開は管理者が \`/plan reopen\` で行えます。`,
    closedBadge: '計画期間終了',
    closedDone: (plan: string, date: string) =>
      `${plan}を計画期間終了としました（${date}）。未入力の実績は今後、督促も通知もしません。再開は \`/plan reopen\`。`,
    alreadyClosed: (plan: string, date: string) => `${plan}はすでに計画期間終了です（${date}に終了）。`,
    reopened: (plan: string) => `${plan}を再開しました。期限を過ぎた未入力の実績は再び督促・通知されます。`,
    notClosed: (plan: string) => `${plan}は終了していません。`,
    notEnded: (last: string) => `計画期間（${last}まで）が終わっていないため、まだ終了にできません。`,
    historySeed: (fy: string, value: string, source: string, date: string) => `${fy}：${value}（${source}・${date}）`,
    usage: {
      close: ['/plan close', '期間の終わった計画を終了にし、未入力の実績の督促を止める（管理者のみ）'],
      reopen: ['/plan reopen', '終了にした計画を再開する（管理者のみ）'],
    } as Record<string, [string, string]>,
  },

  /** Exports, imports and several plans in one store (#16). */
  exchange: {
    usage: {
      plans: ['/plan plans', '登録されている計画と期間（別の計画は `/plan 5期 3`、`/plan suita-4 list`）'],
      export: ['/plan export [xlsx|csv|md] [年度]', '評価シート（Excel）・CSV・進捗状況（Markdown）をDMで受け取る'],
    } as Record<string, [string, string]>,

    plans: {
      title: '登録されている計画',
      listTitle: (planName: string) => `${planName} アクションプラン一覧`,
      line: (name: string, code: string, period: string, count: number) =>
        `${name}（${code}）${period}・アクションプラン${count}件`,
      period: (first: number, last: number) => `${eraYearLabel(first).ja}〜${eraYearLabel(last).ja}`,
      isDefault: '既定',
      hint: '別の計画は番号の前に計画を付けて指定します（例：`/plan 5期 3`、`/plan suita-4 list`）。',
    },

    errors: {
      noSuchPlan: (selector: string, plans: string) => `計画「${selector}」はありません。登録されている計画：${plans}`,
      ambiguousPlan: (selector: string, plans: string) =>
        `「${selector}」に当たる計画が複数あります（${plans}）。計画コードで指定してください。`,
      yearOutsidePlan: (fy: string, period: string) => `${fy}は計画期間（${period}）の外です。`,
      recordInOwnPlanOnly: (code: string) =>
        `実績の入力は既定の計画でだけ行えます。${code} の実績は、その計画を既定とするボットから入力するか、plan-bot の運用担当者に取り込みを依頼してください。`,
    },

    export: {
      formatName: { xlsx: '評価シート（Excel）', csv: '実績CSV', md: '進捗状況（Markdown）', json: '計画ファイル（JSON）' },
      preparing: (what: string) => `${what}を作成中…`,
      title: (planName: string, what: string, fy: string) => `${planName} ${what}（${fy}）`,
      comment: (planName: string, what: string, asOf: string) => `${planName}の${what}です（${asOf}時点）。`,
      sent: (filename: string) => `${filename} を plan-bot とのダイレクトメッセージに送りました。`,
      failed: (reason: string) => `ファイルを送れませんでした：${reason}。何度も続く場合は管理者に連絡してください。`,
      reason: (code: string) =>
        ({
          missing_scope: 'アプリにファイル送信の権限（files:write・im:write）がありません。管理者が manifest.yml のとおりアプリを更新・再インストールしてください',
          not_allowed_token_type: 'ボットのトークンではファイルを送れません',
          channel_not_found: 'ダイレクトメッセージを開けませんでした',
          cannot_dm_bot: 'ボットにはダイレクトメッセージを送れません',
          rate_limited: 'Slack が混み合っています。しばらくしてからもう一度お試しください',
        })[code] ?? `Slack の応答：${code}`,
      written: (path: string, bytes: string) => `${path} に書き出しました（${bytes}）。`,
      progress: (what: string) => `${what}を作成中…`,
      done: (seconds: string) => `完了（${seconds}秒）`,
      cannotWrite: (path: string, reason: string) => `${path} に書き出せませんでした（${reason}）。`,
      usage:
        '使い方：npm run export -- --format xlsx|csv|md|json [--plan 計画コード] [--year 年度] [--out ファイル（- で標準出力）]',
    },

    import: {
      usage: '使い方：npm run import -- ファイル（.csv は実績、.json は計画） [--dry-run] [--strict] [--by 記録者名]',
      cannotRead: (path: string, reason: string) => `${path} を読めませんでした（${reason}）。`,
      unknownKind: (path: string) => `${path} の種類が分かりません。実績は .csv、計画は .json のファイルを指定してください。`,
      line: (line: number, text: string) => `${line}行目：${text}`,
      csvRefused: (n: number) => `このファイルは取り込めません（問題 ${n}件）。何も書き込んでいません。`,
      /** What the CSV reader found, by its code; its own detail (English, naming the column) follows. */
      csvProblem: (code: string, detail: string) =>
        `${
          ({
            not_utf8: 'UTF-8 ではありません。Excel では「CSV UTF-8（コンマ区切り）」で保存してください',
            empty: '見出し行がありません',
            bad_header: '見出し行の列が違います',
            bad_quoting: '引用符（"）の使い方が違います',
            column_count: '列の数が見出し行と違います',
            bad_value: '値が読めません',
            duplicate_row: '同じ指標・年度の行が前にもあります',
          } as Record<string, string>)[code] ?? '読めません'
        }（${detail}）`,
      summary: (added: number, changed: number, unchanged: number, refused: number) =>
        `新規 ${added}件・変更 ${changed}件・変更なし ${unchanged}件・拒否 ${refused}件`,
      where: (circled: string, indicator: string, fy: string) => `${circled} ${indicator} ${fy}`,
      added: (where: string, after: string) => `新規　${where}：${after}`,
      changed: (where: string, before: string, after: string) => `変更　${where}：${before} → ${after}`,
      refused: (where: string, reason: string) => `拒否　${where}：${reason}`,
      provisional: '（暫定）',
      note: (text: string) => `［注記：${text}］`,
      noNote: '［注記なし］',
      reasons: {
        unknownPlan: (code: string) => `計画 ${code} は登録されていません`,
        unknownActionPlan: (code: string, n: number) => `計画 ${code} にアクションプラン ${n} はありません`,
        unknownIndicator: (n: number, position: number) => `アクションプラン ${n} に ${position} 番目の評価指標はありません`,
        nameMismatch: (file: string, store: string) => `評価指標名「${file}」が登録内容「${store}」と違います（行がずれていませんか）`,
        unitMismatch: (file: string, store: string) => `単位「${file}」が登録内容「${store}」と違います`,
        yearOutsidePlan: (fy: string, period: string) => `${fy}は計画期間（${period}）の外です`,
        lockedYear: (fy: string) => `${fy}は確定済みのため変更できません`,
        targetDiffers: (file: string, store: string) =>
          `目標 ${file} が計画の目標 ${store} と違います（目標は計画ファイルで定めるもので、実績の取り込みでは変えられません）`,
        actualCleared: (store: string) => `記録済みの実績 ${store} が空欄になっています（実績は消せません。訂正は正しい値で記録してください）`,
      },
      dryRun: 'ドライラン：何も書き込んでいません。--dry-run を外すと上の内容を記録します。',
      nothingToDo: '記録する変更はありません。',
      applied: (n: number, who: string) => `${n}件の実績を「${who}」の取り込みとして記録しました。`,
      refusedAll: 'ファイル全体を取り込みませんでした。上の行を直してからもう一度実行してください（何も書き込んでいません）。',
      changedMeanwhile: (n: number) =>
        `比較のあとで ${n}件の実績が別の操作で記録されました。何も書き込んでいません。もう一度実行してください。`,
      plan: {
        invalidJson: (detail: string) => `JSON として読めません：${detail}`,
        invalid: (n: number) => `計画ファイルの形式に合いません（問題 ${n}件）。何も書き込んでいません。`,
        issue: (path: string, message: string) => (path ? `${path}：${message}` : message),
        exists: (code: string) => `計画 ${code} はすでに登録されています。計画は上書きしません（別のコードを付けてください）。`,
        warnings: (n: number) => `データの確認事項 ${n}件：`,
        strictRefused: '--strict のため、確認事項があるファイルは取り込みません。何も書き込んでいません。',
        wouldCreate: '次の内容を登録します（ドライラン：何も書き込んでいません）：',
        created: (code: string) => `計画 ${code} を登録しました。\`/plan ${code} list\` や \`/plan plans\` で確認できます。`,
        heading: (name: string, code: string, period: string) => `${name}（${code}）${period}`,
        counts: (policies: number, themes: number, actionPlans: number, indicators: number, targets: number, actuals: number) =>
          `基本方針 ${policies}・取組テーマ ${themes}・アクションプラン ${actionPlans}・評価指標 ${indicators}・目標 ${targets}件・実績 ${actuals}件`,
        actionPlanLine: (circled: string, name: string, indicators: number) => `${circled} ${name}（評価指標 ${indicators}）`,
        warning: {
          unitMismatch: (ap: string, indicator: string, unit: string, textUnit: string) =>
            `${ap} ${indicator}：単位が表では「${unit}」、本文では「${textUnit}」です`,
          targetGap: (ap: string, indicator: string, fy: string) =>
            `${ap} ${indicator}：${fy}だけ目標がありません（前後の年度にはあります。評価期間前なら beforeEvaluation に書いてください）`,
          targetOnlyInText: (ap: string, fy: string) => `${ap}：本文に${fy}の目標とありますが、表にはその年度の目標がありません`,
          negativeWithoutTriangle: (ap: string, excerpt: string) =>
            `${ap}：本文の「${excerpt}」はマイナスを ▲ で書いていません（資料の書き方は ▲16.68）`,
          outsideRange: (ap: string, indicator: string, fy: string, value: string) =>
            `${ap} ${indicator}：${fy}の値 ${value} が指標の範囲（range）の外です（マイナスの書き誤りではありませんか）`,
          duplicateIndicator: (indicator: string, where: string) => `評価指標「${indicator}」が複数あります（${where}）`,
        },
      },
    },

    /**
     * TEMPORARY (#16): the grade words until the `grading` namespace (another engineer) lands;
     * then commands/export callers take its words instead. Symbols and letters are the grade itself.
     */
    gradeLabel: (code: string) =>
      ({ achieved: '達成', advanced: '前進', flat: '横ばい', declined: '後退' } as Record<string, string>)[code] ?? '',
  },
  /** The committee's review of a fiscal year (docs/review.md). */
  review: {
    wayForward: { expand: '拡充', continue: '継続', review: '見直し', reduce: '縮小', abolish: '廃止' } satisfies Record<WayForward, string>,
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
        outOption: ['--out FILE.png', 'グラフ（chart）の画像を書き出す先'] as [string, string],
        outWithoutChart: '--out はグラフ（chart）と一緒に使います。例：npm run plan -- 13 chart --out 13.png',
        outMissing: '--out の後に書き出すファイル名を指定してください。例：--out 13.png',
        writeFailed: (path: string, reason: string) => `${path} に書き出せませんでした（${reason}）。`,
      },
    },
    grade: {
      withTrend: (line: string, trend: string) => `${line}（${trend}）`,
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
  /** The acknowledgement sent when an answer is not ready within the time Slack allows (#14). */
  answerTiming: {
    preparing: '作成中…　できあがり次第お届けします。',
  },
  /** A workspace's settings and its installation (#18, docs/workspaces.md). */
  workspace: {
    title: 'このワークスペースの設定',
    admins: '管理者',
    alertChannel: '通知チャンネル',
    plan: '既定の計画',
    locale: '言語',
    localeName: (locale: 'ja' | 'en'): string => (locale === 'ja' ? '日本語' : '英語'),
    nobody: '（なし）',
    off: '（通知しない）',
    newestPlan: '（最新の計画）',
    fromEnvironment: '既定値',
    changedBy: (who: string, date: string) => `${who} が ${date} に変更`,
    changed: (setting: string) => `${setting}を変更しました。`,
    unchanged: (setting: string) => `${setting}はすでにその設定です。`,
    hint: '管理者は `/plan settings admin add|remove @ユーザー`、`channel #チャンネル|off`、`plan 計画コード`、`locale ja|en` で変更でき、`default` で既定値に戻せます。',
    badChannel: (word: string) => `「${word}」はチャンネルとして読めません。#チャンネル で指定するか、off で通知を止めてください。`,
    lastAdmin: '最後の管理者は外せません。先に別の管理者を追加してください。',
    noPlan: 'このワークスペースにはまだ計画がありません。運用担当者に計画ファイルの読み込みを依頼してください。',
    installed: 'plan-bot をインストールしました。Slack に戻り `/plan help` をお試しください。',
    installFailed: 'インストールは完了しませんでした。もう一度インストールのリンクから始めてください。',
    cli: {
      usage: '使い方: npm run workspaces [-- delete チームID [--yes]]\n  一覧を表示します。delete はアンインストール済みのワークスペースとそのデータをすべて削除します（--yes がなければ削除せず内容だけ表示）。',
      line: (key: string, name: string | null, plans: number, uninstalledAt: string | null, installedAt: string | null): string =>
        `${key}\t${name ?? '-'}\t計画 ${plans}件\t${uninstalledAt ? `アンインストール済み（${uninstalledAt.slice(0, 10)}）` : installedAt ? `インストール済み（${installedAt.slice(0, 10)}）` : 'トークン方式'}`,
      wouldDelete: (key: string, plans: number) => `${key} と、その計画 ${plans}件（実績・担当者・評価を含む）・委員・設定を削除します。実行するには --yes を付けてください。`,
      deleted: (key: string, plans: number) => `${key} を削除しました（計画 ${plans}件とそのデータ）。`,
      stillInstalled: (key: string) => `${key} はまだインストールされています。Slack でアプリをアンインストールしてから削除してください。`,
      unknown: (key: string) => `ワークスペース ${key} はありません。npm run workspaces で一覧を確認してください。`,
      notLocal: 'local はトークン方式の計画を持つワークスペースのため、ここからは削除できません。',
    },
  },

};

/** Consecutive years as [first, last] runs: [2019, 2021, 2022, 2023] → [[2019, 2019], [2021, 2023]]. */
export function yearRuns(fiscalYears: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const fy of [...new Set(fiscalYears)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && fy === last[1] + 1) last[1] = fy;
    else runs.push([fy, fy]);
  }
  return runs;
}

export type Messages = typeof ja;
