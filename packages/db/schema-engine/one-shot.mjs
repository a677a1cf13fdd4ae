// `schema-engine cli <command>`: the one-shot commands the Prisma CLI runs before migrating.
import pg from "pg";

const commands = {
  "can-connect-to-database": async (client) => {
    await client.query("SELECT 1");
  },
  "create-database": async (_client, url) => {
    await withMaintenanceDb(url, (admin, name) => admin.query(`CREATE DATABASE "${name}"`));
  },
  "drop-database": async (_client, url) => {
    await withMaintenanceDb(url, (admin, name) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  },
};

async function withMaintenanceDb(url, fn) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await fn(admin, name);
  } finally {
    await admin.end();
  }
}

/** Maps a pg error to the Prisma error code the CLI expects (it offers to create a missing database). */
function prismaError(error, url) {
  const { hostname, port, pathname } = new URL(url);
  if (error.code === "3D000") return { code: "P1003", message: `Database \`${pathname.slice(1)}\` does not exist` };
  if (error.code === "ECONNREFUSED" || error.code === "ENOTFOUND")
    return { code: "P1001", message: `Can't reach database server at \`${hostname}:${port || 5432}\`` };
  if (error.code === "28P01") return { code: "P1000", message: "Authentication failed against the database server" };
  return { code: "P1000", message: String(error.message ?? error) };
}

/**
 * The CLI reads stderr as JSON lines after the first line, and wants no trailing newline; an error line
 * at level ERROR from target schema_engine::logger carries the code and message.
 */
function reportError({ code, message }) {
  const line = { level: "ERROR", target: "schema_engine::logger", fields: { message, error_code: code } };
  process.stderr.write(`schema-engine (wasm)\n${JSON.stringify(line)}`);
}

export async function runOneShot(command, datasource) {
  const run = commands[command];
  if (!run) {
    reportError({ code: "P1000", message: `unknown command ${command}` });
    return 1;
  }
  const url = datasource?.url;
  if (!url) {
    reportError({ code: "P1012", message: "no database URL given (--datasource)" });
    return 1;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    if (command === "can-connect-to-database") await client.connect();
    await run(client, url);
    return 0;
  } catch (error) {
    reportError(prismaError(error, url));
    return 1;
  } finally {
    await client.end().catch(() => {});
  }
}
