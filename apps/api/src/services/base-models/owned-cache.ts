/** What a cache tells whoever counts: a value found, one made, one dropped to stay within the limit. */
export type CacheEvent = "hit" | "miss" | "eviction";

interface Entry<V> {
  value: Promise<V>;
  users: number;
  evicted: boolean;
}

/**
 * A bounded cache of things that hold resources (tensors, worker threads), least recently used first out.
 * Only idle values are evicted, and released (`release`) at once; a value in use at shutdown is released when
 * its last user is done. A value that fails to load is not kept, so the next caller tries again.
 */
export class OwnedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly limit: number,
    private readonly release: (value: V) => void | Promise<void>,
    private readonly onEvent: (event: CacheEvent) => void = () => {},
  ) {}

  /** Runs `work` with the value for `key`, made by `make` if missing; the value stays alive while it runs. */
  async use<T>(key: string, make: () => Promise<V>, work: (value: V) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    this.onEvent(entry ? "hit" : "miss");
    if (entry) {
      this.entries.delete(key); // most recently used goes to the back
      this.entries.set(key, entry);
    } else {
      const created: Entry<V> = { value: make(), users: 0, evicted: false };
      created.value.catch(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      this.entries.set(key, created);
      entry = created;
    }
    entry.users++;
    this.evictOverflow();
    try {
      return await work(await entry.value);
    } finally {
      entry.users--;
      if (entry.evicted && entry.users === 0) await this.free(entry);
    }
  }

  /** Drops one key (its value changed): released now if idle, else when its last user is done. */
  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.evicted = true;
    if (entry.users === 0) void this.free(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Releases everything (at shutdown), waiting for what is in use. */
  async close(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      all.map((entry) => {
        entry.evicted = true;
        return entry.users === 0 ? this.free(entry) : undefined;
      }),
    );
  }

  /** Drops idle entries, oldest first, down to the limit; entries in use stay (over the limit for a while). */
  private evictOverflow(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limit) return;
      if (entry.users > 0) continue;
      this.entries.delete(key);
      entry.evicted = true;
      this.onEvent("eviction");
      void this.free(entry);
    }
  }

  private async free(entry: Entry<V>): Promise<void> {
    const value = await entry.value.catch(() => undefined);
    if (value !== undefined) await this.release(value);
  }
}
