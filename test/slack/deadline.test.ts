import { describe, expect, it } from 'vitest';
import { raceDeadline } from '../../src/slack/deadline.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(resolve, ms, value));

describe('raceDeadline', () => {
  it('hands back the value of work done in time', async () => {
    expect(await raceDeadline(after(5, 'answer'), 500)).toEqual({ inTime: true, value: 'answer' });
  });

  it('stops waiting at the deadline and hands over the work still running', async () => {
    const started = performance.now();
    const raced = await raceDeadline(after(300, 'answer'), 30);
    expect(performance.now() - started).toBeLessThan(250);
    expect(raced.inTime).toBe(false);
    if (!raced.inTime) expect(await raced.later).toBe('answer');
  });

  it('passes on a failure that comes in time', async () => {
    await expect(raceDeadline(Promise.reject(new Error('broken')), 500)).rejects.toThrow('broken');
  });
});
