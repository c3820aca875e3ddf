import { fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici';

/**
 * Every HTTP request the bot makes goes to Slack, so the fetch it hands to Bolt and the Web
 * API client refuses anything else. A response_url arrives inside a request and is followed
 * by the bot: without this check a signed request (or a replay of one) could make the bot
 * POST to its own loopback services or a cloud metadata address. Redirects are refused too,
 * so an allowed host cannot bounce the bot elsewhere.
 *
 * Allowed: https on the default port to slack.com or a host under it (hooks.slack.com,
 * where response_urls point), and the origin of SLACK_API_URL when it is set (a stand-in or
 * a gateway that also serves the response_urls it hands out).
 */

export class UntrustedUrlError extends Error {
  constructor(readonly host: string) {
    // The URL itself is a credential for one conversation: only the host is said.
    super(`refused to send a request to ${host || 'an unreadable URL'}: only Slack's hosts are allowed`);
    this.name = 'UntrustedUrlError';
  }
}

export interface OutboundOptions {
  /** SLACK_API_URL, whose origin is allowed as well. */
  slackApiUrl?: string | undefined;
  /** HTTPS_PROXY as a dispatcher; unset → direct. */
  dispatcher?: Dispatcher | undefined;
}

export function isSlackUrl(url: string, slackApiUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (slackApiUrl !== undefined && target.origin === new URL(slackApiUrl).origin) return true;
  if (target.protocol !== 'https:' || target.port !== '' || target.username !== '' || target.password !== '') return false;
  const host = target.hostname.toLowerCase();
  return host === 'slack.com' || host.endsWith('.slack.com');
}

/** A fetch for Bolt's `clientOptions.fetch`: the Web API client and respond() both use it. */
export function slackFetch(options: OutboundOptions = {}): typeof fetch {
  const { dispatcher, slackApiUrl } = options;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!isSlackUrl(url, slackApiUrl)) throw new UntrustedUrlError(hostOf(url));
    const request = { ...init, redirect: 'error' as const };
    if (dispatcher === undefined) return fetch(url, request);
    // undici's own fetch, the one that takes a dispatcher of this undici version.
    return undiciFetch(url, { ...(request as object), dispatcher }) as unknown as Promise<Response>;
  }) as typeof fetch;
}

export function proxyDispatcher(proxyUrl: string | undefined): Dispatcher | undefined {
  // CONNECT tunnels for every target, so the proxy sees only hosts and encrypted bytes.
  return proxyUrl === undefined ? undefined : new ProxyAgent({ uri: proxyUrl, proxyTunnel: true });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
