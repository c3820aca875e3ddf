/**
 * Where the store lives, as one string: a SQLite file path (or `:memory:`), or a PostgreSQL URL
 * (`postgres://user:password@host:5432/db`, optionally `?schema=name` for a schema of its own).
 * One string keeps every entry point, test and child process able to pass "the database" along.
 */

export type DatabaseLocation =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; connectionString: string; schema: string | undefined };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Throws (naming no password) when a PostgreSQL URL cannot be used. */
export function parseLocation(location: string): DatabaseLocation {
  if (!isPostgresUrl(location)) return { engine: 'sqlite', path: location };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new Error('the PostgreSQL URL is not a valid URL');
  }
  // No host is allowed: libpq and pg then use PGHOST or the local socket's default.
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error('the PostgreSQL URL\'s schema must be a lower-case identifier such as "plan_bot"');
  }
  // `schema` is ours, not libpq's: taken out before pg reads the rest.
  url.searchParams.delete('schema');
  return { engine: 'postgres', connectionString: url.toString(), schema };
}

/** The location as it may be printed: a PostgreSQL URL without its password. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://… (not a valid URL)';
  }
}
