import { setTimeout as sleep } from 'node:timers/promises';
import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../db/migrations/index.ts';

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    cause: unknown,
  ) {
    super(`database migration failed${migrationName ? ` at ${migrationName}` : ''}`, { cause });
    this.name = 'MigrationError';
  }
}

const ATTEMPTS = 3;

/**
 * Brings the schema forward to the newest migration; never backwards.
 *
 * Kysely's migration lock is a no-op on SQLite, so two processes starting on a fresh
 * file (the bot and the alert job) can both try the first migration; the loser fails
 * on "table already exists". Trying again reads the winner's bookkeeping and finds
 * nothing left to do, while a migration that is really broken fails every attempt.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and typed against no schema, as kysely advises.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (attempt >= ATTEMPTS) throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error);
    await sleep(25 * attempt + Math.random() * 50);
  }
}
