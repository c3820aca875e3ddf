import { setGlobalDispatcher } from 'undici';
import { proxyDispatcher } from '../slack-web/outbound.ts';

/**
 * HTTPS_PROXY for connections this process makes with the global fetch (the alert job's Web
 * API client). The Slack app passes its own dispatcher; this covers everything else.
 */
export function useProxy(proxyUrl: string | undefined): void {
  const dispatcher = proxyDispatcher(proxyUrl);
  if (dispatcher) setGlobalDispatcher(dispatcher);
}
