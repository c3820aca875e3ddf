import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDb } from '../../src/store/db.ts';
import { listRevisions } from '../../src/store/figures.ts';
import { recordFor13, thirteen, twoConnections } from '../support/temp-db.ts';

describe('recording an actual', () => {
  let t: Awaited<ReturnType<typeof twoConnections>>;
  let other: PlanDb;
  let actionPlanId: number;
  let indicatorId: number;

  beforeAll(async () => {
    // A second connection to the same file, as a second process would have.
    t = await twoConnections();
    other = t.other;
    ({ actionPlanId, indicatorId } = await thirteen(t.db));
  });
  afterAll(() => t.cleanup());

  const record = (db: PlanDb, value: number, requestKey: string | null, fiscalYear = 2021) =>
    recordFor13(db, indicatorId, { value, requestKey, fiscalYear });

  const revisionsFor = async (fiscalYear: number) =>
    (await listRevisions(t.db, actionPlanId)).filter((r) => r.fiscalYear === fiscalYear);

  it('adds a revision, makes it current and reports what it replaced', async () => {
    const first = await record(t.db, 6000, null);
    expect(first).toMatchObject({ duplicate: false, previous: null });
    const second = await record(t.db, 6543, null);
    expect(second).toMatchObject({ duplicate: false, previous: { value: 6000, recordedBy: 'U0ADMIN' } });
    const revisions = await revisionsFor(2021);
    expect(revisions.map((r) => [r.value, r.current])).toEqual([
      [6000, false],
      [6543, true],
    ]);
  });

  it('stores a request once, however often it is delivered', async () => {
    const first = await record(t.db, 7100, 'slack-view:V1');
    const again = await record(t.db, 7100, 'slack-view:V1');
    expect(again).toEqual({ revisionId: first.revisionId, figureId: first.figureId, duplicate: true, previous: null });
    expect((await revisionsFor(2021)).filter((r) => r.value === 7100)).toHaveLength(1);
  });

  it('stores a request once when two connections get it at the same moment', async () => {
    const results = await Promise.all([
      record(t.db, 7200, 'slack-view:V2', 2022),
      record(other, 7200, 'slack-view:V2', 2022),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await revisionsFor(2022)).toHaveLength(1);
  });

  it('lets two different requests for the same figure both land', async () => {
    await Promise.all([record(t.db, 9001, 'slack-view:V3', 2023), record(other, 9002, 'slack-view:V4', 2023)]);
    const revisions = await revisionsFor(2023);
    expect(revisions.map((r) => r.value).sort()).toEqual([9001, 9002]);
    expect(revisions.filter((r) => r.current)).toHaveLength(1);
  });
});
