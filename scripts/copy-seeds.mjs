// Compiled code reads the plan files beside it (dist/db/seeds), as the sources read db/seeds.
//
// Where the compiled store is there too (after tsc), each plan file is validated here, once,
// and the digest of its bytes (and its size and time) written beside it: a start that finds those very bytes skips
// the validation (src/store/seed-file.ts, #14). A file that fails stops the build.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const outDir = process.argv[2] ?? 'dist';
cpSync('db/seeds', `${outDir}/db/seeds`, { recursive: true });

const seedModule = resolve(outDir, 'src/store/seed-file.js');
if (existsSync(seedModule)) {
  const { loadSeedFile, validatedRecord, VALIDATED_SUFFIX } = await import(pathToFileURL(seedModule).href);
  const seeds = join(outDir, 'db/seeds');
  for (const name of readdirSync(seeds).filter((n) => n.endsWith('.json'))) {
    const path = join(seeds, name);
    loadSeedFile(path);
    writeFileSync(`${path}${VALIDATED_SUFFIX}`, validatedRecord(path, readFileSync(path)));
  }
}
