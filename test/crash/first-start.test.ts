/**
 * The first start of the bot (create the file, migrate, seed) is SIGKILLed at a random
 * moment, 30 times, each on a fresh file; two kills in three are aimed at the migrations.
 * Whatever moment the kill came, the next start must migrate and seed the file, the file
 * must pass SQLite's integrity check, and every migration must be recorded once.
 *
 * The child is a bundle of test/crash/preparer.ts made once with esbuild (tsx's own compiler),
 * so each round costs a plain node start rather than a TypeScript loader.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { findPlan, loadActionPlans } from '../../src/store/action-plans.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { DEFAULT_SEED_FILE } from '../../src/store/seed-file.ts';
import { seededRandom } from '../support/random.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const KILLS = 30;
const AT_ONCE = 3;
const SEED = 0x5eed;

let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-first-start-'));
  // Inside node_modules so the bundle's one bare import (better-sqlite3) resolves.
  const cache = join(ROOT, 'node_modules', '.cache', 'plan-bot-crash');
  mkdirSync(cache, { recursive: true });
  child = join(cache, `preparer-${process.pid}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'test/crash/preparer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Bundled whole but for the native module: loading kysely's many files costs more than the kill window.
    external: ['better-sqlite3'],
    outfile: child,
    logLevel: 'warning',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(child, { force: true });
});

interface Run {
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the preparer on `path`; `killAfterMs` after it printed `ready`, SIGKILL (if still running). */
function runPreparer(path: string, killAfterMs: number | null, steps = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, path, DEFAULT_SEED_FILE, ...(steps ? ['steps'] : [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      if (killAfterMs !== null && !before.includes('ready\n') && stdout.includes('ready\n')) {
        timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ lines: stdout.split('\n').filter(Boolean), signal, code, stderr });
    });
  });
}

function lineValue(run: Run, key: string): number {
  const line = run.lines.find((l) => l.startsWith(`${key} `));
  if (!line) throw new Error(`no "${key}" from the preparer: ${run.lines.join(' | ')} ${run.stderr}`);
  return Number(line.split(' ')[1]);
}

describe('SIGKILL during the first start', () => {
  it(`leaves a file the next start migrates and seeds, ${KILLS} kills`, async () => {
    // How long the two halves take here, measured on a file nobody kills.
    const calibration = await runPreparer(join(dir, 'calibration.db'), null, true);
    expect(calibration.code, calibration.stderr).toBe(0);
    const migrateMs = lineValue(calibration, 'migrated');
    const totalMs = lineValue(calibration, 'done');

    const random = seededRandom(SEED);
    const delays = Array.from({ length: KILLS }, (_, i) =>
      i % 3 === 2 ? random() * totalMs * 1.2 : random() * migrateMs * 1.1,
    );
    const outcomes: Array<{ killed: boolean; delay: number }> = [];

    const round = async (i: number) => {
      const path = join(dir, `round-${i}`, 'plans.db');
      const run = await runPreparer(path, delays[i]!);
      outcomes.push({ killed: run.signal === 'SIGKILL', delay: delays[i]! });
      if (run.signal !== 'SIGKILL') expect(run.code, `round ${i}: ${run.stderr}`).toBe(0);

      // The next start, as the restarted bot makes it.
      const db = await prepareDatabase(path);
      try {
        const plan = await findPlan(db);
        expect(plan?.code, `round ${i}`).toBe('suita-4');
        expect(await loadActionPlans(db, plan!.id)).toHaveLength(20);
      } finally {
        await db.destroy();
      }
      const raw = new SQLite(path, { readonly: true });
      try {
        expect(raw.pragma('integrity_check', { simple: true }), `round ${i}`).toBe('ok');
        const recorded = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
        expect(recorded.map((r) => r.name), `round ${i}`).toEqual(Object.keys(migrations).sort());
      } finally {
        raw.close();
      }
    };

    for (let start = 0; start < KILLS; start += AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, KILLS - start) }, (_, k) => round(start + k)));
    }
    // Most kills must have landed before the child finished, or the test proves little.
    expect(outcomes.filter((o) => o.killed).length).toBeGreaterThanOrEqual(KILLS * 0.6);
  }, 120_000);
});
