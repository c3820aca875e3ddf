/**
 * A process recording figures is killed with SIGKILL at a random moment, three times in a
 * row on the same file. After each kill the file must pass SQLite's integrity check, and
 * every revision the process acknowledged (printed after its commit) must be there with
 * its value, current on its figure unless a later one replaced it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext } from '../../commands/context.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { seededRandom } from '../support/random.ts';
import { entry } from '../support/entry.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = 0xc4a5;
const ROUNDS = 3;

let dir: string;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-crash-'));
  path = join(dir, 'plans.db');
  // Created, migrated and seeded the way `npm start` does it.
  const db = await prepareDatabase(path);
  await db.destroy();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Ack {
  revisionId: number;
  figureId: number;
  value: number;
}

/** Starts the recorder, lets it commit for `runMs` after its first commit, then SIGKILLs it. */
async function recordThenKill(seed: number, runMs: number): Promise<{ acks: Ack[]; signal: string | null }> {
  const child = spawn(process.execPath, [...entry('recorder'), path, String(seed)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`recorder made no commit in 15 s: ${stderr}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\nack ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`recorder exited early: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, runMs));
  child.kill('SIGKILL');
  const signal = await exited;
  // Only whole lines count: a line cut short was never an acknowledgement.
  const acks = stdout
    .split('\n')
    .filter((line) => /^ack \d+ \d+ [\d.]+$/.test(line))
    .map((line) => {
      const [, revisionId, figureId, value] = line.split(' ');
      return { revisionId: Number(revisionId), figureId: Number(figureId), value: Number(value) };
    });
  return { acks, signal };
}

describe('SIGKILL while recording figures', () => {
  it(`loses no acknowledged figure and keeps the file sound, ${ROUNDS} kills in a row`, async () => {
    const random = seededRandom(SEED);
    const acknowledged: Ack[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const { acks, signal } = await recordThenKill(SEED + round, 150 + Math.floor(random() * 600));
      expect(signal).toBe('SIGKILL');
      expect(acks.length, `round ${round} recorded something`).toBeGreaterThan(0);
      acknowledged.push(...acks);

      // Reopened as the restarted bot would: WAL recovery happens here.
      const sqlite = new SQLite(path);
      try {
        expect(sqlite.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        sqlite.pragma('foreign_keys = ON');
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
        const revision = sqlite.prepare('select value, yearly_figure_id as figureId from actual_revision where id = ?');
        const missing = acknowledged.filter((a) => {
          const row = revision.get(a.revisionId) as { value: number; figureId: number } | undefined;
          return row?.value !== a.value || row.figureId !== a.figureId;
        });
        expect(missing, `round ${round}: acknowledged but not stored`).toEqual([]);
        // One writer, so the newest revision of a figure is its current one.
        const stray = sqlite
          .prepare(
            `select f.id from yearly_figure f
             where f.current_revision_id is not (select max(r.id) from actual_revision r where r.yearly_figure_id = f.id)`,
          )
          .all();
        expect(stray, `round ${round}: figures whose current revision is not their newest`).toEqual([]);
      } finally {
        sqlite.close();
      }
    }

    // And the bot starts on the file and answers from it.
    const db = await prepareDatabase(path);
    try {
      const plan = (await findPlan(db))!;
      const ctx = makeContext({
        db,
        plan,
        now: new Date(),
        dueRule: DEFAULT_DUE_DATE_RULE,
        actor: { id: 'U0STAFF', isAdmin: false, canOpenForms: true },
      });
      expect((await answer('13', ctx)).kind).toBe('action_plan');
    } finally {
      await db.destroy();
    }
  }, 30_000);
});
