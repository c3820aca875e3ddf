/**
 * The entry points of the CLI and of the bot are bundles (scripts/bundle.mjs, #14): built here
 * into a temp folder the way `npm run build` builds dist/, then run as `npm run plan` and
 * `npm start` run them. The CLI must answer from its bundle alone, on a fresh database (the seed
 * is found from inside the bundle), without ever loading Bolt or undici, and run it through a
 * code cache only when the cache was made from that very bundle; the bot must answer a signed
 * /plan with its own code, kysely, zod and date-fns from the bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, freshLocation } from '../support/databases.ts';
import { TRACE_LOADS } from '../support/load-trace.ts';
import { freePort } from '../support/ports.ts';
import { signSlackRequest, slashCommandBody } from '../support/signed-request.ts';
import { startSlackApiStandIn } from '../support/slack-api-stand-in.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let dir: string;

function run(script: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, script, ...args], {
    // In the build folder: the programs read `.env` from where they run, and a checkout may have one.
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATABASE_PATH: join(dir, 'plans.db'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled entry points', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-bot-bundle-'));
    // Bolt, better-sqlite3, exceljs and the chart packages stay packages: found beside the bundle, as in a checkout.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const step of [['scripts/copy-seeds.mjs', dir], ['scripts/bundle.mjs', dir]]) {
      const built = spawnSync(process.execPath, step, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(built.status, built.stderr).toBe(0);
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers /plan 13 from the CLI bundle, seeding a fresh database, without loading Bolt', () => {
    const { code, stdout, stderr } = run(join(dir, 'src/bin/plan.cjs'), ['13'], {}, ['--import', TRACE_LOADS]);
    expect(stderr.split('\n').filter((l) => !l.startsWith('loaded '))).toEqual(['']);
    expect(code).toBe(0);
    expect(stdout).toContain('⑬ 施設のＩＣＴ環境の充実');
    expect(stdout).toContain('5,270回');

    const loaded = stderr.split('\n').filter((l) => l.startsWith('loaded '));
    expect(loaded.filter((l) => l.includes('@slack/'))).toEqual([]);
    // Only the native SQLite binding comes from node_modules; the rest is the bundle.
    const packages = new Set(loaded.flatMap((l) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1] ?? []));
    expect([...packages]).toEqual(['better-sqlite3']);
    // A second start answers from the database the first one seeded.
    const again = run(join(dir, 'src/bin/plan.cjs'), ['list']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('20件');
  });

  it('answers from the CLI bundle on the engine under test (PostgreSQL\'s driver is a package it loads)', async () => {
    const db = freshLocation('plan-bot-bundle-engine-');
    try {
      const { code, stdout, stderr } = run(join(dir, 'src/bin/plan.cjs'), ['13'], databaseEnv(db.location));
      expect([code, stderr]).toEqual([0, '']);
      expect(stdout).toContain('5,270回');
    } finally {
      await db.cleanup();
    }
  });

  it('runs the CLI bundle through the code cache the build made, and replaces one that does not fit', () => {
    const bundle = join(dir, 'src/bin/plan-bundle.cjs');
    const cache = `${bundle}.v8-cache`;
    const stamp = () => `plan-bot code cache ${statSync(bundle).size} ${Math.trunc(statSync(bundle).mtimeMs)}\n`;
    const header = () => readFileSync(cache).toString('latin1', 0, stamp().length);
    expect(header()).toBe(stamp());

    // A cache V8 accepts is left as it is.
    const made = statSync(cache).mtimeMs;
    expect(run(join(dir, 'src/bin/plan.cjs'), ['13']).stdout).toContain('5,270回');
    expect(statSync(cache).mtimeMs).toBe(made);

    // Damaged bytes under the right name: V8 rejects them, the answer is the same, a new cache is written.
    writeFileSync(cache, Buffer.concat([Buffer.from(stamp(), 'latin1'), Buffer.alloc(4096, 7)]));
    const damaged = run(join(dir, 'src/bin/plan.cjs'), ['13']);
    expect([damaged.code, damaged.stderr]).toEqual([0, '']);
    expect(damaged.stdout).toContain('5,270回');
    expect(statSync(cache).size).toBeGreaterThan(100_000);

    // A rebuilt bundle (another time, same length: V8 alone would not notice) is not run with the old cache.
    const before = readFileSync(cache);
    utimesSync(bundle, new Date(), new Date(statSync(bundle).mtimeMs + 60_000));
    expect(run(join(dir, 'src/bin/plan.cjs'), ['13']).stdout).toContain('5,270回');
    expect(header()).toBe(stamp());
    expect(readFileSync(cache).subarray(0, 40).equals(before.subarray(0, 40))).toBe(false);
    expect(readdirSync(join(dir, 'src/bin')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('answers the same when its code cache cannot be written, and when four start at once with none', async () => {
    const cache = join(dir, 'src/bin/plan-bundle.cjs.v8-cache');
    const tempFiles = () => readdirSync(join(dir, 'src/bin')).filter((name) => name.endsWith('.tmp'));
    rmSync(cache, { force: true });
    // A folder where the cache would go: it can be neither read nor replaced.
    mkdirSync(cache);
    try {
      const blocked = run(join(dir, 'src/bin/plan.cjs'), ['13']);
      expect([blocked.code, blocked.stderr]).toEqual([0, '']);
      expect(blocked.stdout).toContain('5,270回');
      expect(tempFiles()).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }

    const runAsync = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [join(dir, 'src/bin/plan.cjs'), '13'], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATABASE_PATH: join(dir, 'plans.db') },
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stdout }));
      });
    const four = await Promise.all([runAsync(), runAsync(), runAsync(), runAsync()]);
    for (const one of four) expect([one.code, one.stdout.includes('5,270回')]).toEqual([0, true]);
    expect(tempFiles()).toEqual([]);
    // Whichever wrote last, the cache is whole: the next start uses it and leaves it alone.
    const written = statSync(cache).mtimeMs;
    expect(run(join(dir, 'src/bin/plan.cjs'), ['13']).code).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('reads the alert preview, holiday calendar and all, when asked for it', () => {
    const { code, stdout } = run(join(dir, 'src/bin/plan.cjs'), ['alerts', '2024-07-01'], { ALERT_CHANNEL: 'C0ALERTS' });
    expect(code).toBe(0);
    expect(stdout).toContain('C0ALERTS');
  });

  it('answers a signed /plan 13 from the bot bundle, and stops cleanly on SIGTERM', async () => {
    const standIn = await startSlackApiStandIn();
    const port = await freePort();
    const secret = 'bundle-test-signing-secret';
    const bot = spawn(process.execPath, ['--import', TRACE_LOADS, join(dir, 'src/bin/start.js')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmpdir(),
        DATABASE_PATH: join(dir, 'bot.db'),
        SLACK_BOT_TOKEN: 'xoxb-bundle-test',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: standIn.url,
        PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    try {
      for (let waited = 0; !/listening on port/.test(stderr); waited += 50) {
        if (waited > 60_000 || bot.exitCode !== null) throw new Error(`the bot did not start:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const body = slashCommandBody({ text: '13', response_url: `${standIn.url}respond/bundle` });
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signSlackRequest(secret, timestamp, body),
        },
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('施設のＩＣＴ環境の充実');
    } finally {
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
      await standIn.close();
    }
    const packages = new Set(
      stderr.split('\n').flatMap((l) => (l.startsWith('loaded ') ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(l)?.[1] ?? []) : [])),
    );
    expect(packages).toContain('@slack/bolt');
    expect(packages).toContain('better-sqlite3');
    for (const bundled of ['kysely', 'zod', 'date-fns']) expect(packages).not.toContain(bundled);
  }, 90_000);

  it('builds every chunk two folders deep, where ../../db/seeds is the seed folder', () => {
    const folders = readdirSync(join(dir, 'src')).filter((name) => name.endsWith('-chunks'));
    expect(readdirSync(join(dir, 'db', 'seeds'))).toContain('suita-4th.json');
    expect(folders).toEqual(['plan-chunks']);
  });
});
