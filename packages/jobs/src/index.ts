import PgBoss from "pg-boss";

/** Queue names and their payloads: ids only, the rows hold the rest. */
export interface Payloads {
  extract: { jobId: string };
  train: { runId: string };
  import: { jobId: string };
}
export type QueueName = keyof Payloads;
export const QUEUES: QueueName[] = ["extract", "train", "import"];

export interface QueueOptions {
  /** A job running longer than this is taken as lost (its worker died) and retried by another worker. */
  expireInSeconds?: number;
  retryLimit?: number;
  pollingIntervalSeconds?: number;
  /** How often expired jobs are looked for. */
  maintenanceIntervalSeconds?: number;
}

export interface JobQueue {
  send<Q extends QueueName>(queue: Q, payload: Payloads[Q]): Promise<string | null>;
  work<Q extends QueueName>(queue: Q, handler: (payload: Payloads[Q]) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss in its own `pgboss` schema of the product's database. Any number of workers, on any machines,
 * can work the same queues: each job is locked by one of them (SKIP LOCKED) at a time.
 */
export async function openJobQueue(connectionString: string, options: QueueOptions = {}): Promise<JobQueue> {
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
      expireInSeconds: options.expireInSeconds ?? 3600,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: 1,
    });
  }
  return {
    // Expiry travels with each job: the sender's setting holds whichever worker runs it.
    send: (queue, payload) => boss.send(queue, payload, { expireInSeconds: options.expireInSeconds ?? 3600 }),
    work: async (queue, handler) => {
      await boss.work<Payloads[typeof queue]>(
        queue,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job) await handler(job.data);
        },
      );
    },
    stop: () => boss.stop({ graceful: true, wait: true }),
  };
}
