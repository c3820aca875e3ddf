import type { CommandError } from '../../commands/results.ts';
import type { Messages } from '../messages/index.ts';
import { describeError } from './describe.ts';
import { PLAIN, reviewProblemText } from './review-words.ts';

/** What went wrong, in plain words: the review's refusals from its own words, the rest from describe.ts. */
export function errorText(error: CommandError, m: Messages): string {
  return error.code === 'review' ? reviewProblemText(error.problem, m, PLAIN) : describeError(error, m);
}
