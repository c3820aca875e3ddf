import { createServer } from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1. Another process can still
 * take it before the caller binds, so callers that can should prefer listening
 * on port 0 themselves; Bolt's HTTPReceiver needs a number up front, hence this.
 */
export async function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`freePort: unexpected server address ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
