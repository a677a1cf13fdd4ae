import PgBoss from "pg-boss";

/** Queue names and their payloads: ids only, the rows hold the rest. */
export interface Payloads {
  extract: { jobId: string };
  /** A training run's job; messages queued before runs had a job row carry only the run's id. */
  train: { jobId: string } | { runId: string };
  import: { jobId: string };
  health: { jobId: string };
}
export type QueueName = keyof Payloads;
export const QUEUES: QueueName[] = ["extract", "train", "import", "health"];

/** The queue a kind of job row goes to. */
export const QUEUE_OF = { EXTRACT: "extract", TRAIN: "train", IMPORT_ARCHIVE: "import", HEALTH: "health" } as const;

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
  send<Q extends QueueName>(queue: Q, payload: Payloads[Q]): Promise<string | null>;
  work<Q extends QueueName>(queue: Q, handler: (payload: Payloads[Q]) => Promise<void>): Promise<void>;
  /** Whether a message for this job is waiting or being worked on (for jobs whose message may be lost). */
  hasMessage(queue: QueueName, jobId: string): Promise<boolean>;
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
  for (const name of QUEUES) {
    await boss.createQueue(name, {
      name,
      expireInSeconds,
      retryLimit: options.retryLimit ?? 5,
      retryDelay: 2,
    });
  }
  return {
    // Expiry travels with each message: the sender's setting holds whichever worker runs it.
    send: (queue, payload) => boss.send(queue, payload, { expireInSeconds }),
    work: async (queue, handler) => {
      await boss.work<Payloads[typeof queue]>(
        queue,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job) await handler(job.data);
        },
      );
    },
    hasMessage: async (queue, jobId) => {
      const rows = (await boss
        .getDb()
        .executeSql(
          "SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2 AND state IN ('created', 'retry', 'active') LIMIT 1",
          [queue, jobId],
        )) as { rows: unknown[] };
      return rows.rows.length > 0;
    },
    stopTaking: async () => {
      for (const name of QUEUES) await boss.offWork(name);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 15_000 }),
  };
}
