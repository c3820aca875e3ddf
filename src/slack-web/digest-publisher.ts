import type { DigestPublisher } from '../../commands/alerts/publish.ts';
import type { Messages } from '../messages/index.ts';
import { fitDigest, renderDigestBlocks } from '../render/digest/blocks.ts';
import type { PostMessage } from './post-message.ts';

/** The alert digest as Block Kit, posted with chat.postMessage: how every door publishes it. */
export function digestPublisher(m: Messages, postMessage: PostMessage): DigestPublisher {
  return {
    fit: (digest) => fitDigest(digest, m),
    post: (channel, digest) => postMessage({ channel, ...renderDigestBlocks(digest, m) }),
  };
}
