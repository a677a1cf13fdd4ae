import { ensureDatabase, withDatabase } from "./database-url.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { applyMigrations } from "./migrations.js";

export interface DatabaseOptions {
  /** A PostgreSQL URL to use instead of the embedded server (DATABASE_URL). */
  databaseUrl?: string;
  /** Where the embedded server keeps its data when no URL is given. */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/**
 * The database the product runs on: the server in `databaseUrl` if given, else an embedded PostgreSQL in
 * `dataDir`; the database is created if missing and migrated (migrate deploy) before it is handed out.
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const server = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port });
  try {
    const url = options.databaseUrl ?? withDatabase(server?.url ?? "", options.database);
    if (await ensureDatabase(url)) options.log?.(`created database ${options.database}`);
    const appliedMigrations = await applyMigrations(url);
    return { url, embedded: Boolean(server), appliedMigrations, stop: async () => server?.stop() };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
