import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { eraYearLabel, PLAN_TIME_ZONE } from '../domain/fiscal-year.ts';
import { formatNumber, formatPercentRatio } from '../domain/numbers.ts';
import type { FigureStatus } from '../domain/status.ts';
import type { Messages } from './ja.ts';

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

export const en: Messages = {
  locale: 'en',

  fiscalYear: (fy) => eraYearLabel(fy).en,
  fiscalYearShort: (fy) => eraYearLabel(fy).en,
  number: (value) => formatNumber(value, 'en'),
  withUnit: (value, unit) => (unit === '%' ? `${formatNumber(value, 'en')}%` : `${formatNumber(value, 'en')} ${unitName(unit)}`),
  unitName,
  percent: (ratio) => formatPercentRatio(ratio, 'en'),
  date: (civil) => civil,
  instant: (iso) => format(new Date(iso), "yyyy-MM-dd HH:mm 'JST'", { in: tz(PLAN_TIME_ZONE) }),
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
    overallStatus: (status) => `Status: ${status}`,
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
    line: (fy, indicator, target, due, days) => `${fy} ${indicator} (target ${target}) due ${due}, ${days} days late`,
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
    nobody: 'the admins (PLAN_ADMINS) only',
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
    adminsOnly: 'Only admins (PLAN_ADMINS) can do that.',
    noPlan: 'No plan data found. Check that the database was initialised.',
    cliCannotOpenForms: (n) => `Record figures in Slack with \`/plan report ${n}\`.`,
    internal: 'Something went wrong on our side. Please try again later, and tell an admin if it keeps happening.',
    seeHelp: 'See `/plan help` for usage.',
  },

  slack: {
    more: (n) => `…and ${n} more that did not fit. Narrow it down with \`/plan search\` or \`/plan policy 1\`.`,
    omitted: (n) => `…and ${n} more items that did not fit.`,
    usage: 'Usage',
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
    runTime: (date, hour, minute) => `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} JST`,
    preview: {
      next: (when, channel) => `What the next run (${when}) would post to <#${channel}>. Nothing has been posted.`,
      forDate: (date, channel) => `What a run for ${date} would post to <#${channel}>. Nothing has been posted.`,
      nothing: (date) => `A run for ${date} would have nothing new to post.`,
      disabled: 'Alerts are off: no alert channel (ALERT_CHANNEL) is configured.',
    },
    cli: {
      posted: (date, channel, n, ts) => `Posted the reminders for ${date} to ${channel} (${n} items, ts ${ts}).`,
      deferred: (n) => `${n} items over the message limit will follow in the next run.`,
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
      show: ['/plan 13', 'Targets, actuals and status of action plan ⑬ (⑬ and 013 work too)'],
      list: ['/plan  or  /plan list', 'All 20 action plans with their status'],
      overdue: ['/plan overdue [YYYY-MM-DD]', 'Figures past their due date'],
      search: ['/plan search 防犯', 'Search names, indicators, themes and progress notes'],
      policy: ['/plan policy 1', 'Action plans under a basic policy (1–3)'],
      theme: ['/plan theme 防災・防犯', 'Action plans under a theme'],
      history: ['/plan history 13', 'Every recorded actual, with who and when'],
      report: ['/plan report 13', 'Open the form to record a figure'],
      chart: ['/plan 13 chart', 'A chart of ⑬’s targets and actuals (posted as an image in the channel)'],
      owner: ['/plan owner 13 [add|remove @user]', 'See or change owners (changes: admins only)'],
      alerts: ['/plan alerts', 'Preview the next alert digest (admins only)'],
      help: ['/plan help', 'This help'],
    },
    share: 'Add `share` at the end to post the answer for the whole channel (e.g. `/plan 13 share`).',
    statusLegend: 'Status: ✅ achieved / ❌ missed / ⏳ pending / ⚠️ overdue / ➖ no target',
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
        outWithoutChart: '--out goes with chart, e.g. npm run plan -- 13 chart --out 13.png',
        outMissing: 'Give a file name after --out, e.g. --out 13.png',
        writeFailed: (path, reason) => `Could not write ${path} (${reason}).`,
      },
    },
    grade: {
      trend: { achieved: 'achieved', advanced: 'advanced', flat: 'flat', declined: 'declined' },
      line: (fy, grade) => `${fy} grade ${grade}`,
      moved: { improved: 'better than before', same: 'same as before', worse: 'worse than before' },
      withTrend: (line, trend) => `${line} (${trend})`,
      ungraded: 'Grade: —',
      ungradedBecause: (reason) => `Grade: — (${reason})`,
      reasons: {
        no_target: 'no target',
        no_actual: 'actual not entered',
        before_evaluation_period: 'before evaluation',
        zero_target: 'target of 0',
        no_base: 'no year to compare with',
      },
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
};
