import { describe, expect, it } from 'vitest';
import { ConfigErrors, loadCoreConfig } from '../../src/config/core.ts';

/** DATABASE_URL picks PostgreSQL; its problems are told without ever repeating the password. */

const SECRET = 's3cr3t-Pa55word-nobody-may-see';

function problem(env: Record<string, string>): string {
  try {
    loadCoreConfig(env);
  } catch (error) {
    if (error instanceof ConfigErrors) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('DATABASE_URL', () => {
  it('is absent by default: the SQLite file at DATABASE_PATH, as before', () => {
    const config = loadCoreConfig({ DATABASE_PATH: '/srv/plan/plans.db' });
    expect(config.database).toBe('/srv/plan/plans.db');
    expect(config.databaseLabel).toBe('DATABASE_PATH /srv/plan/plans.db');
  });

  it('selects PostgreSQL when set, and is shown with its password masked', () => {
    const url = `postgres://plan:${SECRET}@db.example:5432/plans?schema=suita`;
    const config = loadCoreConfig({ DATABASE_URL: url, DATABASE_PATH: '/ignored.db' });
    expect(config.database).toBe(url);
    expect(config.databaseLabel).toBe('DATABASE_URL postgres://plan:***@db.example:5432/plans?schema=suita');
    expect(config.databaseLabel).not.toContain(SECRET);
  });

  it.each([
    [`mysql://root:${SECRET}@localhost/plans`, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//],
    [`postgres://plan:${SECRET}@db.example/plans?schema=Not-An-Identifier`, /DATABASE_URL is not usable: .*schema must be a lower-case identifier/],
    [`postgres://plan:${SECRET}@db.example:port/plans`, /DATABASE_URL is not usable: the PostgreSQL URL is not a valid URL/],
  ])('refuses %s in one line that names the variable and never the password', (url, expected) => {
    const message = problem({ DATABASE_URL: url });
    expect(message).toMatch(expected);
    expect(message).not.toContain(SECRET);
  });

  it('counts a blank value as unset', () => {
    expect(loadCoreConfig({ DATABASE_URL: '  ' }).database).toBe('./data/plans.db');
  });
});
