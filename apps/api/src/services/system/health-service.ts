import { type Db, heartbeatsRepository, serverVersion } from "@retrain/db";

/** A worker that has not beaten for this long (it beats every 5 s) is taken as gone. */
export const WORKER_SILENCE_MS = 15_000;

export interface WorkerStatus {
  hostname: string;
  pid: number;
  inferenceBackend: string;
  startedAt: Date;
  seenAt: Date;
}

export interface HealthReport {
  ok: boolean;
  version: string;
  /** Details for signed-in users only: what an anonymous caller sees is whether it works, and the version. */
  database: string | null;
  backend: string | null;
  inferenceBackend: string | null;
  /** Worker processes alive (on any machine): none means queued jobs wait. */
  workers: WorkerStatus[] | null;
}

export interface HealthService {
  check(signedIn: boolean): Promise<HealthReport>;
}

export function createHealthService(
  db: Db,
  info: { version: string; backend: string; inferenceBackend: string },
): HealthService {
  return {
    async check(signedIn) {
      let ok = true;
      let database: string;
      let workers: WorkerStatus[] | null = null;
      try {
        database = `PostgreSQL ${(await serverVersion(db)) ?? "?"}`;
        if (signedIn) workers = await heartbeatsRepository(db).alive(new Date(Date.now() - WORKER_SILENCE_MS));
      } catch (error) {
        ok = false;
        database = `unreachable: ${(error as Error).message.split("\n")[0]}`;
      }
      return {
        ok,
        version: info.version,
        database: signedIn ? database : null,
        backend: signedIn ? info.backend : null,
        inferenceBackend: signedIn ? info.inferenceBackend : null,
        workers,
      };
    },
  };
}
