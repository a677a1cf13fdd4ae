import type { ChangeFeed } from "@retrain/db";

/** A wake-up call that coalesces: however many changes arrive while a row is read, one more read follows. */
function wakeSignal() {
  let pending = false;
  let resolve: (() => void) | null = null;
  return {
    wake() {
      pending = true;
      resolve?.();
      resolve = null;
    },
    next(): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((r) => {
        resolve = () => {
          pending = false;
          r();
        };
      });
    },
  };
}

/**
 * A row as a stream for GraphQL subscriptions: yields it, then again each time the database announces a
 * change of one of `keys` (workers write from other processes or machines; the database's triggers tell this
 * process's change feed) and its `signature` differs, ending once `finished` says so. Nothing is read while
 * nothing changes. `load` runs the access check each time: a member removed, or a session ended, gets no
 * further update. An iterator rather than a generator, so that a client leaving while it waits for a change
 * (`return()`) ends it at once instead of at the next change.
 */
export function watchRow<T>(
  changes: ChangeFeed,
  keys: string[],
  load: () => Promise<T>,
  signature: (row: T) => string,
  finished: (row: T) => boolean,
): AsyncIterableIterator<T> {
  const signal = wakeSignal();
  // Subscribed before the first read: a change between the two still wakes the loop.
  const unsubscribe = keys.map((key) => changes.subscribe(key, signal.wake));
  let stopped = false;
  let first = true;
  let last: string | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const off of unsubscribe) off();
    signal.wake();
  };
  const end = (): IteratorResult<T> => ({ done: true, value: undefined });

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      for (;;) {
        if (!first && !stopped) await signal.next();
        first = false;
        if (stopped) return end();
        let row: T;
        try {
          row = await load();
        } catch (error) {
          stop();
          throw error;
        }
        if (finished(row)) stop(); // this row is the last one sent
        const now = signature(row);
        if (now !== last) {
          last = now;
          return { done: false, value: row };
        }
        if (stopped) return end();
      }
    },
    async return() {
      stop();
      return end();
    },
  };
}
