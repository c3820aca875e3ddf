/**
 * The CLI's entry point is a bundle (scripts/bundle.mjs, #14): built here into a temp folder
 * the way `npm run build` builds dist/, then run as `npm run plan` runs it. It must answer
 * from its bundle alone, on a fresh database (the seed is found from inside the bundle),
 * without ever loading Bolt or undici.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACE_LOADS } from '../support/load-trace.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let dir: string;

function run(script: string, args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, script, ...args], {
    cwd: ROOT,
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
    const { code, stdout, stderr } = run(join(dir, 'src/bin/plan.js'), ['13'], {}, ['--import', TRACE_LOADS]);
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
    const again = run(join(dir, 'src/bin/plan.js'), ['list']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('20件');
  });

  it('reads the alert preview, holiday calendar and all, when asked for it', () => {
    const { code, stdout } = run(join(dir, 'src/bin/plan.js'), ['alerts', '2024-07-01'], { ALERT_CHANNEL: 'C0ALERTS' });
    expect(code).toBe(0);
    expect(stdout).toContain('C0ALERTS');
  });

  it('builds every chunk two folders deep, where ../../db/seeds is the seed folder', () => {
    const folders = readdirSync(join(dir, 'src')).filter((name) => name.endsWith('-chunks'));
    expect(readdirSync(join(dir, 'db', 'seeds'))).toContain('suita-4th.json');
    expect(folders).toEqual(['plan-chunks']);
  });
});
