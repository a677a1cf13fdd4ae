import PgBoss from "pg-boss";
import { z } from "zod";
import { JOB_KINDS, type JobKind, type JobPayload, QUEUES } from "./job-kinds.js";

/** Webhook deliveries' queue: a message names its delivery row. */
const DELIVERY_QUEUE = "webhook";
const deliveryMessage = z.object({ deliveryId: z.string() });
/** Extraction help's queue: a message asks any worker to take chunks of one (dataset, base model) extraction. */
const HELP_QUEUE = "extraction-help";
const helpMessage = z.object({ datasetId: z.string(), baseModelId: z.string() });
export type ExtractionHelp = z.infer<typeof helpMessage>;
/** Messages asking for help with one extraction, not yet taken. */
const WAITING_HELP = `SELECT count(*) AS waiting FROM pgboss.job
  WHERE name = $1 AND state = 'created' AND data->>'datasetId' = $2 AND data->>'baseModelId' = $3`;
/**
 * The object store's sweep: one a deployment at a time set by a cron (pg-boss sends each due message once,
 * whichever process's clock sees it), so 20 workers do not each list every object of the bucket at their
 * start and every hour.
 */
const SWEEP_QUEUE = "object-sweep";
/**
 * The PostgreSQL channel a message's queue name is announced on as it is sent: a worker listening there
 * fetches at once instead of at its next poll (up to a second later, for every job a user starts and for
 * each helper joining an extraction). Polling stays: it is what works where nothing listens (behind
 * PgBouncer in transaction mode, or while a listening connection is being made again).
 */
export const QUEUE_WAKEUPS_CHANNEL = "retrain_queue_wakeups";

/** What calls back when a key is announced on QUEUE_WAKEUPS_CHANNEL (a change feed on that channel). */
export interface QueueWakeups {
  subscribe(key: string, onAnnounced: () => void): () => void;
}

export interface QueueOptions {
  /**
   * A message taken by a worker and not finished after this long is handed out again. Liveness is the job
   * rows' leases (a dead worker's job moves on within a minute); this is the queue's own last resort.
   */
  expireInSeconds?: number;
  retryLimit?: number;
  pollingIntervalSeconds?: number;
  /** How often expired messages are looked for. */
  maintenanceIntervalSeconds?: number;
  /** Wakes this process's workers of a queue when a message is announced for it (see QUEUE_WAKEUPS_CHANNEL). */
  wakeups?: QueueWakeups;
}

