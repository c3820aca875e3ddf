/**
 * The app as a whole: starting (token check, port), and stopping without dropping
 * answers Slack has already been promised.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/core.ts';
import { ja } from '../../src/messages/ja.ts';
import { visibleText, startTestBot, waitForReply, type TestBot } from '../support/plan-bot.ts';
import { postSigned, slashCommandBody } from '../support/signed-request.ts';

let t: TestBot | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('starting', () => {
  it('listens on POST /slack/events after checking the bot token with auth.test', async () => {
    t = await startTestBot();
    expect(t.eventsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
    expect(t.standIn.callsTo('auth.test')).toHaveLength(1);
    expect(t.standIn.callsTo('auth.test')[0]!.token).toBe(t.config.botToken);
  });

  it('names SLACK_BOT_TOKEN, not its value, when Slack rejects the token', async () => {
    t = await startTestBot({ start: false });
    t.standIn.setAnswer('auth.test', { ok: false, error: 'invalid_auth' });
    const error = await t.bot.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable: 'SLACK_BOT_TOKEN', problem: 'was rejected by Slack (invalid_auth)' });
    expect(String((error as Error).message)).not.toContain(t.config.botToken);
  });

  it('names PORT when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      t = await startTestBot({ start: false, env: { PORT: String(port) } });
      await expect(t.bot.start()).rejects.toMatchObject({ variable: 'PORT', problem: `${port} is already in use` });
    } finally {
      taken.close();
    }
  });
});

describe('stopping', () => {
  it('finishes an answer already acknowledged before it returns', async () => {
    // Queries slower than the deadline: the ack says 作成中… and the answer follows later.
    t = await startTestBot({ deps: { answerDeadlineMs: 50 } });
    t.slowQueries(150);
    // The first delivery fails too, so the answer is still being retried when stop() is called.
    t.standIn.failNext('response_url', 1, { status: 500 });
    const responseUrl = t.standIn.responseUrl('in-flight');
    const http = await postSigned(t.eventsUrl, slashCommandBody({ text: '13', response_url: responseUrl }), {
      signingSecret: t.config.signingSecret!,
    });
    expect(http.status).toBe(200);
    expect(http.json).toEqual({ response_type: 'ephemeral', text: ja.answerTiming.preparing });
    expect(t.bot.inFlight).toBe(1);

    await t.bot.stop();

    const answers = t.standIn.callsTo('response_url').filter((c) => c.path === '/respond/in-flight');
    expect(answers).toHaveLength(2);
    expect(answers[0]!.failed).toBe(true);
    expect(answers[1]!.failed).toBeUndefined();
    expect(visibleText(answers[1]!.body)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(t.bot.inFlight).toBe(0);
  });

  it('takes no new requests once stopped', async () => {
    t = await startTestBot();
    const url = t.eventsUrl;
    await t.bot.stop();
    await expect(
      postSigned(url, slashCommandBody({ text: '13', response_url: t.standIn.responseUrl() }), {
        signingSecret: t.config.signingSecret!,
      }),
    ).rejects.toThrow();
  });
});

describe('answering through the response_url', () => {
  it('gives up on an expired response_url at once, and says so in the log', async () => {
    // A late answer, so it goes on the response_url.
    t = await startTestBot({ deps: { answerDeadlineMs: 50 } });
    t.slowQueries(100);
    t.standIn.failNext('response_url', 5, { okFalse: 'expired_url' });
    const responseUrl = t.standIn.responseUrl('expired');
    await postSigned(t.eventsUrl, slashCommandBody({ text: '13', response_url: responseUrl }), {
      signingSecret: t.config.signingSecret!,
    });
    await waitForReply(t.standIn, '/respond/expired');
    // One try for the answer, one for the internal-error notice; 404s are not retried.
    await t.bot.stop();
    expect(t.standIn.callsTo('response_url')).toHaveLength(2);
    expect(t.logs.join('\n')).toContain('could not answer through the response_url (404)');
    expect(t.logs.join('\n')).not.toContain('/respond/expired');
  });
});
