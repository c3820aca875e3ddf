import type { DrawnChart } from '../../render/chart-draw.ts';
import { dataVersion } from '../../store/data-version.ts';
import type { PlanDb } from '../../store/db.ts';
import { VersionedCache } from '../../store/versioned-cache.ts';

const DEFAULT_CAPACITY = 32;

export interface ChartKey {
  /** The plan drawn from: workspaces share the database, each with plans of its own (#18). */
  planId: number;
  actionPlanNumber: number;
  locale: string;
  /** Which years are overdue (said under the title) depends on the day. */
  today: string;
}

/**
 * Drawn charts, kept until the database changes: a chart costs a few hundred milliseconds of
 * CPU and figures change a few times a year, so the same chart asked twice is drawn once. The
 * token is the store's `dataVersion` (a figure recorded by any connection moves it), read once
 * per request. Entries hold promises, so requests that arrive while a chart is being drawn
 * wait for that drawing instead of starting their own. About 150 kB per chart.
 */
export class ChartCache {
  private readonly entries: VersionedCache<Promise<DrawnChart>>;

  constructor(
    private readonly db: PlanDb,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.entries = new VersionedCache(capacity);
  }

  /** The data's token now; pass it to `get` and `draw`, so a chart is filed under the data it was drawn from. */
  version(): Promise<string> {
    return dataVersion(this.db);
  }

  get(key: ChartKey, version: string): Promise<DrawnChart> | undefined {
    return this.entries.get(idOf(key), version);
  }

  /** The chart for this key and version: the one already drawn or being drawn, else `draw()`'s. */
  draw(key: ChartKey, version: string, draw: () => DrawnChart | Promise<DrawnChart>): Promise<DrawnChart> {
    const id = idOf(key);
    const existing = this.entries.get(id, version);
    if (existing) return existing;
    const drawn = Promise.resolve().then(draw);
    this.entries.set(id, version, drawn);
    // A drawing that failed is not kept: the next request tries again.
    drawn.catch(() => this.entries.forget(id, drawn));
    return drawn;
  }

  get size(): number {
    return this.entries.size;
  }
}

function idOf(key: ChartKey): string {
  return JSON.stringify([key.planId, key.actionPlanNumber, key.locale, key.today]);
}

const caches = new WeakMap<PlanDb, ChartCache>();

/** One cache per database handle, shared by every listener that posts charts (the command and the buttons). */
export function chartCacheFor(db: PlanDb): ChartCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ChartCache(db)));
  return cache;
}
