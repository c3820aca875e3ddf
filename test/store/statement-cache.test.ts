import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/statement-cache.ts';

describe('the prepared statement cache', () => {
  it('compiles a query text once and hands the same statement back', () => {
    const sqlite = new SQLite(':memory:');
    const db = withStatementCache(sqlite);
    const first = db.prepare('select 1 as one');
    expect(db.prepare('select 1 as one')).toBe(first);
    expect(first.all([])).toEqual([{ one: 1 }]);
    db.close();
    expect(sqlite.open).toBe(false);
  });

  it('forgets the least recently used text beyond its capacity', () => {
    const db = withStatementCache(new SQLite(':memory:'), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
    db.close();
  });
});
