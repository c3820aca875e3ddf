import type { Command } from '../../commands/grammar.ts';
import type { PlanDb } from '../store/db.ts';
import { dataVersion } from '../store/data-version.ts';
import { VersionedCache } from '../store/versioned-cache.ts';
import type { SlackMessage } from '../render/blocks/index.ts';

const DEFAULT_CAPACITY = 256;

export interface AnswerKey {
  command: Command;
  today: string;
  /** Named on answers shared in the channel, so part of what is said. */
  sharedBy: string | undefined;
}

/**
 * Rendered answers to read-only commands, kept until the database changes. A committee
 * meeting asks `/plan 13` many times a day while figures change a few times a year; the
 * token from `dataVersion` is read on every request (on SQLite one read of the WAL index's
 * header, and a tiny query when a commit moved it), so a figure
 * recorded anywhere — this process, the alert job, another process on the same file —
 * is in the very next answer.
 */
export class AnswerCache {
  private readonly entries: VersionedCache<SlackMessage>;

  constructor(
    private readonly db: PlanDb,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.entries = new VersionedCache(capacity);
  }

  // The same parsed command object comes back for the same text (parsedText remembers its
  // parses), so its serialised form is kept with it rather than made per request.
  private readonly ids = new WeakMap<Command, string>();

  private idOf(command: Command): string {
    let id = this.ids.get(command);
    if (id === undefined) {
      id = JSON.stringify(command);
      this.ids.set(command, id);
    }
    return id;
  }

  private keyOf(key: AnswerKey): string {
    return `${this.idOf(key.command)}\u0000${key.today}\u0000${key.sharedBy ?? ''}`;
  }

  /**
   * The answer already made for `key` at this data version, or undefined. Synchronous: an
   * answer in hand is acknowledged at once, with no deadline to race and no promise to wait on.
   */
  peek(key: AnswerKey, version: string): SlackMessage | undefined {
    return this.entries.get(this.keyOf(key), version);
  }

  /** `knownVersion`: the data version already read for this request, when it was. */
  async get(key: AnswerKey, compute: () => Promise<SlackMessage>, knownVersion?: string): Promise<SlackMessage> {
    const id = this.keyOf(key);
    const version = knownVersion ?? (await dataVersion(this.db));
    const hit = this.entries.get(id, version);
    if (hit) return hit;
    // Kept as JSON would read it back: plain objects, no undefined fields. Bolt serialises
    // the answer into every acknowledgement, and such objects serialise fastest.
    const message = JSON.parse(JSON.stringify(await compute())) as SlackMessage;
    this.entries.set(id, version, message);
    return message;
  }
}
