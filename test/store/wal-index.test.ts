import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalIndexHeader } from '../../src/store/wal-index.ts';

/** A -shm file's first 96 bytes: the header's two copies, as a writer leaves them or is caught between. */
function shmFile(first: Buffer, second: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bot-wal-index-'));
  dirs.push(dir);
  const path = join(dir, 'plans.db-shm');
  writeFileSync(path, Buffer.concat([first, second, Buffer.alloc(32768 - 96)]));
  return path;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const header = (fill: number) => Buffer.alloc(48, fill);
const at = (path: string) => new WalIndexHeader(() => path);

describe("a WAL index's header read without a lock", () => {
  it('is the first copy when both copies agree', () => {
    const index = at(shmFile(header(7), header(7)));
    expect(index.read()).toEqual(header(7));
    index.close();
  });

  it('is not used when a writer was caught between the two copies', () => {
    const index = at(shmFile(header(7), header(8)));
    expect(index.read()).toBeUndefined();
    index.close();
  });

  it('is read afresh each time: a commit in between is seen', () => {
    const path = shmFile(header(1), header(1));
    const index = at(path);
    expect(index.read()).toEqual(header(1));
    writeFileSync(path, Buffer.concat([header(2), header(2)]), { flag: 'r+' });
    expect(index.read()).toEqual(header(2));
    index.close();
  });

  it('is undefined with no -shm file, and after close', () => {
    const missing = at(join(tmpdir(), 'plan-bot-no-such-dir', 'plans.db-shm'));
    expect(missing.read()).toBeUndefined();
    const index = at(shmFile(header(3), header(3)));
    expect(index.read()).toEqual(header(3));
    index.close();
    expect(index.read()).toBeUndefined();
  });

  it('is undefined for a file shorter than the two copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-bot-wal-index-'));
    dirs.push(dir);
    const path = join(dir, 'plans.db-shm');
    writeFileSync(path, header(5));
    const index = at(path);
    expect(index.read()).toBeUndefined();
    index.close();
  });
});
