import type { Db } from "@retrain/db";

export interface HealthReport {
  ok: boolean;
  version: string;
  /** Details for signed-in users only: what an anonymous caller sees is whether it works, and the version. */
  database: string | null;
  backend: string | null;
  inferenceBackend: string | null;
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
      try {
        const rows = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
        database = `PostgreSQL ${rows[0]?.version ?? "?"}`;
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
      };
    },
  };
}
