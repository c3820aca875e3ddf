import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/slack/in-flight.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('work in flight', () => {
  it('counts work until it settles, rejected or not, and hands the work back untouched', async () => {
    const inFlight = new InFlight();
    const a = deferred();
    const b = deferred();
    expect(inFlight.track(a.promise)).toBe(a.promise);
    const failing = inFlight.track(b.promise);
    expect(inFlight.size).toBe(2);
    b.reject(new Error('no'));
    await expect(failing).rejects.toThrow('no');
    expect(inFlight.size).toBe(1);
    a.resolve();
    await a.promise;
    expect(inFlight.size).toBe(0);
  });

  it('drains once work started meanwhile has finished too, and gives up at the timeout', async () => {
    const inFlight = new InFlight();
    expect(await inFlight.drain(10)).toBe(true);

    const first = deferred();
    const second = deferred();
    inFlight.track(first.promise);
    const drained = inFlight.drain(5_000);
    inFlight.track(second.promise);
    first.resolve();
    await first.promise;
    let done = false;
    void drained.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    second.resolve();
    expect(await drained).toBe(true);

    const stuck = deferred();
    inFlight.track(stuck.promise);
    expect(await inFlight.drain(20)).toBe(false);
    expect(inFlight.size).toBe(1);
  });
});
