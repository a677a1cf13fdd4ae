import { type Db, inheritObjectStore } from "./client.js";

/**
 * Runs `work` in one database transaction: the repositories it builds on the given handle all commit
 * together, or none of their writes land. Repositories accept the handle as they accept a client.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // Prisma's transaction client is the client without its connection-level methods: repositories only use
  // model delegates, which both have.
  return db.$transaction((tx) => work(inheritObjectStore(db, tx as Db)));
}

/** One round trip to the server (liveness checks). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/** The PostgreSQL server's version, as it reports it. */
export async function serverVersion(db: Db): Promise<string | null> {
  const rows = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
  return rows[0]?.version ?? null;
}

/** Transactions this database has ended so far (each statement outside one counts): what benchmarks diff. */
export async function transactionCount(db: Db): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
  return Number(rows[0]?.n ?? 0);
}
