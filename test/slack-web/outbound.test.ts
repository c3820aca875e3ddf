/**
 * The response_url comes inside the request, and the bot POSTs to it (#12.7). It must only
 * ever reach Slack: not the bot's own loopback services, not a cloud metadata address, and
 * not wherever an allowed host redirects to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSlackUrl, slackFetch, UntrustedUrlError } from '../../src/slack-web/outbound.ts';
import { settled } from '../support/record-figure-form.ts';
import { startTestBot, TEST_SIGNING_SECRET, type TestBot } from '../support/plan-bot.ts';
import { postSigned, slashCommandBody } from '../support/signed-request.ts';

/** A loopback server that counts what reaches it; `redirectTo` makes it answer 302. */
async function countingServer(redirectTo?: string): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    if (redirectTo) res.writeHead(302, { location: redirectTo });
    else res.writeHead(200);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('which URLs count as Slack', () => {
  it.each([
    ['https://hooks.slack.com/commands/T0/1/abc', true],
    ['https://hooks.slack.com/actions/T0/1/abc', true],
    ['https://slack.com/api/chat.postMessage', true],
    ['https://HOOKS.SLACK.COM/commands/x', true],
    ['http://hooks.slack.com/commands/x', false],
    ['https://hooks.slack.com:8443/commands/x', false],
    ['https://hooks.slack.com.evil.example/commands/x', false],
    ['https://evilslack.com/commands/x', false],
    ['https://user:pass@hooks.slack.com/commands/x', false],
    ['http://127.0.0.1:3000/slack/events', false],
    ['http://localhost/', false],
    ['http://169.254.169.254/latest/meta-data/', false],
    ['http://[::1]/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isSlackUrl(url)).toBe(allowed);
  });

  it('also allows the origin of SLACK_API_URL, and only that origin', () => {
    expect(isSlackUrl('http://127.0.0.1:4000/respond/1', 'http://127.0.0.1:4000/api/')).toBe(true);
    expect(isSlackUrl('http://127.0.0.1:4001/respond/1', 'http://127.0.0.1:4000/api/')).toBe(false);
  });
});

describe('the fetch the bot uses', () => {
  it('refuses a metadata address before any connection is made', async () => {
    const post = slackFetch();
    await expect(post('http://169.254.169.254/latest/meta-data/', { method: 'POST' })).rejects.toBeInstanceOf(UntrustedUrlError);
  });

  it('does not follow a redirect from an allowed host', async () => {
    const target = await countingServer();
    const redirector = await countingServer(`${target.url}stolen`);
    try {
      const post = slackFetch({ slackApiUrl: `${redirector.url}api/` });
      await expect(post(`${redirector.url}respond/x`, { method: 'POST', body: '{}' })).rejects.toThrow();
      expect(redirector.hits()).toBe(1);
      expect(target.hits()).toBe(0);
    } finally {
      await Promise.all([target.close(), redirector.close()]);
    }
  });
});

describe('a signed /plan whose response_url points elsewhere', () => {
  let t: TestBot;
  let elsewhere: Awaited<ReturnType<typeof countingServer>>;

  beforeAll(async () => {
    t = await startTestBot({ logLevel: LogLevel.WARN });
    elsewhere = await countingServer();
  });

  afterAll(async () => {
    await t?.close();
    await elsewhere?.close();
  });

  it('sends nothing to a loopback address, logs the refusal by host, and keeps answering', async () => {
    // `report 13` by someone who may not record is refused on the response_url (its ack is
    // empty, as a form may follow); most answers travel in the ack and post nowhere.
    const res = await postSigned(t.eventsUrl, slashCommandBody({ text: 'report 13', response_url: `${elsewhere.url}hook` }), {
      signingSecret: TEST_SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    await settled(t);
    expect(elsewhere.hits()).toBe(0);
    const refusals = t.logs.filter((l) => l.includes('only Slack'));
    expect(refusals.length).toBeGreaterThan(0);
    // The URL is a credential: the log names the host only.
    expect(t.logs.join('\n')).not.toContain(`${elsewhere.url}hook`);

    const { reply } = await t.slash('report 13');
    expect(reply.via).toBe('response_url');
  });
});
