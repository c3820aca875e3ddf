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

/** Brings the schema forward to the newest migration; never backwards. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) throw new MigrationError(failed?.migrationName, error);
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
