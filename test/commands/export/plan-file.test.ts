import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFileOf } from '../../../commands/export/plan-file.ts';
import { importPlanFile, readPlanFile } from '../../../commands/import/plan-file.ts';
import { renderPlanFile } from '../../../src/render/export/file.ts';
import { findPlan } from '../../../src/store/action-plans.ts';
import type { PlanDb } from '../../../src/store/db.ts';
import { recordActual } from '../../../src/store/figures.ts';
import { DEFAULT_SEED_FILE } from '../../../src/store/seed-file.ts';
import { emptyDatabase, SECOND_PLAN_FILE } from '../../support/plan-files.ts';
import { tempDatabase, thirteen } from '../../support/temp-db.ts';

const NOW = new Date('2024-08-01T09:00:00+09:00');
let seeded: Awaited<ReturnType<typeof tempDatabase>>;
const empties: Awaited<ReturnType<typeof emptyDatabase>>[] = [];

async function exportPlan(db: PlanDb, code: string): Promise<Buffer> {
  return renderPlanFile(await planFileOf(db, (await findPlan(db, code))!));
}

/** A plan file imported into a store that holds nothing yet. */
async function importIntoEmpty(bytes: Buffer): Promise<PlanDb> {
  const empty = await emptyDatabase();
  empties.push(empty);
  const reading = readPlanFile(bytes.toString('utf8'));
  if (!reading.ok) throw new Error(JSON.stringify(reading));
  expect(await importPlanFile(empty.db, reading, { dryRun: false, strict: false, recordedBy: 'tanaka', now: NOW })).toMatchObject({
    kind: 'created',
  });
  return empty.db;
}

beforeAll(async () => {
  seeded = await tempDatabase();
});
afterAll(async () => {
  await seeded.cleanup();
  for (const empty of empties) await empty.cleanup();
});

describe('the plan file written from the store', () => {
  it('is the seed file again for the freshly seeded 4th plan', async () => {
    const written = JSON.parse((await exportPlan(seeded.db, 'suita-4')).toString('utf8'));
    expect(written).toEqual(JSON.parse(readFileSync(DEFAULT_SEED_FILE, 'utf8')));
  });

  it('round-trips byte for byte through a fresh store, carrying what was recorded since', async () => {
    const { indicatorId } = await thirteen(seeded.db);
    await recordActual(seeded.db, {
      indicatorId,
      fiscalYear: 2021,
      value: 6200.5,
      provisional: true,
      recordedBy: 'U0ADMIN',
      source: 'slack',
      note: '9月末時点, "暫定"',
      now: NOW,
    });
    const first = await exportPlan(seeded.db, 'suita-4');
    expect(JSON.parse(first.toString('utf8')).actionPlans[12].indicators[0].actuals['2021']).toEqual({
      value: 6200.5,
      provisional: true,
      note: '9月末時点, "暫定"',
    });
    const again = await exportPlan(await importIntoEmpty(first), 'suita-4');
    expect(again.equals(first)).toBe(true);
  });

  it('round-trips the second plan from its file: the same data out, then the same bytes', async () => {
    const fixture = readFileSync(SECOND_PLAN_FILE);
    const first = await exportPlan(await importIntoEmpty(fixture), 'suita-5');
    expect(JSON.parse(first.toString('utf8'))).toEqual(JSON.parse(fixture.toString('utf8')));
    const again = await exportPlan(await importIntoEmpty(first), 'suita-5');
    expect(again.equals(first)).toBe(true);
  });
});
