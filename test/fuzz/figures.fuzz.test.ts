/**
 * Random values in the "record a figure" form, submitted by an admin, an owner of ⑬ and a
 * stranger, through submitFigure (what the modal's submission listener calls). Every one is
 * answered — saved, or refused with field errors or a refusal — none throws; a refused one
 * stores nothing, a saved one stores exactly its revision; only admins and owners get one in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, type Actor } from '../../commands/context.ts';
import { submitFigure, type SubmitFigureInput } from '../../commands/record-figure.ts';
import { DEFAULT_DUE_DATE_RULE } from '../../src/domain/fiscal-year.ts';
import { findPlan, loadActionPlans } from '../../src/store/action-plans.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { addOwner } from '../../src/store/owners.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import type { Plan } from '../../src/store/schema.ts';
import { seededRandom } from '../support/random.ts';

const SEED = 0xf16e;
const COUNT = 1000;
const NOW = new Date('2024-08-01T09:00:00+09:00');
const ADMIN: Actor = { id: 'U0ADMIN', isAdmin: true, canOpenForms: true };
const OWNER: Actor = { id: 'U0OWNER', isAdmin: false, canOpenForms: true };
const STRANGER: Actor = { id: 'U0STRANGER', isAdmin: false, canOpenForms: true };
const POLICY = { admins: [ADMIN.id] };

let dir: string;
let db: PlanDb;
let plan: Plan;
let indicatorIds: number[];
let indicatorsOf13: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bot-figure-fuzz-'));
  db = await prepareDatabase(join(dir, 'plans.db'), { now: NOW });
  plan = (await findPlan(db))!;
  const records = await loadActionPlans(db, plan.id);
  indicatorIds = records.flatMap((r) => r.indicators.map((i) => i.id));
  const ap13 = records.find((r) => r.number === 13)!;
  indicatorsOf13 = ap13.indicators.map((i) => i.id);
  await addOwner(db, { actionPlanId: ap13.id, userId: OWNER.id, addedBy: ADMIN.id, now: NOW });
});

afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function revisionCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from actual_revision`.execute(db);
  return rows[0]!.n;
}

const VALUES = [
  '', ' ', '0', '1', '-1', '▲16.68', '△5', '1,234', '1,234.5', '１２３', '12%', '12 %', '１２％', '100.0001', '1e3', '1e309',
  'NaN', 'Infinity', '-0', '0x10', '12.34.56', '1,2,3', '５,２７０回', '5270回', '約100', '100以上', '😀', '\u200b12',
  "1; drop table actual_revision", '999999999', '1000000001', '  42  ', '4２', '٤٢', '1_000', '+7', '.5', '5.',
];

function randomInput(random: () => number): { actor: Actor; input: SubmitFigureInput } {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const value =
    random() < 0.7 ? pick(VALUES) : random() < 0.5 ? String(Math.round((random() - 0.2) * 10 ** int(9)) / 10 ** int(3)) : 'x'.repeat(int(80));
  const note = pick([null, '', '9月末時点', '訂正', 'a'.repeat(499), 'a'.repeat(501), '\u0000\u001b[31m', '<!channel>', '😀'.repeat(300)]);
  return {
    actor: pick([ADMIN, OWNER, OWNER, STRANGER]),
    input: {
      planId: random() < 0.9 ? plan.id : pick([plan.id + 1, 0, -1, 2 ** 40]),
      actionPlanNumber: random() < 0.7 ? 13 : pick([1, 2, 14, 20, 21, 0, -3, 999, 1.5]),
      indicatorId: random() < 0.6 ? pick(indicatorsOf13) : pick([null, 0, -1, 2 ** 33, pick(indicatorIds)]),
      fiscalYear: pick([2018, 2019, 2021, 2023, 2024, 2025, null, 1000, 9999, 2021.5]),
      value,
      note,
      source: random() < 0.95 ? 'slack' : (pick(['cli', 'seed', 'import', '']) as 'slack'),
    },
  };
}

describe('the figure form under random submissions', () => {
  it(`answers ${COUNT} random submissions, storing exactly the accepted ones and none from strangers`, async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    const outcomes = { saved: 0, fieldErrors: 0, forbidden: 0 };

    for (let index = 0; index < COUNT; index++) {
      const { actor, input } = randomInput(random);
      const ctx = makeContext({ db, plan, now: NOW, dueRule: DEFAULT_DUE_DATE_RULE, actor });
      const where = `seed ${SEED} #${index} ${actor.id} ${JSON.stringify(input).slice(0, 200)}`;
      const before = await revisionCount();
      let result;
      try {
        result = await submitFigure(ctx, input, POLICY);
      } catch (error) {
        failures.push(`${where}: threw ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const stored = (await revisionCount()) - before;
      if (result.ok) {
        outcomes.saved++;
        if (stored !== 1) failures.push(`${where}: saved but stored ${stored} revisions`);
        if (actor === STRANGER) failures.push(`${where}: a stranger recorded a figure`);
        if (!indicatorsOf13.includes(result.saved.indicator.id) && actor === OWNER) {
          failures.push(`${where}: an owner of ⑬ recorded outside ⑬`);
        }
        if (!Number.isFinite(result.saved.value)) failures.push(`${where}: saved ${result.saved.value}`);
      } else {
        if ('forbidden' in result) outcomes.forbidden++;
        else {
          outcomes.fieldErrors++;
          if (Object.keys(result.fieldErrors).length === 0) failures.push(`${where}: refused without saying why`);
        }
        if (stored !== 0) failures.push(`${where}: refused but stored ${stored} revisions`);
      }
      if (failures.length >= 10) break;
    }

    expect(failures).toEqual([]);
    // The generator reaches every outcome, not only the refusals.
    expect(outcomes.saved).toBeGreaterThan(10);
    expect(outcomes.fieldErrors).toBeGreaterThan(10);
    expect(outcomes.forbidden).toBeGreaterThan(10);
  });
});
