import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DrawnChart } from '../../../src/render/chart-draw.ts';
import { ChartCache, chartCacheFor } from '../../../src/slack/chart/chart-cache.ts';
import { recordActual } from '../../../src/store/figures.ts';
import { tempDatabase, thirteen, twoConnections } from '../../support/temp-db.ts';

const KEY = { planId: 1, actionPlanNumber: 13, locale: 'ja', today: '2024-08-01' };

function counter() {
  let draws = 0;
  const draw = (): DrawnChart => {
    draws += 1;
    return { title: '⑬', grade: 'A', files: [{ bytes: Buffer.from([draws]), filename: 'plan-13-chart.png', title: '⑬', altText: '⑬' }] };
  };
  return { draw, count: () => draws };
}

describe('ChartCache', () => {
  let t: Awaited<ReturnType<typeof twoConnections>>;
  beforeEach(async () => {
    t = await twoConnections();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('draws the same chart once while the data stays the same', async () => {
    const cache = new ChartCache(t.db);
    const { draw, count } = counter();
    const version = await cache.version();
    const first = await cache.draw(KEY, version, draw);
    const again = await cache.draw(KEY, await cache.version(), draw);
    expect(count()).toBe(1);
    expect(again).toBe(first);
    expect(cache.get(KEY, version)).toBeDefined();
  });

  it('draws again once a figure is recorded, by this connection or another process’s', async () => {
    const cache = new ChartCache(t.db);
    const { draw, count } = counter();
    await cache.draw(KEY, await cache.version(), draw);
    const { indicatorId } = await thirteen(t.db);
    const record = (db: typeof t.db, value: number) =>
      recordActual(db, { indicatorId, fiscalYear: 2021, value, provisional: false, recordedBy: 'U0', source: 'cli', note: null, now: new Date() });
    await record(t.db, 6543);
    const afterOwnWrite = await cache.version();
    expect(cache.get(KEY, afterOwnWrite)).toBeUndefined();
    await cache.draw(KEY, afterOwnWrite, draw);
    await record(t.other, 6600);
    await cache.draw(KEY, await cache.version(), draw);
    expect(count()).toBe(3);
  });

  it('keeps charts apart by plan, action plan, locale and day', async () => {
    const cache = new ChartCache(t.db);
    const { draw, count } = counter();
    const version = await cache.version();
    await cache.draw(KEY, version, draw);
    await cache.draw({ ...KEY, actionPlanNumber: 8 }, version, draw);
    await cache.draw({ ...KEY, locale: 'en' }, version, draw);
    await cache.draw({ ...KEY, today: '2024-08-02' }, version, draw);
    // Another workspace's copy of the plan: its own ⑬, however alike the number (#18).
    await cache.draw({ ...KEY, planId: 2 }, version, draw);
    expect(count()).toBe(5);
  });

  it('lets a request that arrives while a chart is being drawn wait for that drawing', async () => {
    const cache = new ChartCache(t.db);
    const { draw, count } = counter();
    const version = await cache.version();
    const [a, b] = await Promise.all([cache.draw(KEY, version, draw), cache.draw(KEY, version, draw)]);
    expect(count()).toBe(1);
    expect(a).toBe(b);
  });

  it('forgets a drawing that failed, so the next request tries again', async () => {
    const cache = new ChartCache(t.db);
    const version = await cache.version();
    await expect(
      cache.draw(KEY, version, () => {
        throw new Error('font missing');
      }),
    ).rejects.toThrow('font missing');
    const { draw, count } = counter();
    await cache.draw(KEY, version, draw);
    expect(count()).toBe(1);
  });

  it('holds at most its capacity, dropping the least recently used', async () => {
    const cache = new ChartCache(t.db, 2);
    const { draw, count } = counter();
    const version = await cache.version();
    for (const n of [1, 2, 1, 3]) await cache.draw({ ...KEY, actionPlanNumber: n }, version, draw);
    expect(cache.size).toBe(2);
    await cache.draw({ ...KEY, actionPlanNumber: 1 }, version, draw);
    expect(count()).toBe(3);
    await cache.draw({ ...KEY, actionPlanNumber: 2 }, version, draw);
    expect(count()).toBe(4);
  });
});

describe('chartCacheFor', () => {
  it('gives every listener of one database the same cache', async () => {
    const a = await tempDatabase();
    const b = await tempDatabase();
    try {
      expect(chartCacheFor(a.db)).toBe(chartCacheFor(a.db));
      expect(chartCacheFor(a.db)).not.toBe(chartCacheFor(b.db));
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});
