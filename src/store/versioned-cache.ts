/**
 * Values kept for as long as the data version they were made at (data-version.ts) is the
 * current one, at most `capacity` of them, the least recently used going first. A lookup at
 * another version misses: the caller makes the value again and keeps it at the new version.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: V }>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string, version: string): V | undefined {
    const hit = this.entries.get(id);
    if (!hit || hit.version !== version) return undefined;
    // Re-inserting keeps the Map in least-recently-used order.
    this.entries.delete(id);
    this.entries.set(id, hit);
    return hit.value;
  }

  set(id: string, version: string, value: V): void {
    this.entries.delete(id);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { version, value });
  }

  /** Drops `value` (one that turned out wrong, a failed read) unless something newer replaced it. */
  forget(id: string, value: V): void {
    if (this.entries.get(id)?.value === value) this.entries.delete(id);
  }
}
