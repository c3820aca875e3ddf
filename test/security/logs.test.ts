/**
 * No secret in any line the bot writes. The process `npm start` runs is given distinctive
 * secrets and taken through a session that also goes wrong in the ways that make
 * programs print details (forged and stale requests, a response_url that refuses, a Web
 * API that fails); then every byte of its stdout and stderr is searched.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Answers travel in the ack (#14): answerOf reads them there, or on the response_url.
import { answerOf } from '../support/plan-bot.ts';
import { postSigned, signSlackRequest, slashCommandBody } from '../support/signed-request.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { waitForReply } from '../support/plan-bot.ts';
import { entry } from '../support/entry.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BOT_TOKEN = 'xoxb-SECRET-1111-2222-bottokenvalue';
const SIGNING_SECRET = 'SECRETsigning0123456789abcdef0123';
const ADMIN = 'U0ADMIN';

let standIn: SlackApiStandIn;
let dir: string;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-logs-'));
});

afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('what the bot process prints', () => {
  it('never contains the bot token or the signing secret, even when things go wrong', async () => {
    const child = spawn(process.execPath, [...entry('start')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? tmpdir(),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: standIn.url,
        DATABASE_PATH: join(dir, 'plans.db'),
        PORT: '0',
        PLAN_ADMINS: ADMIN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 15_000);
        const check = () => {
          const match = output.match(/listening on port (\d+)/);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
      });
      const url = `http://127.0.0.1:${port}/slack/events`;
      const signed = (text: string, id: string, user = 'U0STAFF') =>
        postSigned(url, slashCommandBody({ text, response_url: standIn.responseUrl(id), user_id: user }), {
          signingSecret: SIGNING_SECRET,
        });

      // An ordinary session: answers, an admin's change, a refusal, a grammar mistake.
      for (const [text, id, user] of [
        ['13', 's1', 'U0STAFF'],
        ['list', 's2', 'U0STAFF'],
        ['owner 13 add <@U0OWNER>', 's3', ADMIN],
        ['owner 13 add <@U0OWNER>', 's4', 'U0STAFF'],
        ['report 13', 's5', 'U0STAFF'],
        ['no-such-verb', 's6', 'U0STAFF'],
      ] as const) {
        const res = await signed(text, id, user);
        expect(res.status).toBe(200);
        await answerOf(standIn, res.json, Date.now(), `/respond/${id}`, 5000);
      }
      // Forged and stale requests make Bolt log a warning.
      const body = slashCommandBody({ text: '13', response_url: standIn.responseUrl('x1') });
      await postSigned(url, body, { signingSecret: SIGNING_SECRET, signature: signSlackRequest('wrong-secret-000000', Math.floor(Date.now() / 1000), body) });
      await postSigned(url, body, { signingSecret: SIGNING_SECRET, timestampSeconds: Math.floor(Date.now() / 1000) - 600 });
      // A response_url that refuses, then one that keeps failing: the bot logs the failure.
      // (Answers go in the ack; the form's refusal is one that still takes the response_url.)
      standIn.failNext('response_url', 1, { okFalse: 'expired_url' });
      await signed('report 13', 'e1');
      await waitForReply(standIn, '/respond/e1', 5000);
      standIn.failNext('response_url', 6, { status: 500 });
      await signed('report 13', 'e2');
      await new Promise((resolve) => setTimeout(resolve, 2500));

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    // The session did produce warnings and errors, so there were lines to leak into.
    expect(output).toMatch(/WARN|ERROR|warn|error/);
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, 'SECRET-1111', 'SECRETsigning']) {
      expect(output, `output contains ${secret}`).not.toContain(secret);
    }
    expect(output).not.toMatch(/xox[abeprs]-(?!\[redacted\])[\w-]{6,}/);
  });
});
