// Compiled code reads the plan files beside it (dist/db/seeds), as the sources read db/seeds.
import { cpSync } from 'node:fs';

const outDir = process.argv[2] ?? 'dist';
cpSync('db/seeds', `${outDir}/db/seeds`, { recursive: true });
