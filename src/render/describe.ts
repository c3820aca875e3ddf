import type { ParseError, Verb } from '../../commands/grammar.ts';
import type { CommandError, IndicatorView, YearView } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { STATUS_SYMBOL } from '../messages/symbols.ts';

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
      return m.errors.unknownVerb(truncate(error.word, 40));
    case 'bad_number':
      return m.errors.badNumber(truncate(error.word, 40));
    case 'missing_argument':
      return m.errors.missingArgument(usageOf(error.verb, m));
    case 'unexpected_words':
      return m.errors.unexpectedWords(truncate(error.words, 40), usageOf(error.verb, m));
    case 'bad_date':
      return m.errors.badDate(truncate(error.word, 40));
    case 'bad_user':
      return m.errors.badUser(truncate(error.word, 40));
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
      return m.errors.noSuchTheme(truncate(error.name, 40), m.join(error.themes));
    case 'admins_only':
      return m.errors.adminsOnly;
    case 'no_plan':
      return m.errors.noPlan;
    case 'cli_cannot_open_forms':
      return m.errors.cliCannotOpenForms(error.number);
  }
}

/** Whether an error should be followed by the usage hint (grammar mistakes, not refusals). */
export function wantsHelpHint(error: CommandError): boolean {
  return error.code === 'parse';
}

export function statusLabel(status: YearView['status'] | null, m: Messages): string {
  return status ? `${STATUS_SYMBOL[status]} ${m.status[status]}` : m.none;
}

export function targetText(indicator: IndicatorView, year: YearView, m: Messages): string {
  if (year.target === null) return m.none;
  return `${m.withUnit(year.target, indicator.unit)}${indicator.comparator && m.locale === 'ja' ? indicator.comparator : ''}`;
}

export function actualText(indicator: IndicatorView, year: YearView, m: Messages): string {
  if (year.actual === null) return m.none;
  return `${m.withUnit(year.actual, indicator.unit)}${year.provisional ? m.paren(m.provisional) : ''}`;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}
