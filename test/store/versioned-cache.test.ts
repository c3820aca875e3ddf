import { describe, expect, it } from 'vitest';
import { VersionedCache } from '../../src/store/versioned-cache.ts';

describe('the version-keyed cache', () => {
  it('gives a value back only at the version it was kept at', () => {
    const cache = new VersionedCache<string>(4);
    cache.set('13', 'v1', 'answer at v1');
    expect(cache.get('13', 'v1')).toBe('answer at v1');
    expect(cache.get('13', 'v2')).toBeUndefined();
    cache.set('13', 'v2', 'answer at v2');
    expect(cache.get('13', 'v2')).toBe('answer at v2');
    expect(cache.size).toBe(1);
  });

  it('lets the least recently used go when full, a lookup counting as a use', () => {
    const cache = new VersionedCache<number>(3);
    cache.set('a', 'v', 1);
    cache.set('b', 'v', 2);
    cache.set('c', 'v', 3);
    expect(cache.get('a', 'v')).toBe(1);
    cache.set('d', 'v', 4);
    // b was used least recently (a was looked up after it).
    expect(['a', 'b', 'c', 'd'].map((id) => cache.get(id, 'v'))).toEqual([1, undefined, 3, 4]);
    // Replacing a kept value makes no room: nothing else goes.
    cache.set('c', 'v2', 30);
    expect(cache.size).toBe(3);
    expect(cache.get('a', 'v')).toBe(1);
  });

  it('forgets a value only while it is still the one kept', () => {
    const cache = new VersionedCache<object>(2);
    const failed = {};
    const newer = {};
    cache.set('x', 'v', failed);
    cache.set('x', 'v', newer);
    cache.forget('x', failed);
    expect(cache.get('x', 'v')).toBe(newer);
    cache.forget('x', newer);
    expect(cache.get('x', 'v')).toBeUndefined();
  });
});
