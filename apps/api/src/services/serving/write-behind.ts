import { log } from "../../observability/log.js";

/**
 * Rows written in batches instead of one statement each: a busy prediction endpoint logs every answer, and
 * one INSERT per answer costs more than the prediction. Flushed every `intervalMs`, or at `maxRows`; a failed
 * write is reported, not retried (these are logs: losing a batch is better than slowing every request).
 */
export function createWriteBehind<T>(write: (rows: T[]) => Promise<unknown>, intervalMs = 100, maxRows = 500) {
  let pending: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const rows = pending;
    pending = [];
    if (rows.length === 0) return writing;
    writing = writing
      .then(() => write(rows))
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error }, "buffered write failed"),
      );
    return writing;
  };
  return {
    add(row: T) {
      pending.push(row);
      if (pending.length >= maxRows) void flush();
      else timer ??= setTimeout(() => void flush(), intervalMs).unref();
    },
    flush,
  };
}
