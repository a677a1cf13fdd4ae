/**
 * Concurrent calls with the same key share one pending promise: when one change wakes 500 subscribers of a
 * dataset at once, the database is asked once, not 500 times. Nothing is kept once it settles, so a later
 * call reads anew. Keys must name what the answer depends on (a change feed's sequence, for live reads).
 */
export function sharedInFlight<T>() {
  const pending = new Map<string, Promise<T>>();
  return (key: string, load: () => Promise<T>): Promise<T> => {
    const existing = pending.get(key);
    if (existing) return existing;
    const started = load().finally(() => pending.delete(key));
    pending.set(key, started);
    return started;
  };
}