export interface JobQueue {
  /** Sends a job of this kind to its queue: its row's id (every kind's message). */
  send(kind: JobKind, payload: { jobId: string }): Promise<string | null>;
  /** Works this kind's messages; one that does not fit the kind's payload schema is logged and dropped. */
  work<K extends JobKind>(kind: K, handler: (payload: JobPayload<K>) => Promise<void>): Promise<void>;
  /** Whether a message for this job is waiting or being worked on (for jobs whose message may be lost). */
  hasMessage(kind: JobKind, jobId: string): Promise<boolean>;
  /**
   * Sends a webhook delivery's next try, after `delaySeconds`. Deliveries have no job row (they are not
   * work a user watches): their own row keeps attempts and outcome, and the worker retries them itself.
   */
  sendDelivery(deliveryId: string, delaySeconds?: number): Promise<string | null>;
  workDeliveries(handler: (deliveryId: string) => Promise<void>): Promise<void>;
  /**
   * Asks other workers to share an extraction (each takes chunks until none is free): tops the messages
   * waiting for it up to `copies` and announces them; returns how many it sent. Asked again as the
   * extraction goes on, so a worker that comes free or starts later still finds one after the first were
   * taken (the extracting worker's own process takes some too, and leaves them). Like deliveries these have
   * no job row: the extraction's own job shows the progress.
   */
  askForHelp(help: ExtractionHelp, copies: number): Promise<number>;
  workExtractionHelp(handler: (help: ExtractionHelp) => Promise<void>): Promise<void>;
  /** Sweeps the object store on this cron (UTC), once a deployment; `workObjectSweeps` runs each. */
  scheduleObjectSweeps(cron: string): Promise<void>;
  /** A sweep now, outside the cron (after deleting a large workspace; tests). */
  sendObjectSweep(): Promise<void>;
  workObjectSweeps(handler: () => Promise<void>): Promise<void>;
  /** Takes no new messages (a worker stopping); those in hand go on. */
  stopTaking(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss in its own `pgboss` schema of the product's database. Any number of workers, on any machines,
 * can work the same queues: each message is locked by one of them (SKIP LOCKED) at a time.
 */
export async function openJobQueue(connectionString: string, options: QueueOptions = {}): Promise<JobQueue> {
  const expireInSeconds = options.expireInSeconds ?? 6 * 3600;
  const boss = new PgBoss({
    connectionString,
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    schedule: false,
  });
  boss.on("error", (error) => console.error("job queue:", error.message));
  await boss.start();
  for (const name of [...QUEUES, DELIVERY_QUEUE, HELP_QUEUE, SWEEP_QUEUE]) {
    await boss.createQueue(name, {
      name,
      expireInSeconds,
      retryLimit: options.retryLimit ?? 5,
      retryDelay: 2,
    });
  }
  const polling = options.pollingIntervalSeconds ?? 1;
  const unsubscribes: (() => void)[] = [];
  /** Works a queue's messages, taken at each poll and whenever a message for it is announced. */
  const workOn = async <T>(queue: string, batchSize: number, handler: PgBoss.WorkHandler<T>) => {
    const id = await boss.work<T>(queue, { pollingIntervalSeconds: polling, batchSize }, handler);
    if (options.wakeups) unsubscribes.push(options.wakeups.subscribe(queue, () => boss.notifyWorker(id)));
  };
  const forgetWakeups = () => {
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
  /**
   * Announces a queue once its message is stored (a worker woken before would find nothing). Best effort:
   * the message is sent whatever happens here, and an announcement lost costs a worker's poll.
   */
  const announce = (queue: string) =>
    boss
      .getDb()
      .executeSql("SELECT pg_notify($1, $2)", [QUEUE_WAKEUPS_CHANNEL, queue])
      .catch(() => {});
  return {
    send: async (kind, payload) => {
      const { queue } = JOB_KINDS[kind];
      // Expiry travels with each message: the sender's setting holds whichever worker runs it.
      const id = await boss.send(queue, payload, { expireInSeconds });
      await announce(queue);
      return id;
    },
    work: (kind, handler) => {
      const { queue, payload } = JOB_KINDS[kind];
      return workOn<unknown>(queue, 1, async ([job]) => {
        if (!job) return;
        const parsed = payload.safeParse(job.data);
        if (!parsed.success) return void console.error(`job queue: dropped a ${kind} message that is not a job's`);
        await handler(parsed.data as JobPayload<typeof kind>);
      });
    },
    sendDelivery: async (deliveryId, delaySeconds = 0) => {
      // One try per message: a failed try schedules the next itself (its row decides when, and when to stop).
      const once = { startAfter: delaySeconds, retryLimit: 0, expireInSeconds: 300 };
      const id = await boss.send(DELIVERY_QUEUE, { deliveryId }, once);
      if (delaySeconds === 0) await announce(DELIVERY_QUEUE);
      return id;
    },
    workDeliveries: (handler) =>
      workOn<unknown>(DELIVERY_QUEUE, 4, async (messages) => {
        for (const message of messages) {
          const parsed = deliveryMessage.safeParse(message.data);
          if (parsed.success) await handler(parsed.data.deliveryId);
        }
      }),
    askForHelp: async (help, copies) => {
      const { rows } = await boss.getDb().executeSql(WAITING_HELP, [HELP_QUEUE, help.datasetId, help.baseModelId]);
      const missing = copies - Number(rows[0]?.waiting ?? 0);
      if (missing <= 0) return 0;
      // No retries: the job that asked finishes whatever a helper leaves (its claims expire).
      const message = { name: HELP_QUEUE, data: help, retryLimit: 0, expireInSeconds };
      await boss.insert(Array.from({ length: missing }, () => message));
      // A helper that joins a second late leaves a second of one worker's work unshared: announced.
      await announce(HELP_QUEUE);
      return missing;
    },
    workExtractionHelp: (handler) =>
      workOn<unknown>(HELP_QUEUE, 1, async ([message]) => {
        const parsed = helpMessage.safeParse(message?.data);
        if (parsed.success) await handler(parsed.data);
      }),
    // A sweep that fails is not retried: the next one comes with the cron.
    scheduleObjectSweeps: (cron) => boss.schedule(SWEEP_QUEUE, cron, {}, { retryLimit: 0, expireInSeconds }),
    sendObjectSweep: async () => {
      await boss.send(SWEEP_QUEUE, {}, { retryLimit: 0, expireInSeconds });
      await announce(SWEEP_QUEUE);
    },
    workObjectSweeps: (handler) => workOn<unknown>(SWEEP_QUEUE, 1, () => handler()),
    hasMessage: async (kind, jobId) => {
      const rows = (await boss
        .getDb()
        .executeSql(
          "SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2 AND state IN ('created', 'retry', 'active') LIMIT 1",
          [JOB_KINDS[kind].queue, jobId],
        )) as { rows: unknown[] };
      return rows.rows.length > 0;
    },
    stopTaking: async () => {
      forgetWakeups();
      for (const name of [...QUEUES, DELIVERY_QUEUE, HELP_QUEUE, SWEEP_QUEUE]) await boss.offWork(name);
    },
    stop: () => {
      forgetWakeups();
      return boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
