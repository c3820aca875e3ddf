/**
 * 5,000 generated `/plan` texts through the whole brain (`answer`) on a real seeded
 * database, then through every renderer in both languages. A failure prints the seed and
 * index: `textGenerator(SEED)` replays the same texts in the same order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../commands/answer.ts';
import { makeContext, type Actor } from '../../commands/context.ts';
import { parseCommand } from '../../commands/grammar.ts';
import type { CommandResult } from '../../commands/results.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { messagesFor } from '../../src/messages/index.ts';
import { renderText } from '../../src/render/text.ts';
import { renderMessage } from '../../src/render/blocks/index.ts';
import { findPlan } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import type { Plan } from '../../src/store/schema.ts';
import { textGenerator } from './texts.ts';

const SEED = 0x5e1ec7;
const COUNT = 5000;
/** FY2023's due date has passed, FY2024 is open: every status is reachable. */
const NOW = new Date('2024-08-01T09:00:00+09:00');

const ACTORS: Actor[] = [
  { id: 'U0STAFF', isAdmin: false, canOpenForms: true },
  { id: 'U0ADMIN', isAdmin: true, canOpenForms: true },
  { id: 'cli', isAdmin: true, canOpenForms: false },
];

let dir: string;
let db: PlanDb;
let plan: Plan;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-fuzz-'));
  db = await prepareDatabase(join(dir, 'plans.db'), { now: NOW });
  plan = (await findPlan(db))!;
});

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows changed by this connection so far: every query of the app runs on it. */
async function totalChanges(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return rows[0]!.n;
}

/** Every row of every table except owners and committee members (the tables admins may change by command). */
async function contentsExceptOwners(): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      and name not in ('action_plan_owner', 'committee_change')
    order by name`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(db)).rows;
  return JSON.stringify(out);
}

interface Failure {
  index: number;
  text: string;
  problem: string;
}

function checkRendered(result: CommandResult): string | null {
  for (const locale of ['ja', 'en'] as const) {
    const m = messagesFor(locale);
    const text = renderText(result, m);
    if (text.trim() === '') return `empty ${locale} text answer`;
    const message = renderMessage(result, m, { userId: 'U0STAFF' });
    if (message.text.trim() === '') return `empty ${locale} Block Kit fallback text`;
    if (message.blocks.length === 0) return `no ${locale} blocks`;
    // What Bolt will send: it must serialise.
    JSON.stringify(message);
  }
  return null;
}

describe('the command layer under generated /plan texts', () => {
  // About 3 s once every answer is fast; generous here because CI has two cores for all suites.
  it(`answers ${COUNT} generated texts in words, in both languages, changing nothing it should not`, { timeout: 60_000 }, async () => {
    const before = await contentsExceptOwners();
    const texts = textGenerator(SEED);
    const failures: Failure[] = [];
    const kinds = new Map<string, number>();

    for (let index = 0; index < COUNT; index++) {
      const text = texts.next();
      const actor = ACTORS[index % ACTORS.length]!;
      const ctx = makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor });
      const fail = (problem: string) => failures.push({ index, text, problem });

      const parsed = parseCommand(text);
      if (parsed.ok && parsed.command.verb === 'owner' && !['list', 'add', 'remove'].includes(parsed.command.action as string)) {
        fail(`owner action parsed as ${typeof parsed.command.action} ${String(parsed.command.action)}`);
      }

      const changesBefore = await totalChanges();
      let result: CommandResult;
      try {
        result = await answer(text, ctx);
      } catch (error) {
        fail(`threw ${error instanceof Error ? error.stack : String(error)}`);
        continue;
      }
      const key = result.kind === 'error' ? `error:${result.error.code}` : result.kind;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);

      try {
        const problem = checkRendered(result);
        if (problem) fail(problem);
      } catch (error) {
        fail(`rendering threw ${error instanceof Error ? error.stack : String(error)}`);
      }

      const changed = (await totalChanges()) - changesBefore;
      const ownerChange = result.kind === 'owners' && result.change?.changed === true && actor.isAdmin;
      // An admin may close or reopen the plan (one row of `plan`, put back below).
      const closureChange = result.kind === 'plan_closure' && result.changed && actor.isAdmin;
      const committeeChange =
        result.kind === 'review' && result.review.type === 'committee' && result.review.change?.changed === true && actor.isAdmin;
      if (changed !== 0 && !ownerChange && !committeeChange && !(closureChange && changed === 1)) {
        fail(`changed ${changed} row(s) answering ${result.kind}`);
      }
      if (failures.length >= 10) break;
    }

    expect(
      failures.map((f) => `seed ${SEED} #${f.index} ${JSON.stringify(f.text.slice(0, 200))}: ${f.problem}`),
    ).toEqual([]);
    // Only owner and committee commands may write, and only to their own tables; besides, admins may close the plan.
    await db.updateTable('plan').set({ closed_at: null, closed_by: null }).execute();
    expect(await contentsExceptOwners()).toBe(before);
    // The generator reaches the handlers, not only the grammar's refusals.
    for (const kind of ['action_plan', 'action_plan_list', 'overdue', 'history', 'owners', 'help', 'open_figure_form']) {
      expect(kinds.get(kind) ?? 0, `answers of kind ${kind}`).toBeGreaterThan(0);
    }
  });

  it('never takes an inherited property name for an owner action', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const parsed = parseCommand(`owner 13 ${word} <@U0123ABC>`);
      expect(parsed.ok ? parsed.command : parsed.error, word).toMatchObject(
        parsed.ok ? { action: expect.stringMatching(/^(add|remove)$/) } : { code: 'unexpected_words' },
      );
    }
  });
});
