import pg from "pg";

/** The channel the database's triggers announce changes on (see the security_pass_two migration). */
export const CHANGES_CHANNEL = "retrain_changes";

/**
 * What changed, as the triggers name it: `run:<id>` (a run, its epochs, its jobs), `job:<id>`, `dataset:<id>`
 * (its images and labels). Listeners read the row again when told.
 */
export interface ChangeFeed {
  /** Calls `onChange` each time `key` changes, until the returned function is called. */
  subscribe(key: string, onChange: () => void): () => void;
  /** Subscriptions held now (for tests and metrics). */
  size(): number;
  /**
   * How many changes this feed has announced so far, of any key. A read started at sequence n has seen every
   * change announced up to n (announcements follow commits): readers may share it while the sequence holds.
   */
  sequence(): number;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per process, fanned out in memory: subscribers cost nothing while nothing changes,
 * whatever their number. When the connection drops, it is made again (with backoff) and every subscriber is
 * told once, as a change may have been missed meanwhile. The channel is the triggers' by default; workers
 * also listen on the job queue's wake-up channel (a key is a queue's name).
 */
export function openChangeFeed(
  databaseUrl: string,
  options: { channel?: string; onError?: (error: Error) => void } = {},
): ChangeFeed {
  const channel = options.channel ?? CHANGES_CHANNEL;
  const listeners = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;

  let sequence = 0;
  const notify = (key: string) => {
    sequence++;
    for (const listener of listeners.get(key) ?? []) listener();
  };
  const notifyAll = () => {
    for (const key of listeners.keys()) notify(key);
  };

  async function connect(reconnecting: boolean): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString: databaseUrl, application_name: channel.replaceAll("_", "-") });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload) notify(message.payload);
    });
    next.on("error", (error) => {
      options.onError?.(error);
      void next.end().catch(() => {});
    });
    next.on("end", () => {
      if (client !== next || closed) return;
      client = null;
      setTimeout(() => void connect(true), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      options.onError?.(error as Error);
      await next.end().catch(() => {});
      if (!closed) setTimeout(() => void connect(true), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
      return;
    }
    if (closed) return void (await next.end().catch(() => {}));
    client = next;
    retryMs = 250;
    if (reconnecting) notifyAll();
  }
  const ready = connect(false);

  return {
    subscribe(key, onChange) {
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    size: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
    sequence: () => sequence,
    async close() {
      closed = true;
      await ready;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
