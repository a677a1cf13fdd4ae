import type { Db } from "@retrain/db";

export interface HealthService {
  check(): Promise<{ ok: boolean; database: string; version: string; backend: string }>;
}

export function createHealthService(db: Db, info: { version: string; backend: string }): HealthService {
  return {
    async check() {
      try {
        const rows = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
        return { ok: true, database: `PostgreSQL ${rows[0]?.version ?? "?"}`, ...info };
      } catch (error) {
        return { ok: false, database: `unreachable: ${(error as Error).message.split("\n")[0]}`, ...info };
      }
    },
  };
}
