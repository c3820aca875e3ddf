import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadOnly } from '../../commands/run.ts';
import type { Command } from '../../commands/grammar.ts';
import { AnswerCache } from '../../src/slack/answer-cache.ts';
import type { PlanDb } from '../../src/store/db.ts';
import { recordFor13, thirteen, twoConnections } from '../support/temp-db.ts';

const show13: Command = { verb: 'show', number: 13, share: false };
const message = (text: string) => ({ text, blocks: [] });

describe('the answer cache', () => {
  let t: Awaited<ReturnType<typeof twoConnections>>;
  let indicatorId: number;

  beforeAll(async () => {
    // The second connection stands for the alert job or another process.
    t = await twoConnections();
    ({ indicatorId } = await thirteen(t.db));
  });
  afterAll(() => t.cleanup());

  const record = (db: PlanDb, value: number) => recordFor13(db, indicatorId, { value });

  it('answers the same command on the same day from memory while nothing changed', async () => {
    const cache = new AnswerCache(t.db);
    let computed = 0;
    const compute = async () => message(`answer ${++computed}`);
    const key = { command: show13, today: '2024-07-01', sharedBy: undefined };
    expect((await cache.get(key, compute)).text).toBe('answer 1');
    expect((await cache.get(key, compute)).text).toBe('answer 1');
    expect((await cache.get({ ...key, today: '2024-07-02' }, compute)).text).toBe('answer 2');
    expect((await cache.get({ ...key, sharedBy: 'U0STAFF' }, compute)).text).toBe('answer 3');
  });

  it('computes afresh after a write on its own connection', async () => {
    const cache = new AnswerCache(t.db);
    let computed = 0;
    const key = { command: show13, today: '2024-07-01', sharedBy: undefined };
    await cache.get(key, async () => message(`answer ${++computed}`));
    await record(t.db, 6543);
    expect((await cache.get(key, async () => message(`answer ${++computed}`))).text).toBe('answer 2');
  });

  it('computes afresh after another connection commits', async () => {
    const cache = new AnswerCache(t.db);
    let computed = 0;
    const key = { command: show13, today: '2024-07-01', sharedBy: undefined };
    await cache.get(key, async () => message(`answer ${++computed}`));
    await record(t.other, 7001);
    expect((await cache.get(key, async () => message(`answer ${++computed}`))).text).toBe('answer 2');
  });

  it('keeps only read-only commands', () => {
    expect(isReadOnly(show13)).toBe(true);
    expect(isReadOnly({ verb: 'owner', number: 13, action: 'list' })).toBe(false);
    expect(isReadOnly({ verb: 'report', number: 13 })).toBe(false);
    expect(isReadOnly({ verb: 'alerts', date: null })).toBe(false);
  });
});
