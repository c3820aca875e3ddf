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

  plan: {
    policy: (n, name) => `Basic policy ${n}: ${name}`,
    theme: (name) => `Theme: ${name}`,
    unit: (unit) => `Unit: ${unitName(unit)}`,
    lowerIsBetter: 'lower is better',
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
      owner: ['/plan owner 13 [add|remove @user]', 'See or change owners (changes: admins only)'],
      alerts: ['/plan alerts', 'Preview the next alert digest (admins only)'],
      help: ['/plan help', 'This help'],
    },
    share: 'Add `share` at the end to post the answer for the whole channel (e.g. `/plan 13 share`).',
    statusLegend: 'Status: ✅ achieved / ❌ missed / ⏳ pending / ⚠️ overdue / ➖ no target',
  },
};
