import type { ParseError, Verb } from '../../commands/grammar.ts';
import type { CommandError, YearView } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { STATUS_SYMBOL } from '../messages/symbols.ts';
import { PLAIN, reviewProblemText } from './review-words.ts';
import { truncateText } from './truncate.ts';

/** Pieces of wording shared by the text and Block Kit renderers. */

export function usageOf(verb: Verb, m: Messages): string {
  const usage = m.help.usage[verb];
  return usage ? usage[0] : m.help.usage.help![0];
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
    case 'bad_year':
      return m.review.errors.badYear(truncateText(error.word, 40));
    case 'bad_grade':
      return m.review.errors.badGrade(truncateText(error.word, 40));
  }
}

export function errorText(error: CommandError, m: Messages): string {
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
    case 'no_plan':
      return m.errors.noPlan;
    case 'cli_cannot_open_forms':
      return m.errors.cliCannotOpenForms(error.number);
    case 'review':
      return reviewProblemText(error.problem, m, PLAIN);
  }
}

/** Whether an error should be followed by the usage hint (grammar mistakes, not refusals). */
export function wantsHelpHint(error: CommandError): boolean {
  return error.code === 'parse';
}

export function statusLabel(status: YearView['status'] | null, m: Messages): string {
  return status ? `${STATUS_SYMBOL[status]} ${m.status[status]}` : m.none;
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
