import { setTimeout as sleep } from "node:timers/promises";

/**
 * A row as a stream for GraphQL subscriptions: polls it and yields each time its `signature` changes,
 * ending once `finished` says so. Workers write progress to Postgres from other processes (or machines),
 * so the database is where changes are seen; a half-second poll per subscriber is cheap next to the work.
 * `load` runs the access check each time: a member removed, or a session ended, gets no further update.
 */
export async function* watchRow<T>(
  load: () => Promise<T>,
  signature: (row: T) => string,
  finished: (row: T) => boolean,
  intervalMs = 500,
): AsyncGenerator<T> {
  let last: string | undefined;
  for (;;) {
    const row = await load();
    const now = signature(row);
    if (now !== last) {
      last = now;
      yield row;
    }
    if (finished(row)) return;
    await sleep(intervalMs);
  }
}
