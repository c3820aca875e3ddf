import type { z } from 'zod';
import type { Messages } from '../messages/index.ts';
import { internalErrorMessage } from '../render/blocks/error.ts';
import { section, type SlackMessage } from '../render/blocks/build.ts';
import type { Logger } from '@slack/bolt';

/**
 * Button values are written by the bot's renderers, but they come back over the wire: a value
 * that does not read is the sender's doing (an old message, a forged request), not a fault of the
 * bot. It is answered with words the person can act on and logged as one warning line, not as an
 * error with a stack that would page someone.
 */
export class UnreadableButtonValue extends Error {
  constructor(actionId: string, value: string | undefined) {
    super(`${actionId} button with an unreadable value ${JSON.stringify(value?.slice(0, 30) ?? null)}`);
    this.name = 'UnreadableButtonValue';
  }
}

export function readButtonValue<T>(schema: z.ZodType<T>, action: { action_id: string; value?: string }): T {
  const parsed = schema.safeParse(action.value ?? '');
  if (!parsed.success) throw new UnreadableButtonValue(action.action_id, action.value);
  return parsed.data;
}

/** Logs why a button could not be answered and returns what to tell the person. */
export function buttonFailure(error: unknown, what: string, logger: Logger, m: Messages): SlackMessage {
  if (error instanceof UnreadableButtonValue) {
    logger.warn(`${what}: ${error.message}`);
    return { text: m.slack.unreadableButton, blocks: [section(`⚠️ ${m.slack.unreadableButton}`)] };
  }
  logger.error(`${what}:`, error);
  return internalErrorMessage(m);
}
