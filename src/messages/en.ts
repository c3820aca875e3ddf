import { eraYearLabel, tokyoClock, twoDigits } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { FigureStatus } from '../domain/status.ts';
import { yearRuns, type Messages } from './ja.ts';

const UNIT_NAMES: Record<string, string> = {
  '%': '%',
  件: 'cases',
  人: 'people',
  時間: 'hours',
  分: 'min',
  点: 'items',
  回: 'times',
  拠点: 'sites',
  冊: 'volumes',
  か所: 'places',
  団体: 'groups',
};

const unitName = (unit: string) => UNIT_NAMES[unit] ?? unit;

/** English units are plural; one of a thing takes the singular ("1 person", not "1 people"). */
const SINGULAR: Record<string, string> = {
  cases: 'case',
  people: 'person',
  hours: 'hour',
  times: 'time',
  items: 'item',
  sites: 'site',
  volumes: 'volume',
  places: 'place',
  groups: 'group',
  days: 'day',
  figures: 'figure',
  plans: 'plan',
};

const counted = (n: number, plural: string) => `${formatNumber(n, 'en')} ${Math.abs(n) === 1 ? (SINGULAR[plural] ?? plural) : plural}`;

export const en: Messages = {
  locale: 'en',

  fiscalYear: (fy) => eraYearLabel(fy).en,
  fiscalYearShort: (fy) => eraYearLabel(fy).en,
  number: (value) => formatNumber(value, 'en'),
  withUnit: (value, unit) => (unit === '%' ? `${formatNumber(value, 'en')}%` : counted(value, unitName(unit))),
  unitName,
  percent: (ratio) => formatPercentRatio(ratio, 'en'),
  date: (civil) => civil,
  instant: (iso) => {
    const t = tokyoClock(new Date(iso));
    return `${t.year}-${twoDigits(t.month)}-${twoDigits(t.day)} ${twoDigits(t.hour)}:${twoDigits(t.minute)} JST`;
  },
  circled: (n) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`),

  status: {
    achieved: 'achieved',
    missed: 'missed',
    pending: 'pending',
    overdue: 'overdue',
    no_target: 'no target',
  } satisfies Record<FigureStatus, string>,
  provisional: 'provisional',
  none: '—',
  join: (items) => items.join(', '),
  paren: (text) => ` (${text})`,
  labelled: (label, text) => `${label}: ${text}`,
  separator: ' / ',

  plan: {
    policy: (n, name) => `Basic policy ${n}: ${name}`,
    theme: (name) => `Theme: ${name}`,
    unitNote: (unit, lowerIsBetter) => ` (unit: ${unitName(unit)}${lowerIsBetter ? ', lower is better' : ''})`,
    target: 'Target',
    actual: 'Actual',
    latest: (fy, rate) => `Achievement in ${fy}: ${rate}`,
    noLatest: 'Achievement: no year has both a target and an actual yet',
    narrative: (fy) => (fy ? `Progress (${fy} review)` : 'Progress'),
    owners: (mentions) => `Owners: ${mentions}`,
    noOwners: 'No owners yet',
    recordButton: 'Record a figure',
    asOf: (date) => `as of ${date}`,
    note: 'Note',
  },

  list: {
    title: '4th IT Promotion Plan — action plans',
    searchTitle: (words) => `Search results for "${words}"`,
    policyTitle: (n, name) => `Basic policy ${n}: ${name}`,
    themeTitle: (name) => `Theme: ${name}`,
    count: (n) => `${n} ${n === 1 ? 'plan' : 'plans'}`,
    heading: (title, count, asOf) => `${title} (${count}, ${asOf})`,
    empty: 'No action plans match.',
    searchEmpty: (words) => `No action plan matches "${words}". Try other words, or \`/plan list\` for all of them.`,
    hint: 'For details, give a number, e.g. `/plan 13`.',
  },

  overdue: {
    title: (date) => `Overdue figures (as of ${date})`,
    none: (date) => `No figures are overdue as of ${date}.`,
  },

  history: {
    title: (circled, name) => `${circled} ${name} — history of actuals`,
    empty: 'No actuals recorded yet.',
    entry: (fy, value, who, when, source) => `${fy}: ${value} (${who}, ${when}, ${source})`,
    current: 'current',
    replaced: 'replaced',
    source: { seed: 'plan document', slack: 'Slack', cli: 'CLI', import: 'import' },
    seedRecorder: 'plan document',
  },

  owners: {
    title: (circled, name) => `${circled} ${name} — owners`,
    none: 'No owners yet. An admin can add one with `/plan owner 13 add @user`.',
    added: (user) => `Added ${user} as an owner.`,
    alreadyOwner: (user) => `${user} is already an owner.`,
    removed: (user) => `Removed ${user} from the owners.`,
    notOwner: (user) => `${user} is not an owner.`,
  },

  record: {
    title: (circled) => `Record a figure ${circled}`,
    submit: 'Record',
    close: 'Cancel',
    indicatorLabel: 'Indicator',
    indicatorPlaceholder: 'Choose an indicator',
    onlyIndicator: (name, unit) => `Indicator: ${name} (unit: ${unitName(unit)})`,
    fiscalYearLabel: 'Fiscal year',
    fiscalYearPlaceholder: 'Choose a fiscal year',
    valueLabel: (unit) => `Actual (${unitName(unit)})`,
    valuePlaceholder: 'e.g. 6,543',
    valueHint: (unit) =>
      `Unit: ${unitName(unit)}. You may type 1,234 / １２３４ / 1.2万 / 32.8 / ▲16.68 / -16.68, with or without the unit.`,
    noteLabel: 'Note',
    notePlaceholder: 'e.g. count at the end of September',
    noteHint: (limit) => `Up to ${limit} characters. Kept in the history with who recorded it and when.`,
    target: (fy, target) => `Target for ${fy}: ${target}`,
    noTarget: (fy) => `Target for ${fy}: none`,
    currentActual: (actual, who, when) => `Current actual: ${actual} (${who}, ${when})`,
    noActual: 'Current actual: not recorded yet',
    replaces: 'Recording replaces the current actual; the earlier value stays in the history.',
    provisionalNotice: 'This fiscal year has not ended, so the figure will be recorded as provisional.',
    couldNotOpen: (circled, n) => `The form for ${circled} could not be opened. Please run \`/plan report ${n}\` again.`,
    notSaved: 'The figure could not be recorded. Please press Record again in a moment, and tell an admin if this keeps happening.',
    fieldErrors: {
      indicatorRequired: 'Choose an indicator.',
      unknownIndicator: 'That indicator does not belong to this action plan. Please reopen the form.',
      fiscalYearRequired: 'Choose a fiscal year.',
      outsidePlanPeriod: (first, last) => `Choose a year within the plan period (${first}–${last}).`,
      notStarted: 'That fiscal year has not started yet.',
      empty: 'Enter the actual figure.',
      notANumber: (text) => `${text ? `"${text}" is` : 'That is'} not a number. For example: 6,543 / 32.8 / -16.68 / 1.2万`,
      ambiguousScale: (text) =>
        `"${text}" can be read more than one way. Write 億, 万 and 千 once each, largest first, with the digits after them in full (e.g. 1億2000万, 1万2千, 1万0500), or plain digits such as 12,000.`,
      scaleOnPercent: (text) => `"${text}": a percentage cannot take 万, 千 or 億. Type the digits only, e.g. 32.8.`,
      unknownUnit: (text, expected) =>
        expected.length
          ? `"${text}" is not a unit of this indicator. Leave the unit out, or write one of: ${expected.join(', ')}.`
          : `"${text}" is not a unit. Type the number only.`,
      tooPrecise: 'Use at most 4 decimal places.',
      tooLarge: (limit) => `That is too large. Keep it within ${limit}.`,
      negativeNotAllowed: 'This indicator cannot be negative.',
      belowMin: (min) => `Enter ${min} or more.`,
      aboveMax: (max) => `Enter ${max} or less.`,
      percentSignOnNonPercent: (unit) => `This indicator is counted in ${unitName(unit)}; leave out the % sign.`,
      noteTooLong: (length, limit) => `Keep the note within ${limit} characters (it has ${length}).`,
      staleForm: 'This form is out of date. Close it and open it again.',
    },
    forbidden: (circled, who) => `Figures for ${circled} can be recorded by ${who}. Please ask them if a figure needs entering.`,
    owners: (mentions) => `its owners (${mentions})`,
    admins: (mentions) => `the admins (${mentions})`,
    and: ' and ',
    nobody: 'its owners or the admins (none are set up yet: please ask the person who runs plan-bot to set some up)',
    saved: {
      title: (circled, name) => `${circled} ${name}: figure recorded`,
      figure: (indicator, fy, value) => `${indicator}, ${fy} actual: ${value}`,
      against: (target, status) => `Against the target of ${target}: ${status}`,
      noTarget: 'There is no target for this year',
      previous: (value) => `The earlier value ${value} stays in the history`,
      provisional: 'The fiscal year is still running, so this was recorded as provisional.',
      seeIt: (n) => `See it with \`/plan ${n}\`; the history with \`/plan history ${n}\`.`,
    },
    notice: (circled, fy, value, indicator, who) => `${circled} ${fy} actual ${value} recorded (${indicator}, ${who})`,
  },

  errors: {
    tooLong: (n, max) => `That is too long (${n} characters). Please keep it within ${max}.`,
    unknownVerb: (word) => `Sorry, I did not understand "${word}".`,
    badNumber: (word) => `"${word}" is not an action plan number. Use 1–20 (e.g. 13 or ⑬).`,
    missingArgument: (usage) => `Something is missing. Usage: ${usage}`,
    unexpectedWords: (words, usage) => `"${words}" was not expected. Usage: ${usage}`,
    badDate: (word) => `"${word}" is not a date. Use YYYY-MM-DD (e.g. 2024-07-01).`,
    badUser: (word) => `"${word}" is not a user. Mention them with @.`,
    noSuchActionPlan: (n, max) => `There is no action plan ${n}. Use a number from 1 to ${max}.`,
    noSuchPolicy: (n, max) => `There is no basic policy ${n}. Use 1 to ${max}.`,
    noSuchTheme: (name, themes) => `There is no theme "${name}". Themes: ${themes}`,
    adminsOnly: 'Only admins can do that.',
    noPlan: 'No plan data found. Check that the database was initialised.',
    cliCannotOpenForms: (n) => `Record figures in Slack with \`/plan report ${n}\`.`,
    internal: 'Something went wrong on our side. Please try again later, and tell an admin if it keeps happening.',
    seeHelp: 'See `/plan help` for usage.',
  },

  slack: {
    more: (n) => `…and ${n} more that did not fit. Narrow it down with \`/plan search\` or \`/plan policy 1\`.`,
    omitted: (n) => `…and ${n} more ${n === 1 ? 'item' : 'items'} that did not fit.`,
    usage: 'Usage',
    unreadableButton: 'This button could not be read; it may belong to an old message. See `/plan help` for what you can do now.',
    sharedBy: (user) => `Shared by ${user}`,
  },

  alerts: {
    title: (date) => `IT plan reminders (${date})`,
    count: {
      no_owner: (n) => `${n} without an owner`,
      overdue: (n) => `${n} overdue`,
      due_soon: (n) => `${n} due soon`,
      off_target: (n) => `${n} off target`,
    },
    countSeparator: ' · ',
    groupTitle: (circled, name) => `${circled} ${name}`,
    owners: (mentions) => `Owners: ${mentions}`,
    headingWith: (title, who) => `${title} — ${who}`,
    noOwners: 'No owner',
    overdue: (fy, indicator, target, due, daysLate) =>
      `⚠️ ${fy} ${indicator} (target ${target}) due ${due}, ${daysLate} day${daysLate === 1 ? '' : 's'} late`,
    dueSoon: (fy, indicator, target, due, daysLeft) =>
      `⏰ ${fy} ${indicator} (target ${target}) is due ${due}, ${daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`}`,
    offTarget: (fy, indicator, target, actual, lowerIsBetter) =>
      `❌ ${fy} ${indicator}: ${actual} missed the target of ${target}${lowerIsBetter ? ' (lower is better)' : ''}`,
    noOwner: (n) => `👤 No owner yet. An admin can add one with \`/plan owner ${n} add @user\`.`,
    groupMore: (n) => `…and ${n} more in the next reminder.`,
    deferred: (n) => `The message limit was reached; ${n} more will follow in the next reminder.`,
    footer: 'Record figures with `/plan report N`; list what is missing with `/plan overdue`.',
    fallback: (title, counts) => `${title}: ${counts}`,
    runTime: (date, hour, minute) => `${date} ${twoDigits(hour)}:${twoDigits(minute)} JST`,
    preview: {
      next: (when, channel) => `What the next run (${when}) would post to <#${channel}>. Nothing has been posted.`,
      forDate: (date, channel) => `What a run for ${date} would post to <#${channel}>. Nothing has been posted.`,
      nothing: (date) => `A run for ${date} would have nothing new to post.`,
      disabled: 'Alerts are off: no alert channel is set up. Ask the person who runs plan-bot if you need them.',
    },
    cli: {
      posted: (date, channel, n, ts) => `Posted the reminders for ${date} to ${channel} (${counted(n, 'items')}, ts ${ts}).`,
      deferred: (n) => `${counted(n, 'items')} over the message limit will follow in the next run.`,
      nothingNew: (date) => `Nothing new to remind about as of ${date}; nothing was posted.`,
      failed: (reason) => `Posting to Slack failed (${reason}). Nothing was recorded, so the next run will post it again.`,
      busy: (holder, since) => `Another run (${holder}, started ${since}) is posting to the same channel; did nothing.`,
      usage: 'Usage: npm run alerts -- [--date YYYY-MM-DD] [--dry-run]',
    },
  },

  help: {
    title: 'How to use plan-bot',
    intro: 'Targets and actuals of the 4th IT Promotion Plan action plans ①–⑳: look them up and record them.',
    usage: {
      show: ['/plan 13', 'Grade, targets and actuals of action plan ⑬ (⑬ and 013 work too)'],
      list: ['/plan  or  /plan list', 'All 20 action plans with their grades and missing years'],
      overdue: ['/plan overdue [YYYY-MM-DD]', 'Figures past their due date'],
      search: [
        '/plan search 防犯',
        'Search action plan names, indicator names and notes, themes, basic policies and progress reports, in Japanese and English; case, width, hyphens, long vowel marks and hiragana/katakana do not matter',
      ],
      policy: ['/plan policy 1', 'Action plans under a basic policy (1–3)'],
      theme: ['/plan theme 防災・防犯', 'Action plans under a theme'],
      history: ['/plan history 13', 'Every recorded actual, with who and when'],
      report: ['/plan report 13', 'Open the form to record a figure'],
      chart: ['/plan 13 chart', 'A chart of ⑬’s targets and actuals (posted as an image in the channel)'],
      owner: ['/plan owner 13 [add|remove @user]', 'See or change owners (changes: admins only)'],
      alerts: ['/plan alerts', 'Preview the next alert digest (admins only)'],
      review: ['/plan review 2020 [13]', "The committee's review: a year's summary, ⑬'s sheet (members grade and comment from its buttons)"],
      reviewAdmin: ['/plan review open|close 2020  /  /plan review agree 2020 13 A', 'Open (locks the figures) and close a review, record the agreed grade (admins only)'],
      reviewTarget: ['/plan review target 13 2022 9000 reason … decision …', 'Revise a target (admins only; 8-2 for a second indicator)'],
      committee: ['/plan committee [add|remove @user]', 'See or change the committee members (changes: admins only)'],
      settings: ['/plan settings [admin add|remove @user | channel #channel|off | plan code | locale ja|en]', "See or change this workspace's settings (changes: admins only; default puts one back)"],
      help: ['/plan help', 'This help'],
    },
    share: 'Add `share` at the end to post the answer for the whole channel (e.g. `/plan 13 share`).',
    statusLegend: 'Status: ✅ achieved / ❌ missed / ⏳ pending / ⚠️ overdue / ➖ no target',
  },

  hardening: {
    replayed: 'This request had already been received, so the repeat was not carried out. Type the command again if you meant to.',
    cli: {
      usage: 'Usage: npm run plan -- <what you would type after /plan in Slack> [--json]',
      optionsTitle: 'Options',
      options: [
        ['--help', 'This help'],
        ['--json', 'Print the result as JSON (format: docs/cli.md)'],
      ],
      exitCodes: 'Exit codes: 0 answered / 1 the input could not be answered / 2 the configuration is wrong',
      formsInSlack: 'Figures are recorded in Slack, with /plan report.',
    },
    placeholderChannel: (channel) =>
      `ALERT_CHANNEL is not set, so this previews for a placeholder channel ${channel}. Nothing was ever posted there, so every item counts as new.`,
  },

  reminders: {
    heading: (daysFromDue) =>
      daysFromDue < 0
        ? `⏰ A figure is due in ${-daysFromDue} day${daysFromDue === -1 ? '' : 's'}`
        : daysFromDue === 0
          ? '⏰ A figure is due today'
          : `⚠️ A figure is ${daysFromDue} day${daysFromDue === 1 ? '' : 's'} overdue`,
    figure: (circled, planName) => `${circled} ${planName}`,
    fields: {
      indicator: 'Indicator',
      fiscalYear: 'Fiscal year',
      target: 'Target',
      due: 'Due',
    },
    recordButton: 'Record the figure',
    snoozeButton: 'Later (1 week)',
    privateNote: 'Only you, as an owner, get this reminder. Recording the figure stops its reminders.',
    fallback: (heading, fy, indicator) => `${heading}: ${fy} ${indicator}`,
    repeated: 'We could not tell whether the last reminder arrived, so here it is again. Sorry if it is a repeat.',
    snoozed: (fy, indicator, until) => `⏸ Reminders about ${fy} ${indicator} are paused until ${until}. You can still record it with the button below.`,
    snoozeNotYours: 'Only the owners of this action plan and the admins can pause this reminder.',
    snoozeGone: 'The figure of this reminder was not found. Check it with `/plan`.',
    alreadyRecorded: (fy, indicator) => `${fy} ${indicator} has been recorded already; its reminders have stopped.`,
    escalation: {
      title: 'Late figures (for admins)',
      intro: (days) =>
        `Figures more than ${days} working days past their due date, and figures with no owner. Owners are reminded directly.`,
      overdueLine: (plan, fy, indicator, target, due, late, owners) =>
        `⚠️ ${plan} ${fy} ${indicator} (target ${target}) due ${due}, ${late} — owners: ${owners}`,
      unownedLine: (plan, fy, indicator, target, due, late, n) =>
        `👤 ${plan} ${fy} ${indicator} (target ${target}) due ${due}, ${late} — no owner: \`/plan owner ${n} add @user\``,
      dueIn: (days) => (days < 0 ? `in ${-days} day${days === -1 ? '' : 's'}` : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} late`),
      more: (n) => `…and ${n} more in the next message.`,
      fallback: (n) => `${n} late figure${n === 1 ? '' : 's'} (for admins)`,
    },
    digest: {
      planLine: (title, counts) => `${title} — ${counts}`,
      overdueSince: (count, oldestDue) => `${count} (oldest due ${oldestDue})`,
      noOwner: 'no owner',
      repeated: 'We could not tell whether the last digest arrived, so it is posted again. Sorry if it is a repeat.',
      privacy: 'Owners are reminded of each figure directly.',
    },
    preview: {
      title: (date) => `Reminders to be sent on ${date}`,
      at: (when) => `Sending at ${when} (never in quiet hours)`,
      forDate: (date) => `What a run on ${date} would send. Nothing has been sent.`,
      nothing: (date) => `No reminders to send on ${date}.`,
      notWorkingDay: (date) => `${date} is not a working day: no reminders are sent.`,
      off: 'Reminders are off (REMINDERS=off).',
      dmLine: (to, heading, plan, fy, indicator) => `→ ${to}: ${heading} | ${plan} ${fy} ${indicator}`,
      escalationLine: (to, n) => `→ ${to} (admin): ${n} late figure${n === 1 ? '' : 's'}`,
      counts: (dms, escalations) => `${dms} DM${dms === 1 ? '' : 's'} to owners · ${escalations} to admins`,
      noAdmins: (n) => `${n} figure${n === 1 ? ' has' : 's have'} no owner, and no admins are set, so nobody will hear of ${n === 1 ? 'it' : 'them'}. Ask whoever runs plan-bot to set the admins.`,
      more: (n) => `…and ${n} more`,
    },
    cli: {
      sent: (date, dms, escalations) => `Sent the reminders for ${date} (${dms} DMs to owners, ${escalations} to admins).`,
      nothing: (date) => `No reminders to send on ${date}.`,
      quiet: 'Quiet hours (QUIET_HOURS): no reminders were sent. They go out on the next working day.',
      notWorkingDay: (date) => `${date} is not a working day: no reminders were sent.`,
      off: 'Reminders are off (REMINDERS=off).',
      failed: (reason, sent) =>
        `Sending reminders stopped part-way (${reason}). The ${sent} sent are recorded; the rest go out on the next run.`,
      unknown: (reason) =>
        `Slack did not answer (${reason}), so a post may or may not have arrived. The next run checks Slack's history before sending it again.`,
      digestUnknown: (reason) =>
        `Slack did not answer (${reason}), so the digest may or may not have been posted. To avoid a duplicate, the next run checks the channel's history first.`,
      recovered: (n) => `The digest that got no answer last time had arrived; its ${n} items are now recorded.`,
      repeated: 'Whether the last digest arrived could not be checked (history unreadable), so this one says it may repeat it.',
      busy: (holder, since) => `Another run (${holder}, started ${since}) is sending reminders; did nothing.`,
    },
    channel: {
      notInChannel: (channel) => `plan-bot is not a member of the alert channel ${channel}. Run /invite @plan-bot in that channel, then run this again.`,
      notFound: (channel) => `The alert channel ${channel} was not found. Ask whoever runs plan-bot to check the alert channel setting.`,
    },
    help: ['/plan reminders [YYYY-MM-DD]', 'Who gets which reminder on the next working day (admins only)'],
  },

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
      achieved: 'achieved',
      advanced: 'advanced',
      flat: 'flat',
      declined: 'declined',
    },
    rankMark: ['🟢', '🟡', '🟠', '🔴'],
    ungradedMark: '⚪',
    reason: {
      no_target: 'no target',
      no_actual: 'actual not recorded',
      before_evaluation_period: 'before the evaluation period',
      zero_target: 'a target of 0 cannot be graded',
      no_base: 'no earlier actual to compare with',
    },
    trend: { improved: '↗ better', same: '→ unchanged', worse: '↘ worse' },
    ratio: (percent) => `${percent} of target`,
    points: (value) =>
      value === 0
        ? 'on target'
        : `${formatNumber(Math.abs(value), 'en')} ${Math.abs(value) === 1 ? 'point' : 'points'} ${value > 0 ? 'past' : 'short of'} target`,
    margin: (amount, over) => (over ? `${amount} over the limit` : `${amount} under the limit`),
    graded: (grade, achievement) => (achievement ? `grade ${grade} (${achievement})` : `grade ${grade}`),
    ungraded: (reason) => `no grade (${reason})`,
    headline: (fy, graded) => `${fy}: ${graded}`,
    noGradeYet: (reason) => `No grade yet (${reason})`,
    trendLine: (previousFy, previousGrade, trend) => `Since ${previousFy} (grade ${previousGrade}): ${trend}`,
    noTrend: 'No earlier grade to compare with',
    missing: (years) => `${years}: actuals not recorded`,
    missingClosed: (years) => `${years}: actuals not recorded (plan period over)`,
    complete: 'No actual is past its due date',
    closedYear: 'not recorded (plan period over)',
    beforeEvaluation: 'before the evaluation period',
    latest: (fy, achievement) => `${fy}: ${achievement}`,
    figureNote: (fy, note) => `Note (${fy} actual): ${note}`,
    years: (fiscalYears) =>
      yearRuns(fiscalYears)
        .map(([first, last]) => (first === last ? `FY${first}` : `FY${first}–FY${last}`))
        .join(', '),
    inJapanese: (text) => `${text} (in Japanese)`,
    narrativeInJapanese: ' (in Japanese)',
    listLegend: 'Grade (A–D / ◎–× / achieved–declined): 🟢 top / 🟡 second / 🟠 third / 🔴 bottom / ⚪ no grade (e.g. before the evaluation period)',
    overdueGroup: (count, years, due, daysLate) =>
      `${counted(count, 'figures')} (${years}), oldest due ${due} (${counted(daysLate, 'days')} late)`,
    overdueTotal: (figures, plans) => `${counted(figures, 'figures')} in ${counted(plans, 'plans')}`,
    overdueClosed: (date) =>
      `Plan period over: the plan was closed on ${date}, so missing actuals are no longer chased. An admin can reopen it with \`/plan reopen\`.`,
    closedBadge: 'plan period over',
    closedDone: (plan, date) =>
      `${plan} is closed as of ${date}: its missing actuals will no longer be chased or raised in reminders. Reopen it with \`/plan reopen\`.`,
    alreadyClosed: (plan, date) => `${plan} is already closed (since ${date}).`,
    reopened: (plan) => `${plan} is open again: actuals past their due date will be chased and raised again.`,
    notClosed: (plan) => `${plan} is not closed.`,
    notEnded: (last) => `The plan period runs until the end of ${last}, so the plan cannot be closed yet.`,
    historySeed: (fy, value, source, date) => `${fy}: ${value} (${source}, ${date})`,
    usage: {
      close: ['/plan close', 'Close a plan whose period has ended: stop chasing its missing actuals (admins only)'],
      reopen: ['/plan reopen', 'Reopen a closed plan (admins only)'],
    },
  },

  exchange: {
    usage: {
      plans: ['/plan plans', 'The plans in the store and their periods (another plan: `/plan 5期 3`, `/plan suita-4 list`)'],
      export: ['/plan export [xlsx|csv|md] [year]', 'Get the evaluation sheets (Excel), the figures (CSV) or the review (Markdown) by DM'],
    },

    plans: {
      title: 'Plans in the store',
      listTitle: (planName) => `${planName}: action plans`,
      line: (name, code, period, count) => `${name} (${code}) ${period}, ${count} action plan${count === 1 ? '' : 's'}`,
      period: (first, last) => `FY${first}–FY${last}`,
      isDefault: 'default',
      hint: 'To address another plan, put it before the rest (e.g. `/plan 5期 3`, `/plan suita-4 list`).',
    },

    errors: {
      noSuchPlan: (selector, plans) => `There is no plan "${selector}". Plans in the store: ${plans}`,
      ambiguousPlan: (selector, plans) => `"${selector}" matches several plans (${plans}); use the plan code.`,
      yearOutsidePlan: (fy, period) => `${fy} is outside the plan period (${period}).`,
      recordInOwnPlanOnly: (code) =>
        `Figures are recorded in the default plan only. Record ${code}'s figures with a bot whose default plan it is, or ask whoever runs plan-bot to import them.`,
    },

    export: {
      formatName: { xlsx: 'evaluation sheets (Excel)', csv: 'figures (CSV)', md: 'progress review (Markdown)', json: 'plan file (JSON)' },
      preparing: (what) => `Preparing the ${what}…`,
      title: (planName, what, fy) => `${planName}: ${what} (${fy})`,
      comment: (planName, what, asOf) => `${planName}: ${what}, as of ${asOf}.`,
      sent: (filename) => `${filename} is in your direct messages with plan-bot.`,
      failed: (reason) => `The file could not be sent: ${reason}. If this keeps happening, tell an administrator.`,
      reason: (code) =>
        ({
          missing_scope:
            'the app lacks the scopes to send files (files:write, im:write); an administrator must update and reinstall it from manifest.yml',
          not_allowed_token_type: 'files cannot be sent with this token',
          channel_not_found: 'the direct message could not be opened',
          cannot_dm_bot: 'bots cannot receive direct messages',
          rate_limited: 'Slack is busy; try again in a little while',
        })[code] ?? `Slack answered ${code}`,
      written: (path, bytes) => `Wrote ${path} (${bytes}).`,
      progress: (what) => `Preparing the ${what}…`,
      done: (seconds) => `done (${seconds} s)`,
      cannotWrite: (path, reason) => `Could not write ${path} (${reason}).`,
      usage: 'Usage: npm run export -- --format xlsx|csv|md|json [--plan CODE] [--year FY] [--out FILE (- for stdout)]',
    },

    import: {
      usage: 'Usage: npm run import -- FILE (.csv: figures, .json: a plan) [--dry-run] [--strict] [--by NAME]',
      cannotRead: (path, reason) => `Could not read ${path} (${reason}).`,
      unknownKind: (path) => `What ${path} holds is unclear: give figures as .csv and a plan as .json.`,
      line: (line, text) => `line ${line}: ${text}`,
      csvRefused: (n) => `This file cannot be imported (${n} problem${n === 1 ? '' : 's'}). Nothing was written.`,
      csvProblem: (_code, detail) => detail,
      summary: (added, changed, unchanged, refused) =>
        `${added} new, ${changed} changed, ${unchanged} unchanged, ${refused} refused`,
      where: (circled, indicator, fy) => `${circled} ${indicator} ${fy}`,
      added: (where, after) => `new      ${where}: ${after}`,
      changed: (where, before, after) => `changed  ${where}: ${before} → ${after}`,
      refused: (where, reason) => `refused  ${where}: ${reason}`,
      provisional: ' (provisional)',
      note: (text) => ` [note: ${text}]`,
      noNote: ' [no note]',
      reasons: {
        unknownPlan: (code) => `there is no plan ${code}`,
        unknownActionPlan: (code, n) => `plan ${code} has no action plan ${n}`,
        unknownIndicator: (n, position) => `action plan ${n} has no indicator ${position}`,
        nameMismatch: (file, store) => `the indicator "${file}" is not the plan's "${store}" (has a row shifted?)`,
        unitMismatch: (file, store) => `the unit "${file}" is not the plan's "${store}"`,
        yearOutsidePlan: (fy, period) => `${fy} is outside the plan period (${period})`,
        lockedYear: (fy) => `${fy} is locked`,
        targetDiffers: (file, store) =>
          `the target ${file} differs from the plan's ${store} (targets belong to the plan file; a figures import cannot change them)`,
        actualCleared: (store) => `the recorded actual ${store} is blank here (actuals cannot be removed; record the corrected value instead)`,
      },
      dryRun: 'Dry run: nothing was written. Run again without --dry-run to record the above.',
      nothingToDo: 'Nothing to record.',
      applied: (n, who) => `Recorded ${n} actual${n === 1 ? '' : 's'} as imported by "${who}".`,
      refusedAll: 'The whole file was refused: fix the lines above and run again (nothing was written).',
      changedMeanwhile: (n) =>
        `${n} figure${n === 1 ? ' was' : 's were'} recorded by someone else after the comparison. Nothing was written; run again.`,
      plan: {
        invalidJson: (detail) => `Not readable as JSON: ${detail}`,
        invalid: (n) => `Not a valid plan file (${n} problem${n === 1 ? '' : 's'}). Nothing was written.`,
        issue: (path, message) => (path ? `${path}: ${message}` : message),
        exists: (code) => `Plan ${code} is already in the store. Plans are never overwritten (give it another code).`,
        warnings: (n) => `${n} data-quality warning${n === 1 ? '' : 's'}:`,
        strictRefused: 'With --strict a file with warnings is refused. Nothing was written.',
        wouldCreate: 'Would create (dry run: nothing was written):',
        created: (code) => `Created plan ${code}. See it with \`/plan ${code} list\` or \`/plan plans\`.`,
        heading: (name, code, period) => `${name} (${code}) ${period}`,
        counts: (policies, themes, actionPlans, indicators, targets, actuals) =>
          `${policies} policies, ${themes} themes, ${actionPlans} action plans, ${indicators} indicators, ${targets} targets, ${actuals} actuals`,
        actionPlanLine: (circled, name, indicators) => `${circled} ${name} (${indicators} indicator${indicators === 1 ? '' : 's'})`,
        warning: {
          unitMismatch: (ap, indicator, unit, textUnit) => `${ap} ${indicator}: the unit is "${unit}" in the table but "${textUnit}" in the text`,
          targetGap: (ap, indicator, fy) =>
            `${ap} ${indicator}: no target for ${fy} although the years around it have one (if it is 評価期間前, list it in beforeEvaluation)`,
          targetOnlyInText: (ap, fy) => `${ap}: the text speaks of a target for ${fy}, the table has none for that year`,
          negativeWithoutTriangle: (ap, excerpt) => `${ap}: "${excerpt}" in the text writes a negative without ▲ (the document writes ▲16.68)`,
          outsideRange: (ap, indicator, fy, value) =>
            `${ap} ${indicator}: the ${fy} value ${value} is outside the indicator's range (a sign written wrong?)`,
          duplicateIndicator: (indicator, where) => `two indicators are named "${indicator}" (${where})`,
        },
      },
    },

    // TEMPORARY (#16): replaced by the grading namespace's words; see ja.ts.
    gradeLabel: (code) =>
      ({ achieved: 'achieved', advanced: 'advanced', flat: 'flat', declined: 'declined' } as Record<string, string>)[code] ?? '',
  },
  review: {
    wayForward: { expand: 'expand', continue: 'continue', review: 'revise', reduce: 'reduce', abolish: 'abolish' },
    corrected: 'corrected',
    targetRevised: 'revised',
    duplicate: 'This request was already handled (the same request arrived twice).',

    list: {
      title: "The committee's reviews",
      empty: 'No review has been opened yet. An admin opens one with `/plan review open 2020`.',
      line: (fy, state) => `${fy}  ${state}`,
      hint: '`/plan review 2020` shows a year, `/plan review 2020 13` the sheet of ⑬.',
    },
    state: {
      now: 'open',
      open: (when) => `open (since ${when})`,
      closed: (when) => `closed (${when})`,
    },
    summary: {
      title: (fy) => `Review of ${fy}`,
      opened: (who, when) => `opened by ${who} on ${when}`,
      meeting: (date) => `meeting: ${date}`,
      openReason: (reason) => `opened with actuals missing (reason: ${reason})`,
      members: (n) => `${n} member${n === 1 ? '' : 's'}`,
      snapshot: 'figures as of the opening',
      policy: (n, name) => `Basic policy ${n}: ${name}`,
      theme: (name) => `Theme: ${name}`,
      computed: (grade) => `computed ${grade}`,
      memberGrades: (tally) => `members ${tally}`,
      noMemberGrades: 'members —',
      tally: (grade, n) => `${grade}×${n}`,
      opinions: (n) => `${n} opinion${n === 1 ? '' : 's'}`,
      agreed: (grade) => `agreed ${grade}`,
      noAgreed: 'agreed —',
      wayForward: (word) => `way forward: ${word}`,
      missingTitle: 'Actuals missing at the opening',
      missing: (circled, indicator, kind) => `${circled} ${indicator}: ${kind === 'no_actual' ? 'not submitted' : 'still provisional'}`,
      correctionsTitle: 'Corrected since the opening',
      correction: (circled, indicator, before, after, reason, who, when) =>
        `${circled} ${indicator}: ${before} → ${after} (reason: ${reason}; ${who}, ${when})`,
      page: (n, pages) => `page ${n} of ${pages}`,
      previous: '◀ Previous',
      next: 'Next ▶',
      open: 'Open',
      hint: '"Open" on a line shows its sheet (or `/plan review 2020 13`).',
    },
    sheet: {
      title: (circled, name, fy) => `${circled} ${name} (review of ${fy})`,
      indicators: 'Indicators (as of the opening)',
      figure: (target, actual, rate, grade) => `target ${target} / actual ${actual} / achievement ${rate} / grade ${grade}`,
      computed: (grade) => `Computed grade: ${grade}`,
      narrative: (fy) => (fy ? `The section's evaluation (progress, ${fy})` : "The section's evaluation (progress)"),
      assessments: "Members' grades and opinions",
      noAssessments: 'No grades or opinions yet.',
      assessment: (who, grade, when) => `${who}  grade ${grade} (${when})`,
      edited: (n) => `, changed ${n}×`,
      agreed: 'Agreed grade',
      noAgreed: 'Not recorded yet (an admin records it with `/plan review agree <year> <number> <grade>`).',
      agreedBy: (grade, who, when) => `${grade} (${who}, ${when})`,
      response: "The office's response and the way forward",
      noResponse: 'Not recorded yet (an owner or an admin records it with "Respond").',
      responseBy: (wayForward, who, when) => `Way forward: ${wayForward} (${who}, ${when})`,
      assess: 'Grade and comment',
      respond: 'Respond',
      back: 'Back to the summary',
      closedNote: 'This review is closed; nothing in it can change.',
    },
    opened: {
      title: (fy) => `The review of ${fy} is open`,
      locked: (fy) => `The actuals of ${fy} are now locked: from now on only an admin can correct one, giving a reason.`,
      missing: (n) => `${n} indicator${n === 1 ? ' lacks its' : 's lack their'} final actual (shown in the review).`,
      notified: (n) => `${n} committee member${n === 1 ? ' was' : 's were'} told by DM.`,
      noMembers: 'Nobody was told: there are no committee members. Add them with `/plan committee add @member`.',
      next: (command) => `See the summary with \`${command}\`.`,
    },
    closed: {
      title: (fy) => `The review of ${fy} is closed; nothing in it can change now.`,
      withoutAgreed: (list) => `Action plans without an agreed grade: ${list}`,
    },
    agreed: {
      saved: (circled, fy, grade) => `Recorded ${grade} as the agreed grade of ${circled} for ${fy}.`,
      replaced: (grade) => ` (the earlier ${grade} stays in the record)`,
    },
    target: {
      saved: (circled, indicator, fy, before, after) => `Revised the ${fy} target of ${circled} ${indicator} from ${before} to ${after}.`,
      why: (reason, decision) => `Reason: ${reason} / decision: ${decision}`,
      kept: 'The original target stays in `/plan history`.',
    },
    committee: {
      title: 'Committee members',
      none: 'No committee members yet. An admin adds them with `/plan committee add @user`.',
      member: (who, source) => `• ${who}${source === 'config' ? ' (PLAN_COMMITTEE)' : ''}`,
      added: (who) => `Added ${who} to the committee.`,
      alreadyMember: (who) => `${who} is already on the committee.`,
      removed: (who) => `Removed ${who} from the committee.`,
      notMember: (who) => `${who} is not on the committee.`,
    },
    history: {
      targets: 'Target revisions',
      target: (fy, before, after, who, when) => `${fy}: ${before} → ${after} (revised; ${who}, ${when})`,
      why: (reason, decision) => `Reason: ${reason} / decision: ${decision}`,
      correction: (reason) => `corrected (reason: ${reason})`,
    },
    errors: {
      badYear: (word) => `"${word}" is not a fiscal year. Use 2020, R2 or 令和2年度.`,
      badGrade: (word) => `"${word}" is not a grade. Use A–D, ◎○△×, or achieved / advanced / flat / declined.`,
      noReview: (fy, years) => (years ? `The review of ${fy} has not been opened. Reviews exist for: ${years}` : `The review of ${fy} has not been opened.`),
      alreadyOpen: (fy, who, when, closed) => `The review of ${fy} was opened by ${who} on ${when}${closed ? ' and is closed' : ''}; it cannot be opened twice.`,
      missingActuals: (fy, n) => `${n} actual${n === 1 ? ' is' : 's are'} missing for ${fy}. Opening the review locks the year's figures.`,
      forceHint: (fy) => `Wait for them, or open it anyway giving the reason: \`/plan review open ${fy} force <reason>\` (the missing ones are listed in the review).`,
      outsidePlan: (fy, first, last) => `${fy} is outside the plan period (${first}–${last}).`,
      yearNotClosed: (fy) => `${fy} has not ended yet, so its actuals cannot be final.`,
      meetingInPast: (date) => `The meeting date ${date} has passed. Give today or a later date.`,
      reviewClosed: (fy, when) => `The review of ${fy} was closed on ${when}; nothing in it can change.`,
      notInReview: (fy, circled) => `${circled} is not in the review of ${fy}.`,
      gradeNotInScheme: (grade, allowed) => `${grade} is not a grade of this action plan's scheme. Grades: ${allowed}`,
      membersOnly: 'Only committee members can grade and comment. Ask an admin to add you.',
      ownersAndAdminsOnly: (circled, owners) =>
        owners ? `The response for ${circled} is written by its owners (${owners}) and the admins.` : `The response for ${circled} is written by its owners and the admins.`,
      targetLocked: (fy) => `${fy} is locked by its review; its targets cannot be revised.`,
      noTargetYear: (circled, fy) => `${circled} has no ${fy} figure.`,
      noSuchIndicator: (circled, position, count) => `${circled} has no indicator number ${position} (it has ${count}).`,
      whichIndicator: (circled, n, count) => `${circled} has ${count} indicators: say which, as \`${n}-1\` to \`${n}-${count}\`.`,
      badTarget: (problem) => `The target: ${problem}`,
      reasonRequired: (field) => `Give the ${field === 'reason' ? 'reason' : 'decision (the meeting and its date)'}.`,
      reasonTooLong: (field, length, limit) => `The ${field} must be at most ${limit} characters (it has ${length}).`,
      openFromSlack: 'Opening a review sends the committee its DMs: open it in Slack with `/plan review open`.',
    },
    form: {
      assessTitle: (circled) => `${circled} Grade & comment`,
      respondTitle: (circled) => `${circled} Response`,
      submit: 'Save',
      close: 'Cancel',
      heading: (circled, name, fy) => `*${circled} ${name}* (review of ${fy})`,
      computed: (grade) => `Computed grade (by the grading rules): ${grade}`,
      gradeLabel: 'Grade',
      gradePlaceholder: 'Choose a grade',
      opinionLabel: 'Opinion',
      opinionPlaceholder: 'e.g. Make the service better known',
      opinionHint: (limit) => `Up to ${limit} characters. Change it as often as you like until the review closes; earlier versions are kept.`,
      responseLabel: 'Response to the opinions',
      responseHint: (n, limit) => `Answering ${n} opinion${n === 1 ? '' : 's'}. Up to ${limit} characters.`,
      wayForwardLabel: 'Way forward',
      wayForwardPlaceholder: 'Choose the way forward',
      nothingGiven: 'Give a grade, an opinion, or both.',
      required: 'Fill this in.',
      tooLong: (length, limit) => `At most ${limit} characters (it has ${length}).`,
      wayForwardRequired: 'Choose the way forward.',
      staleForm: 'This form is out of date. Close it and open it again.',
      notSaved: 'Could not save. Press "Save" again in a moment.',
      couldNotOpen: (fy, n) => `The form could not be opened. Try again from \`/plan review ${fy} ${n}\`.`,
      savedAssessment: (circled, fy, grade) => `Saved your grade and opinion on ${circled} for ${fy} (grade ${grade}).`,
      savedResponse: (circled, fy, wayForward) => `Saved the response on ${circled} for ${fy} (way forward: ${wayForward}).`,
      seeSheet: (fy, n) => `See it with \`/plan review ${fy} ${n}\`.`,
    },
    notices: {
      openedTitle: (fy) => `The review of ${fy} has begun`,
      openedBody: (fy) => `To the committee members: please grade each action plan of ${fy} and give your opinion, with "Grade and comment" on its sheet.`,
      meeting: (date) => `The meeting is planned for ${date}.`,
      openSummary: 'Open the summary',
      command: (fy) => `Or type \`/plan review ${fy}\`.`,
      channel: (fy, who, n) => `📋 The review of ${fy} is open (${who}); ${n} committee member${n === 1 ? '' : 's'} asked to grade and comment.`,
      reminder: (fy, meeting, owed, total) =>
        `The meeting of ${meeting} is less than a week away. In the review of ${fy}, ${owed} of ${total} action plans still await your grade.`,
    },
    locks: {
      yearLocked: (fy) => `The actuals of ${fy} are locked by its review. Only an admin can correct one, giving a reason: please ask an admin.`,
      reasonRequired: (fy) => `The actuals of ${fy} are locked by its review. To correct one, give the reason in the note.`,
    },
  },

  visual: {
    chart: {
      // Short words: a placeholder box is a fifth of a panel wide, and a word never breaks well.
      labels: { target: 'Target', actual: 'Actual', missing: 'no data', beforeEvaluation: 'not graded', lowerIsBetter: 'lower is better' },
      yearLabel: (fy) => {
        const label = eraYearLabel(fy);
        return `${label.en}\n${label.era === '令和' ? 'Reiwa' : 'Heisei'} ${label.year}`;
      },
      title: (circled, name) => `${circled} ${name}`,
      part: (title, index, count) => `${title} (${index}/${count})`,
      fileTitle: (title) => `${title}: targets and actuals`,
      altText: (title, grade, years) => `Chart of the targets and actuals of ${title} by fiscal year (${years}). ${grade}`,
      yearsSpan: (first, last) => `${first}–${last}`,
      comment: (title, grade, who) => `*${title}*　${grade}${who ? `\nShown by ${who}` : ''}`,
      button: 'Chart',
      drawing: (circled) => `Drawing the chart of ${circled}…`,
      nothingToDraw: (circled) => `${circled} has no indicators, so there is no chart to draw.`,
      sentToDm: (reason) =>
        `The bot is not in this conversation, so the chart went to your DM with the bot (${reason}). To share it here, add plan-bot to the channel (\`/invite @plan-bot\`) and ask again.`,
      dmBecause: (reason) => `The bot is not in the conversation where you asked, so here is the chart (${reason}).`,
      failed: (reason) => `The chart could not be posted (${reason}). Please try again later; if it keeps failing, tell an admin.`,
      cli: {
        wrote: (path, width, height, kb) => `Wrote ${path} (${width}×${height}, ${kb} kB).`,
        outOption: ['--out FILE.png', 'Where to write the chart (chart) as PNG'],
        outWithoutChart: '--out goes with chart, e.g. npm run plan -- 13 chart --out 13.png',
        outMissing: 'Give a file name after --out, e.g. --out 13.png',
        writeFailed: (path, reason) => `Could not write ${path} (${reason}).`,
      },
    },
    grade: {
      withTrend: (line, trend) => `${line} (${trend})`,
      missing: (years) => `Not entered: ${years}`,
    },
    home: {
      title: 'plan-bot',
      intro: (date) => `4th IT Promotion Plan, as of ${date}`,
      ownedTitle: 'Action plans you own',
      planLine: (title, grade, status) => `*${title}*\n${grade}　${status}`,
      due: (fy, indicator, target, due, daysLeft) =>
        `⏰ ${fy} ${indicator} (target ${target}) due ${due}, ${daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`}`,
      overdue: (fy, indicator, target, due, daysLate) =>
        `⚠️ ${fy} ${indicator} (target ${target}) was due ${due}, ${daysLate} day${daysLate === 1 ? '' : 's'} late`,
      nothingDue: 'No figures are due.',
      moreFigures: (n, number) => `…and ${n} more (see \`/plan ${number}\`)`,
      morePlans: (n) => `…and ${n} more action plans that did not fit. \`/plan overdue\` lists every missing figure.`,
      recordButton: 'Record actual',
      showButton: 'Details',
      chartButton: 'Chart',
      guideTitle: 'Getting started',
      guide:
        'You do not own an action plan yet.\n' +
        '• `/plan 13` shows action plan ⑬’s targets and actuals, `/plan 13 chart` draws them.\n' +
        '• `/plan list` lists them all, `/plan overdue` shows figures past their due date.\n' +
        '• Once you own an action plan, it appears here with the figures you need to record (an admin sets owners with `/plan owner 13 add @user`).',
      adminTitle: 'The whole plan (admins)',
      adminSummary: (plans, overdue, withOverdue) =>
        `${plans} action plans; ${overdue} overdue figure${overdue === 1 ? '' : 's'} in ${withOverdue} of them`,
      adminLine: (title, grade, overdue) => `${title}　${grade}${overdue > 0 ? `　⚠️ ${overdue} overdue` : ''}`,
      adminMore: (n) => `…and ${n} more: see \`/plan list\`.`,
      reviewTitle: (fy) => `${fy} review progress`,
      reviewProgress: (agreed, total, due) => `Grades agreed for ${agreed} of ${total} action plans${due ? ` (due ${due})` : ''}`,
      reviewMember: (who, graded, total) => `${who}　${graded} of ${total}`,
      seatTitle: (fy) => `${fy} review: still to grade`,
      seatPending: (plans, n, total) => `${n} of ${total} still to grade: ${plans}`,
      seatDone: (total) => `All ${total} graded. Thank you.`,
      sentAnswer: (circled) => `Here is ${circled}.`,
      couldNotOpen: 'That could not be done from the Home tab. Please try again later.',
      omitted: (n) => `…${n} more items did not fit.`,
    },
  },
  answerTiming: {
    preparing: 'Working on it… the answer follows in a moment.',
  },
  workspace: {
    title: "This workspace's settings",
    admins: 'Admins',
    alertChannel: 'Alert channel',
    plan: 'Default plan',
    locale: 'Language',
    localeName: (locale) => (locale === 'ja' ? 'Japanese' : 'English'),
    nobody: '(nobody)',
    off: '(no alerts)',
    newestPlan: '(the newest plan)',
    fromEnvironment: 'default',
    changedBy: (who, date) => `changed by ${who} on ${date}`,
    changed: (setting) => `${setting}: changed.`,
    unchanged: (setting) => `${setting}: already set so.`,
    hint: 'Admins change them with `/plan settings admin add|remove @user`, `channel #channel|off`, `plan code` and `locale ja|en`; `default` puts one back.',
    badChannel: (word) => `"${word}" is not a channel. Name one as #channel, or say off to stop the alerts.`,
    lastAdmin: 'The last admin cannot be removed. Add another admin first.',
    noPlan: 'This workspace has no plan yet. Ask the operator to load a plan file for it.',
    installed: 'plan-bot is installed. Go back to Slack and try `/plan help`.',
    installFailed: 'The installation did not complete. Please start again from the install link.',
    cli: {
      usage: 'Usage: npm run workspaces [-- delete TEAM_ID [--yes]]\n  Lists the workspaces. delete removes an uninstalled workspace and all its data (without --yes it only says what would go).',
      line: (key, name, plans, uninstalledAt, installedAt) =>
        `${key}\t${name ?? '-'}\t${plans} plan${plans === 1 ? '' : 's'}\t${uninstalledAt ? `uninstalled ${uninstalledAt.slice(0, 10)}` : installedAt ? `installed ${installedAt.slice(0, 10)}` : 'token mode'}`,
      wouldDelete: (key, plans) => `This deletes ${key} with its ${plans} plan(s) (figures, owners, reviews), committee and settings. Add --yes to do it.`,
      deleted: (key, plans) => `Deleted ${key} and its ${plans} plan(s) with their data.`,
      stillInstalled: (key) => `${key} is still installed. Uninstall the app from it in Slack first.`,
      unknown: (key) => `There is no workspace ${key}. See npm run workspaces for the list.`,
      notLocal: 'local holds the token mode’s plans and cannot be deleted from here.',
    },
  },

};
