import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { parsedText } from './parsed-text.ts';
import { isReadOnly } from '../../commands/run.ts';
import { messagesFor } from '../messages/index.ts';
import { claimSignedRequest } from '../store/signed-requests.ts';
import type { SlackDeps } from './deps.ts';
import { SIGNATURE_WINDOW_SECONDS } from './request-guard.ts';

/** Put into Bolt's context by the HTTP receiver (customPropertiesExtractor). */
export interface SignedRequestContext {
  slackSignature?: string;
  slackTimestamp?: number;
}

/**
 * Slack's signature proves who sent a request, not that it is the first delivery: within
 * its five minutes a captured request can be sent again byte for byte. A replayed
 * `owner 13 add` after a later `remove` would give the revoked owner back their rights.
 *
 * So every signed request that may write (a command the grammar does not call read-only, a
 * form submission, a button or select) is claimed by its signature before any listener
 * runs. A second delivery of the same signature is not carried out: a command is answered
 * with a refusal, an interaction is acknowledged and dropped. Socket Mode requests carry no
 * signature (Slack authenticates the socket), so they pass.
 */
export function replayGuard(deps: Pick<SlackDeps, 'db' | 'logger' | 'config' | 'wallClock'>): Middleware<AnyMiddlewareArgs> {
  const wallClock = deps.wallClock ?? Date.now;
  const claim = async (args: AnyMiddlewareArgs & AllMiddlewareArgs, signature: string, timestamp: number, kind: WriteKind) => {
    const fresh = await claimSignedRequest(deps.db, {
      signature,
      expiresAt: new Date((timestamp + SIGNATURE_WINDOW_SECONDS) * 1000),
      now: new Date(wallClock()),
    });
    if (fresh) {
      await args.next();
      return;
    }
    deps.logger.warn(`refused a replayed ${kind}: its signature was seen before; nothing was carried out`);
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (kind === 'command') {
      await ack?.({ response_type: 'ephemeral', text: messagesFor(deps.config.locale).hardening.replayed });
    } else {
      await ack?.();
    }
  };
  // Not async: a request that reads (or comes over Socket Mode) goes straight on.
  return (args) => {
    const { slackSignature: signature, slackTimestamp: timestamp } = args.context as SignedRequestContext;
    if (signature === undefined || timestamp === undefined) return args.next();
    const kind = writeKind(args.body);
    return kind === null ? args.next() : claim(args, signature, timestamp, kind);
  };
}

type WriteKind = 'command' | 'view_submission' | 'block_actions';

/** What kind of write a request may be, or null when it only reads. */
export function writeKind(body: unknown): WriteKind | null {
  const b = body as { type?: unknown; command?: unknown; text?: unknown };
  if (b.type === 'view_submission' || b.type === 'block_actions') return b.type;
  if (typeof b.command === 'string') {
    const parsed = parsedText(typeof b.text === 'string' ? b.text : '');
    return parsed.ok && !isReadOnly(parsed.command) ? 'command' : null;
  }
  return null;
}
