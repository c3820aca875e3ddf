import type { Kysely } from 'kysely';
import { installWriteCounter } from './dialect.ts';

// Frozen in time: takes Kysely<any> and imports no app code.

/**
 * PostgreSQL only (a no-op on SQLite, whose data_version already does this): a counter of writes
 * to the schema, bumped by a trigger on every table in the writing transaction, so that every bot
 * instance's answer cache sees another instance's write (#18). Tables made by later migrations
 * get the trigger with countWrites().
 */
export async function up(db: Kysely<any>): Promise<void> {
  await installWriteCounter(db);
}
