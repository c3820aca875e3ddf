/**
 * Writes docs/plan-file.schema.json, the JSON Schema of the plan file (src/store/seed-file.ts),
 * for editors and other cities' tools: `npx tsx scripts/plan-file-schema.ts`.
 * test/store/seed-file.test.ts fails when the published file and the schema drift apart.
 */
import { writeFileSync } from 'node:fs';
import { planFileJsonSchema, PLAN_FILE_SCHEMA_PATH } from '../src/store/seed-file.ts';

writeFileSync(PLAN_FILE_SCHEMA_PATH, planFileJsonSchema());
console.log(PLAN_FILE_SCHEMA_PATH);
