import type { CommandResult } from '../../../commands/results.ts';
import type { Messages } from '../../messages/index.ts';
import { closureWords } from '../describe.ts';
import { escapeMrkdwn, section, type SlackMessage } from './build.ts';

export function planClosureMessage(result: Extract<CommandResult, { kind: 'plan_closure' }>, m: Messages): SlackMessage {
  const text = closureWords(result, m);
  return { text, blocks: [section(`${result.changed ? '✅' : 'ℹ️'} ${escapeMrkdwn(text)}`)] };
}
