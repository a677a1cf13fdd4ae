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
/**
 * The object store's sweep: one a deployment at a time set by a cron (pg-boss sends each due message once,
 * whichever process's clock sees it), so 20 workers do not each list every object of the bucket at their
 * start and every hour.
 */
const SWEEP_QUEUE = "object-sweep";
/** pg-boss's shortest polling interval. */
const HELP_POLLING_SECONDS = 0.5;

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
   * Asks `copies` other workers to share an extraction (each takes chunks until none is free). Like
   * deliveries these have no job row: the extraction's own job shows the progress.
   */
  sendExtractionHelp(help: ExtractionHelp, copies: number): Promise<void>;
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
  return {
    // Expiry travels with each message: the sender's setting holds whichever worker runs it.
    send: (kind, payload) => boss.send(JOB_KINDS[kind].queue, payload, { expireInSeconds }),
    work: async (kind, handler) => {
      const { queue, payload } = JOB_KINDS[kind];
      await boss.work(queue, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, async ([job]) => {
        if (!job) return;
        const parsed = payload.safeParse(job.data);
        if (!parsed.success) return void console.error(`job queue: dropped a ${kind} message that is not a job's`);
        await handler(parsed.data as JobPayload<typeof kind>);
      });
    },
    sendDelivery: (deliveryId, delaySeconds = 0) =>
      // One try per message: a failed try schedules the next itself (its row decides when, and when to stop).
      boss.send(DELIVERY_QUEUE, { deliveryId }, { startAfter: delaySeconds, retryLimit: 0, expireInSeconds: 300 }),
    workDeliveries: async (handler) => {
      await boss.work(
        DELIVERY_QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 4 },
        async (messages) => {
          for (const message of messages) {
            const parsed = deliveryMessage.safeParse(message.data);
            if (parsed.success) await handler(parsed.data.deliveryId);
          }
        },
      );
    },
    sendExtractionHelp: async (help, copies) => {
      // No retries: the job that asked finishes whatever a helper leaves (its claims expire).
      for (let i = 0; i < copies; i++) await boss.send(HELP_QUEUE, help, { retryLimit: 0, expireInSeconds });
    },
    workExtractionHelp: async (handler) => {
      await boss.work(
        HELP_QUEUE,
        // Polled as often as pg-boss allows: a helper joins a running extraction, and each second it waits
        // is a second of one worker's work the others do not share (a poll is one cheap query).
        { pollingIntervalSeconds: HELP_POLLING_SECONDS },
        async ([message]) => {
          const parsed = helpMessage.safeParse(message?.data);
          if (parsed.success) await handler(parsed.data);
        },
      );
    },
    // A sweep that fails is not retried: the next one comes with the cron.
    scheduleObjectSweeps: (cron) => boss.schedule(SWEEP_QUEUE, cron, {}, { retryLimit: 0, expireInSeconds }),
    sendObjectSweep: async () => {
      await boss.send(SWEEP_QUEUE, {}, { retryLimit: 0, expireInSeconds });
    },
    workObjectSweeps: async (handler) => {
      await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 }, () => handler());
    },
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
      for (const name of [...QUEUES, DELIVERY_QUEUE, HELP_QUEUE, SWEEP_QUEUE]) await boss.offWork(name);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 15_000 }),
  };
}
