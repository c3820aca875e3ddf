/**
 * `npm start` as an operator runs it: a child process with only environment variables,
 * against a temporary database and the Web API stand-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadActionPlans, findPlan } from '../../src/store/action-plans.ts';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { freePort } from '../support/ports.ts';
import { answerOf, TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_OAUTH_ENV, TEST_SIGNING_SECRET, visibleText } from '../support/plan-bot.ts';
import { postSigned, slashCommandBody } from '../support/signed-request.ts';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in.ts';
import { helloMessage, slashCommandEnvelope, startSocketModeServer, type SocketModeServer } from '../support/socket-mode-server.ts';
import { entry } from '../support/entry.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SECRETS = [TEST_BOT_TOKEN, TEST_SIGNING_SECRET, TEST_APP_TOKEN];

interface Running {
  child: ChildProcess;
  stderr: () => string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The entry point of `npm start`, with nothing inherited but PATH: the environment is the whole configuration. */
function startBot(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [...entry('start')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stderr: () => out,
    exited,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} in the bot's output within ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => setTimeout(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`the bot exited before printing ${pattern}:\n${out}`));
          }
        }, 50));
        check();
      });
    },
  };
}

let standIn: SlackApiStandIn;
let dir: string;
let running: Running | undefined;

beforeAll(async () => {
  standIn = await startSlackApiStandIn();
});

afterAll(async () => {
  await standIn.close();
});

beforeEach(() => {
  standIn.reset();
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-main-'));
});

afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function httpEnv(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    DATABASE_PATH: join(dir, 'plans.db'),
    PORT: '0',
  };
}

