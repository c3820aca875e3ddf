/**
 * `npm run plan` as a process: what only the entry point does (#12.10, #12.14, #12.15).
 * It reads `.env` from the working folder (the environment wins), exits quietly when the
 * reader of its output goes away (`| head`), and refuses an old Node.js in one line.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOlderThan, MINIMUM_NODE_VERSION } from '../../src/bin/node-version.ts';
import { entry } from '../support/entry.ts';
import { runToEnd } from '../support/process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-bin-plan-'));
  dbPath = join(dir, 'plans.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() });

describe('.env in the working folder', () => {
  it('is read, and a variable set in the environment wins over it', async () => {
    const fromFile = join(dir, 'from-dotenv.db');
    writeFileSync(join(dir, '.env'), `# made by the Slack setup steps\nPLAN_LOCALE=en\nDATABASE_PATH=${fromFile}\n`);
    const viaFile = await runToEnd(process.execPath, [...entry('plan'), '13'], { cwd: dir, env: baseEnv() });
    expect(viaFile.code, viaFile.stderr).toBe(0);
    expect(viaFile.stdout).toContain('Basic policy 2');
    expect(existsSync(fromFile)).toBe(true);

    const overridden = await runToEnd(process.execPath, [...entry('plan'), '13'], {
      cwd: dir,
      env: { ...baseEnv(), PLAN_LOCALE: 'ja' },
    });
    expect(overridden.stdout).toContain('基本方針');
    rmSync(join(dir, '.env'));
  });
});

describe('output piped into a reader that stops early', () => {
  it('exits 0 without a stack trace when the pipe closes', async () => {
    const child = spawn(process.execPath, [...entry('plan'), 'list'], {
      cwd: ROOT,
      env: { ...baseEnv(), DATABASE_PATH: dbPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Like `| head -0`: the reader is gone before anything is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('an old Node.js', () => {
  it('compares versions', () => {
    expect(isOlderThan('20.18.3')).toBe(true);
    expect(isOlderThan('v18.20.4')).toBe(true);
    expect(isOlderThan(MINIMUM_NODE_VERSION)).toBe(false);
    expect(isOlderThan('20.19.1')).toBe(false);
    expect(isOlderThan('22.0.0')).toBe(false);
  });

  it('is refused in one line before anything else runs, exit 2', async () => {
    const pretend = "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.18.1'})";
    const out = await runToEnd(process.execPath, ['--import', pretend, ...entry('plan'), '13'], {
      cwd: ROOT,
      env: { ...baseEnv(), DATABASE_PATH: join(dir, 'never.db') },
    });
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(`Node.js ${MINIMUM_NODE_VERSION} or newer is needed`);
    expect(out.stdout).toBe('');
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
  });
});
