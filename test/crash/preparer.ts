/**
 * The first start of any entry point, and nothing else, so a kill can be aimed at it:
 *   node --import tsx test/crash/preparer.ts <database> [seed file] [steps]
 * prints `ready` once loaded, then prepares the database as `npm start` does. With `steps`
 * it does the same in its two halves and prints when each ended (`migrated <ms>`,
 * `done <ms>`), which the crash test uses to aim its kills at the migration window.
 */
import { openDatabase } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { prepareDatabase } from '../../src/store/prepare.ts';
import { seedPlan } from '../../src/store/seed.ts';
import { DEFAULT_SEED_FILE, loadSeedFile } from '../../src/store/seed-file.ts';

const [path, seedFile = DEFAULT_SEED_FILE, mode] = process.argv.slice(2);
if (!path) throw new Error('usage: preparer.ts <database> [seed file] [steps]');
const seed = loadSeedFile(seedFile);
process.stdout.write('ready\n');
const started = performance.now();
if (mode === 'steps') {
  const db = openDatabase(path);
  await migrateToLatest(db);
  process.stdout.write(`migrated ${performance.now() - started}\n`);
  await seedPlan(db, seed, new Date());
  await db.destroy();
} else {
  const db = await prepareDatabase(path, { seedFile });
  await db.destroy();
}
process.stdout.write(`done ${performance.now() - started}\n`);