// Each variable's checks are in config.test.ts; here, that the process acts on them.
describe('npm start with a bad configuration', () => {
  it.each([
    ['no bot token', { SLACK_BOT_TOKEN: '' }, 'SLACK_BOT_TOKEN is not set'],
    ['an app token where the bot token goes', { SLACK_BOT_TOKEN: TEST_APP_TOKEN }, 'SLACK_BOT_TOKEN must be a bot token'],
  ])('exits 1 on %s with one line naming the variable, echoing no token', async (_what, env, expected) => {
    running = startBot({ ...httpEnv(), ...env });
    const { code } = await running.exited;
    expect(code).toBe(1);
    const output = running.stderr().trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(new RegExp(`^plan-bot: ${expected}`));
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    // Nothing is created before the configuration is known to be good.
    expect(existsSync(join(dir, 'plans.db'))).toBe(false);
  });

  it('names every bad variable at once, one line each, masking a secret pasted into the wrong one (#12.8, #12.13)', async () => {
    running = startBot({
      ...httpEnv(),
      SLACK_BOT_TOKEN: '',
      PORT: 'eighty',
      PLAN_LOCALE: 'fr',
      // The signing secret, pasted where the admins' user ids go.
      PLAN_ADMINS: TEST_SIGNING_SECRET,
    });
    expect((await running.exited).code).toBe(1);
    const lines = running.stderr().trim().split('\n');
    expect(lines.map((l) => l.match(/^plan-bot: (\w+)/)?.[1]).sort()).toEqual(['PLAN_ADMINS', 'PLAN_LOCALE', 'PORT', 'SLACK_BOT_TOKEN']);
    expect(running.stderr()).toMatch(/PLAN_ADMINS "5ec7…" \(32 characters, masked\) is not a Slack user id/);
    for (const secret of SECRETS) expect(running.stderr()).not.toContain(secret);
    expect(existsSync(join(dir, 'plans.db'))).toBe(false);
  });

  it("exits 1 naming Slack's host and the cause when the Web API cannot be reached (#12.13)", async () => {
    const closed = await freePort();
    running = startBot({ ...httpEnv(), SLACK_API_URL: `http://127.0.0.1:${closed}/api/` });
    expect((await running.exited).code).toBe(1);
    // The client's retries are logged as warnings; the error is one line.
    const errors = running.stderr().trim().split('\n').filter((l) => l.startsWith('plan-bot:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^plan-bot: could not reach Slack's Web API at 127\\.0\\.0\\.1:${closed} \\(.*ECONNREFUSED`));
  });

  it('explains a database an earlier version left half-migrated, instead of calling it unwritable (#12.3)', async () => {
    const path = join(dir, 'plans.db');
    const seeded = await prepareDatabase(path);
    await seeded.destroy();
    const raw = new SQLite(path);
    // What a kill inside the last migration under the old runner left: the column made, the migration unrecorded.
    raw.prepare("delete from kysely_migration where name = '2026-11-27-03-revision-request-key'").run();
    raw.close();
    running = startBot(httpEnv());
    expect((await running.exited).code).toBe(1);
    expect(running.stderr()).toContain('half-way through migration 2026-11-27-03-revision-request-key');
    expect(running.stderr()).not.toContain('writable');
  });

  it('exits 1 naming SLACK_BOT_TOKEN when Slack rejects it', async () => {
    standIn.setAnswer('auth.test', { ok: false, error: 'invalid_auth' });
    running = startBot(httpEnv());
    expect((await running.exited).code).toBe(1);
    expect(running.stderr()).toContain('plan-bot: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)');
    for (const secret of SECRETS) expect(running.stderr()).not.toContain(secret);
  });
});

describe('npm start in HTTP mode', () => {
  it('creates the database, answers a signed /plan 13, and on SIGTERM exits 0 with the database closed', async () => {
    running = startBot(httpEnv());
    const [, port] = await running.waitFor(/listening on port (\d+) at POST \/slack\/events/);

    const responseUrl = standIn.responseUrl('main-13');
    const http = await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandBody({ text: '13', response_url: responseUrl }),
      { signingSecret: TEST_SIGNING_SECRET },
    );
    expect(http.status).toBe(200);
    const reply = await answerOf(standIn, http.json, Date.now(), '/respond/main-13');
    expect(reply.via).toBe('ack');
    expect(visibleText(reply.body)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(visibleText(reply.body)).toContain('5,270回');
    // The chart renderer is left for the first chart to load: it would hold ~45 MB in every bot (#14).
    expect(running.stderr()).not.toMatch(/charts: renderer/);

    // No PLAN_ADMINS here: the operator is told at start that nobody can record yet (#12.11).
    expect(running.stderr()).toMatch(/WARN .*PLAN_ADMINS is not set: nobody can record figures/);

    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.stderr()).toContain('database closed');
    for (const secret of SECRETS) expect(running.stderr()).not.toContain(secret);

    // A clean close checkpoints the write-ahead log into the file and removes it.
    const path = join(dir, 'plans.db');
    expect(existsSync(`${path}-wal`)).toBe(false);
    const db = openDatabase(path);
    try {
      const plan = await findPlan(db);
      expect(await loadActionPlans(db, plan!.id)).toHaveLength(20);
    } finally {
      await db.destroy();
    }
  });
});

describe('npm start for many workspaces (OAuth)', () => {
  it('starts without a bot token, sends GET /slack/install to Slack, and exits 0 on SIGTERM', async () => {
    const { SLACK_BOT_TOKEN: _none, ...env } = httpEnv();
    running = startBot({ ...env, ...TEST_OAUTH_ENV });
    const [, port] = await running.waitFor(/listening on port (\d+) at POST \/slack\/events/);
    expect(running.stderr()).toContain('many workspaces: install at GET /slack/install');
    const start = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
    // A team that never installed is refused, not answered from someone else's plan.
    const http = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: '13', response_url: standIn.responseUrl() }), {
      signingSecret: TEST_SIGNING_SECRET,
    });
    expect(JSON.stringify(http.json ?? '')).not.toContain('施設のＩＣＴ環境の充実');
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    for (const secret of [...SECRETS, TEST_OAUTH_ENV.SLACK_CLIENT_SECRET, TEST_OAUTH_ENV.SLACK_STATE_SECRET]) expect(running.stderr()).not.toContain(secret);
  });

  it('refuses SLACK_BOT_TOKEN beside SLACK_CLIENT_ID, and a missing SLACK_STATE_SECRET, in one go', async () => {
    const { SLACK_STATE_SECRET: _missing, ...oauth } = TEST_OAUTH_ENV;
    running = startBot({ ...httpEnv(), ...oauth });
    expect((await running.exited).code).toBe(1);
    expect(running.stderr()).toMatch(/SLACK_BOT_TOKEN must be unset when SLACK_CLIENT_ID is set/);
    expect(running.stderr()).toMatch(/SLACK_STATE_SECRET is not set/);
  });
});

describe('npm start in Socket Mode', () => {
  let socket: SocketModeServer;

  beforeAll(async () => {
    socket = await startSocketModeServer();
  });

  afterAll(async () => {
    await socket.close();
  });

  it('connects with SLACK_APP_TOKEN, answers /plan 13, and exits 0 on SIGINT', async () => {
    standIn.setSocketModeUrl(socket.url);
    const env = { ...httpEnv(), SLACK_APP_TOKEN: TEST_APP_TOKEN, SLACK_SIGNING_SECRET: '' };
    running = startBot(env);
    const connection = await socket.waitForConnection(socket.connections.length + 1, 15_000);
    connection.send(helloMessage());
    await running.waitFor(/connected to Slack \(Socket Mode\)/);
    expect(standIn.callsTo('apps.connections.open')[0]!.token).toBe(TEST_APP_TOKEN);

    const responseUrl = standIn.responseUrl('main-socket');
    const payload = Object.fromEntries(new URLSearchParams(slashCommandBody({ text: '13', response_url: responseUrl })));
    connection.send(slashCommandEnvelope('env-main', payload));
    const ack = await connection.waitForMessage((m) => m.envelope_id === 'env-main');
    // The answer is the ack's payload; nothing goes to the response_url.
    expect(visibleText(ack.payload as Record<string, unknown>)).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(standIn.callsTo('response_url').filter((c) => c.path === '/respond/main-socket')).toEqual([]);

    running.child.kill('SIGINT');
    expect((await running.exited).code).toBe(0);
    await connection.closed;
    for (const secret of SECRETS) expect(running.stderr()).not.toContain(secret);
  });
});

describe('npm start with ALERT_CHANNEL', () => {
  it('schedules the alert digest and lets an admin preview it with /plan alerts', async () => {
    running = startBot({ ...httpEnv(), ALERT_CHANNEL: 'C0ALERTS', ALERT_TIME: '09:30', PLAN_ADMINS: 'U0ADMIN' });
    const [, port] = await running.waitFor(/listening on port (\d+) at POST \/slack\/events/);
    await running.waitFor(/alerts: next digest to C0ALERTS at \S+T00:30:00\.000Z/);

    const responseUrl = standIn.responseUrl('main-alerts');
    const http = await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandBody({ text: 'alerts 2024-07-01', response_url: responseUrl, user_id: 'U0ADMIN' }),
      { signingSecret: TEST_SIGNING_SECRET },
    );
    const reply = await answerOf(standIn, http.json, Date.now(), '/respond/main-alerts');
    expect(visibleText(reply.body)).toContain('C0ALERTS');
    // The channel digest counts per plan; the figures themselves go to their owners by DM.
    expect(visibleText(reply.body)).toContain('⑱ 庁内ネットワークの無線化');
    // A preview posts nothing to the channel.
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);

    expect(running.stderr()).not.toContain('PLAN_ADMINS is not set');

    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});
