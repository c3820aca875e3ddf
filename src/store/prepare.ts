import { openDatabase, type PlanDb } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { seedPlan } from './seed.ts';
import { refreshSeedMetadata } from './seed-metadata.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from './seed-file.ts';

/**
 * What every entry point does first: open the file, migrate forward, and seed the
 * 4th plan if this database has never seen it.
 */
export async function prepareDatabase(
  path: string,
  options: { seedFile?: string; now?: Date } = {},
): Promise<PlanDb> {
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
    const seed = loadSeedFile(options.seedFile ?? DEFAULT_SEED_FILE);
    if (!(await seedPlan(db, seed, options.now ?? new Date()))) await refreshSeedMetadata(db, seed);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
