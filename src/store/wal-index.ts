import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** One copy of SQLite's WalIndexHdr; the -shm file starts with two (https://sqlite.org/walformat.html). */
const HEADER_BYTES = 48;
const BOTH_COPIES = 2 * HEADER_BYTES;

/** A -shm file's descriptor in this process, and how many connections' readers use it. */
interface Opened {
  fd: number;
  users: number;
}

// By device and inode: one descriptor per file in the process, however it was named.
const opened = new Map<string, Opened>();

/**
 * The header at the start of a WAL database's index (its -shm file). Every commit, from any
 * connection in any process, rewrites it (the frame count, the running checksum, or the salts when
 * the log starts over), and it is how SQLite itself learns at the start of a read that another
 * connection wrote. Read here with one pread and no lock: asking `pragma data_version` instead
 * takes and drops a read lock (two fcntl calls and SQLite's read path) on every `/plan` (#14).
 *
 * SQLite writes the second copy, then the first; a read that finds the two unequal caught a
 * writer halfway and is not used.
 *
 * POSIX locks belong to the process and the file: closing any descriptor of the -shm drops every
 * lock SQLite holds there for any connection of this process (its mark that the database is in
 * use). So the file is opened only once a connection has it open, one descriptor serves every
 * connection of the process to that file, and it is closed when the last of them has closed.
 */
export class WalIndexHeader {
  /** Where the -shm is, asked at the first read: a connection that never reads pays nothing. */
  readonly #locate: () => string | undefined;
  #key: string | null | undefined;
  readonly #bytes = Buffer.alloc(BOTH_COPIES);
  readonly #header = this.#bytes.subarray(0, HEADER_BYTES);

  constructor(locate: () => string | undefined) {
    this.#locate = locate;
  }

  /**
   * The header as it stands (a view, overwritten by the next read), or undefined when it
   * cannot be read whole: no -shm, or a writer caught halfway.
   */
  read(): Buffer | undefined {
    if (this.#key === undefined) this.#key = use(this.#locate());
    if (this.#key === null) return undefined;
    if (readSync(opened.get(this.#key)!.fd, this.#bytes, 0, BOTH_COPIES, 0) !== BOTH_COPIES) return undefined;
    return this.#bytes.compare(this.#bytes, HEADER_BYTES, BOTH_COPIES, 0, HEADER_BYTES) === 0 ? this.#header : undefined;
  }

  /** After the connection has closed. */
  close(): void {
    if (typeof this.#key === 'string') release(this.#key);
    // Never reopened: the -shm may go with the last connection.
    this.#key = null;
  }
}

/** The key of the -shm's shared descriptor, opening it if this process has none; null when there is no such file. */
function use(path: string | undefined): string | null {
  if (path === undefined) return null;
  try {
    const { dev, ino } = statSync(path);
    const key = `${dev}:${ino}`;
    const known = opened.get(key);
    if (known) known.users++;
    else opened.set(key, { fd: openSync(path, 'r'), users: 1 });
    return key;
  } catch {
    return null;
  }
}

function release(key: string): void {
  const known = opened.get(key)!;
  if (--known.users > 0) return;
  opened.delete(key);
  closeSync(known.fd);
}
