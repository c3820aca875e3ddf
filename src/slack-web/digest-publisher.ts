import { DIGEST_EVENT_TYPE } from '../../commands/alerts/run.ts';
import type { DigestPublisher, FindMessage } from '../../commands/alerts/publish.ts';
import type { Messages } from '../messages/index.ts';
import { LIMITS } from '../render/blocks/limits.ts';
import { fitDigest, renderDigestBlocks } from '../render/digest/blocks.ts';
import type { PostMessage } from './post-message.ts';

/**
 * The alert digest as Block Kit, posted with chat.postMessage carrying its key in the
 * message metadata: how every door publishes it. Without a way to read the channel's
 * history (`find`), a lost answer counts as unreadable and the next digest says it may repeat.
 */
export function digestPublisher(m: Messages, postMessage: PostMessage, find?: FindMessage): DigestPublisher {
  return {
    fit: (digest) => fitDigest(digest, m),
    post: (channel, digest, { key, repeated }) =>
      postMessage({
        channel,
        ...renderDigestBlocks(digest, m, LIMITS, { repeated }),
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key } },
      }),
    find: find ?? (async () => ({ kind: 'unreadable', detail: 'no history reader' })),
  };
}
