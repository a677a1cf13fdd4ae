import pg from "pg";

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs one statement on the server's maintenance database (`postgres`). */
async function onMaintenanceDb(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` unless it exists. Returns whether it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  try {
    await onMaintenanceDb(url, `CREATE DATABASE ${quote(name)}`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "42P04") return false; // duplicate_database
    throw error;
  }
}

export async function createDatabaseFromTemplate(url: string, template: string): Promise<void> {
  await onMaintenanceDb(url, `CREATE DATABASE ${quote(databaseName(url))} TEMPLATE ${quote(template)}`);
}

export async function dropDatabase(url: string): Promise<void> {
  await onMaintenanceDb(url, `DROP DATABASE IF EXISTS ${quote(databaseName(url))} WITH (FORCE)`);
}
