/**
 * Values kept for as long as the data version they were made at (data-version.ts) is the
 * current one, at most `capacity` of them, the least recently used going first. A lookup at
 * another version misses: the caller makes the value again and keeps it at the new version.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: V; used: number }>();
  private uses = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string, version: string): V | undefined {
    const hit = this.entries.get(id);
    if (!hit || hit.version !== version) return undefined;
    // A hit only counts the use. Re-inserting it (to keep the Map in order of use) stored each
    // request's key string in the long-lived Map, so every request left young data behind for
    // the collector to copy and promote (#14); the order is found when something must go.
    hit.used = ++this.uses;
    return hit.value;
  }

  set(id: string, version: string, value: V): void {
    if (!this.entries.has(id) && this.entries.size >= this.capacity) this.dropLeastRecentlyUsed();
    this.entries.set(id, { version, value, used: ++this.uses });
  }

  /** Drops `value` (one that turned out wrong, a failed read) unless something newer replaced it. */
  forget(id: string, value: V): void {
    if (this.entries.get(id)?.value === value) this.entries.delete(id);
  }

  private dropLeastRecentlyUsed(): void {
    let oldest: string | undefined;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [id, entry] of this.entries) {
      if (entry.used < oldestUse) {
        oldest = id;
        oldestUse = entry.used;
      }
    }
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
