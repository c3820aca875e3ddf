import { STATUS_SYMBOL } from '../messages/symbols.ts';
import type { ParseError, Verb } from '../../commands/grammar.ts';
import type { CommandError, CommandResult, OverdueGroup, PlanClosureView, YearView } from '../../commands/results.ts';
import { civilDateInTokyo } from '../domain/fiscal-year.ts';
import type { Messages } from '../messages/index.ts';
import { localName } from './local.ts';
import { truncateText } from './truncate.ts';

/** Pieces of wording shared by the text and Block Kit renderers. */

export function usageOf(verb: Verb, m: Messages): string {
  if (verb === 'reminders') return m.reminders.help[0];
  const usage = m.help.usage[verb] ?? m.grading.usage[verb] ?? m.exchange.usage[verb];
  return usage ? usage[0] : m.help.usage.help![0];
}

/** Every usage row of help, in order: [example, what it does]. */
export function helpRows(m: Messages): [string, string][] {
  return usageEntries(m).map(([, row]) => row);
}

export function parseErrorText(error: ParseError, m: Messages): string {
  switch (error.code) {
    case 'too_long':
      return m.errors.tooLong(error.length, 500);
    case 'unknown_verb':
      return m.errors.unknownVerb(truncateText(error.word, 40));
    case 'bad_number':
      return m.errors.badNumber(truncateText(error.word, 40));
    case 'missing_argument':
      return m.errors.missingArgument(usageOf(error.verb, m));
    case 'unexpected_words':
      return m.errors.unexpectedWords(truncateText(error.words, 40), usageOf(error.verb, m));
    case 'bad_date':
      return m.errors.badDate(truncateText(error.word, 40));
    case 'bad_user':
      return m.errors.badUser(truncateText(error.word, 40));
    case 'bad_channel':
      return m.workspace.badChannel(truncateText(error.word, 40));
    case 'bad_year':
      return m.review.errors.badYear(truncateText(error.word, 40));
    case 'bad_grade':
      return m.review.errors.badGrade(truncateText(error.word, 40));
  }
}

/** Every refusal but the review's, whose words name people (src/render/error-text.ts adds it). */
export function describeError(error: Exclude<CommandError, { code: 'review' }>, m: Messages): string {
  switch (error.code) {
    case 'parse':
      return parseErrorText(error.error, m);
    case 'no_such_action_plan':
      return m.errors.noSuchActionPlan(error.number, error.max);
    case 'no_such_policy':
      return m.errors.noSuchPolicy(error.number, error.max);
    case 'no_such_theme':
      return m.errors.noSuchTheme(truncateText(error.name, 40), m.join(error.themes));
    case 'admins_only':
      return m.errors.adminsOnly;
    case 'last_admin':
      return m.workspace.lastAdmin;
    case 'no_plan':
      return m.errors.noPlan;
    case 'cli_cannot_open_forms':
      return m.errors.cliCannotOpenForms(error.number);
    case 'plan_not_ended':
      return m.grading.notEnded(m.fiscalYear(error.lastFiscalYear));
    case 'no_such_plan': {
      const plans = m.join(error.plans.map((code) => truncateText(code, 40)).slice(0, 20));
      const selector = truncateText(error.selector, 40);
      return error.ambiguous ? m.exchange.errors.ambiguousPlan(selector, plans) : m.exchange.errors.noSuchPlan(selector, plans);
    }
    case 'year_outside_plan':
      return m.exchange.errors.yearOutsidePlan(m.fiscalYear(error.fiscalYear), m.exchange.plans.period(error.first, error.last));
    case 'record_in_own_plan_only':
      return m.exchange.errors.recordInOwnPlanOnly(error.planCode);
  }
}

/** `3件（令和3〜5年度）・最も古い提出期限 2022年6月30日（732日超過）` */
export function overdueGroupWords(group: OverdueGroup, m: Messages): string {
  return m.grading.overdueGroup(group.count, m.grading.years(group.fiscalYears), m.date(group.oldestDueDate), group.daysLate);
}

export function overdueClosedWords(closed: PlanClosureView, m: Messages): string {
  return m.grading.overdueClosed(m.date(dayOf(closed.closedAt)));
}

/** The Tokyo day of an instant, for words that name a day rather than a minute. */
export function dayOf(iso: string): string {
  return civilDateInTokyo(new Date(iso));
}

/** What `/plan close` and `/plan reopen` say, whether or not they changed anything. */
export function closureWords(result: Extract<CommandResult, { kind: 'plan_closure' }>, m: Messages): string {
  const plan = localName(result.plan.name, result.plan.nameEn, m);
  const date = result.closed ? m.date(dayOf(result.closed.closedAt)) : '';
  if (result.action === 'close') return result.changed ? m.grading.closedDone(plan, date) : m.grading.alreadyClosed(plan, date);
  return result.changed ? m.grading.reopened(plan) : m.grading.notClosed(plan);
}

/** Every usage line help shows, the verbs added since (close, reopen) before help itself. */
/** Usage rows by verb, in help's order: the messages' own, reminders after alerts, closing a plan, then help. */
export function usageEntries(m: Messages): [string, [string, string]][] {
  const { help, ...rest } = m.help.usage;
  const entries: [string, [string, string]][] = [];
  for (const [verb, row] of Object.entries(rest)) {
    entries.push([verb, row]);
    if (verb === 'alerts') entries.push(['reminders', m.reminders.help]);
  }
  return [
    ...entries,
    ...Object.entries(m.grading.usage),
    ...Object.entries(m.exchange.usage),
    ...(help ? [['help', help] as [string, [string, string]]] : []),
  ];
}

/** Whether an error should be followed by the usage hint (grammar mistakes, not refusals). */
export function wantsHelpHint(error: CommandError): boolean {
  // A word taken for a plan code that names no plan is as likely a mistyped verb.
  return error.code === 'parse' || error.code === 'no_such_plan';
}


/** A target as the plan writes it ("15分以内" keeps its bound in Japanese); none → the dash. */
export function targetWords(
  target: number | null,
  indicator: { unit: string; comparator: string | null },
  m: Messages,
): string {
  if (target === null) return m.none;
  return `${m.withUnit(target, indicator.unit)}${indicator.comparator && m.locale === 'ja' ? indicator.comparator : ''}`;
}

/** An actual with its unit, marked when it was recorded before its year closed; none → the dash. */
export function actualWords(value: number | null, provisional: boolean, unit: string, m: Messages): string {
  if (value === null) return m.none;
  return `${m.withUnit(value, unit)}${provisional ? m.paren(m.provisional) : ''}`;
}


/** Slack markup for text that Slack shows, plain for a terminal. */
export type TextStyle = 'mrkdwn' | 'plain';

/** A person named so Slack shows (and notifies) them; a terminal shows the id. */
export function mention(userId: string, style: TextStyle = 'mrkdwn'): string {
  return style === 'mrkdwn' ? `<@${userId}>` : `@${userId}`;
}

/** A figure's status with its symbol (✅ 達成), or the dash when there is none. */
export function statusLabel(status: YearView['status'] | null, m: Messages): string {
  return status ? `${STATUS_SYMBOL[status]} ${m.status[status]}` : m.none;
}
