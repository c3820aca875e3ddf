import type { CommandError } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { helpRows, wantsHelpHint } from '../describe.ts';
import { errorText } from '../error-text.ts';
import { MRKDWN, PLAIN, reviewProblemText } from '../review-words.ts';
import { context, escapeMrkdwn, section, type Block, type SlackMessage } from './build.ts';
import { asCode } from './help.ts';

/**
 * What was not understood, and for grammar mistakes the usage right there, so a person
 * can retry without a second command.
 */
export function errorMessage(error: CommandError, m: Messages): SlackMessage {
  // Review refusals name people (who opened it, who owns a plan): mentions, not escaped ids.
  if (error.code === 'review') {
    const text = reviewProblemText(error.problem, m, MRKDWN);
    return { text: reviewProblemText(error.problem, m, PLAIN), blocks: [section(`⚠️ ${text}`)] };
  }
  // The wording may quote what the person typed, hence the escaping.
  const text = errorText(error, m);
  const blocks: Block[] = [section(`⚠️ ${escapeMrkdwn(text)}`)];
  if (wantsHelpHint(error)) {
    const forms = helpRows(m).map(([example]) => asCode(example));
    blocks.push(section(`*${m.slack.usage}*\n${forms.join('\n')}`), context(m.errors.seeHelp));
  }
  return { text, blocks };
}

/** For failures of the bot itself: no details, the person can only retry or tell someone. */
export function internalErrorMessage(m: Messages): SlackMessage {
  return { text: m.errors.internal, blocks: [section(`⚠️ ${m.errors.internal}`)] };
}
