/**
 * Bundles each process entry point once per test run (esbuild, a few hundred milliseconds), so
 * the tests that start real processes (`npm start`, the CLIs, the crash recorder) spawn plain
 * JavaScript instead of `node --import tsx`, which transforms and resolves hundreds of files on
 * every start: about a second of CPU per process on this 2-core machine, seventy-odd times a run.
 * The bundles sit two folders under the root, so paths the code takes from `import.meta.url`
 * (the seed file, the plan-file schema) resolve exactly as from `src/store/`.
 *
 * It also drops the PostgreSQL schemas of test processes that died before their cleanup.
 *
 * Each project (sqlite, postgres) runs this, possibly at the same moment: every file is written
 * beside its place and renamed over it, so a reader never sees half a bundle.
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { sweepOrphanSchemas } from './support/databases.ts';
import { TEST_BIN_DIR, TEST_ENTRY_POINTS } from './support/entry.ts';

export default async function setup(): Promise<void> {
  const result = await build({
    entryPoints: TEST_ENTRY_POINTS,
    outdir: TEST_BIN_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as in production; only the project's own code is bundled.
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    write: false,
  });
  mkdirSync(TEST_BIN_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  // Schemas left by test processes killed before their cleanup (PostgreSQL half only).
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url) await sweepOrphanSchemas(url);
}
