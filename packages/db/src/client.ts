import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.js";
import { jsonColumns } from "./json-columns.js";

/** The client every repository takes: JSON columns come out typed (see json-columns.ts). */
export type Db = ReturnType<typeof createPrismaClient>;

export interface ClientOptions {
  /** Pool size. */
  max?: number;
  /** Called with every SQL statement sent (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
}

/** Each client's connection pool, for its metrics. */
const pools = new WeakMap<object, pg.Pool>();

/** A Prisma client over node-postgres (Prisma 7 talks to the database through a driver adapter). */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}) {
  // The pool is made here rather than by the adapter so that its use can be read (connectionPoolOf); the
  // adapter still ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const onQuery = options.onQuery;
  const client = onQuery
    ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter });
  if (onQuery) (client as PrismaClient<"query">).$on("query", (event) => onQuery(event.query));
  const db = client.$extends(jsonColumns);
  pools.set(db, pool);
  return db;
}

/** A client's connections: open (in use or idle), idle, and queries waiting for one; its size limit. */
export function connectionPoolOf(db: Db): { open: number; idle: number; waiting: number; max: number } | null {
  const pool = pools.get(db);
  return pool
    ? { open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }
    : null;
}

/**
 * The client's own node-postgres pool, for what Prisma does badly: large bytea parameters (it sends them as
 * text, and its copies pile up until a collection; node-postgres sends a Buffer as it is). Repositories only.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this client was not made by createPrismaClient");
  return pool;
}
