import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.js";
import { jsonColumns } from "./json-columns.js";
import type { ObjectStore } from "./object-store/object-store.js";

/** The client every repository takes: JSON columns come out typed (see json-columns.ts). */
export type Db = ReturnType<typeof createPrismaClient>;

export interface ClientOptions {
  /** Pool size. */
  max?: number;
  /** Called with every SQL statement sent (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
  /**
   * Where new blob bytes go (BLOB_STORE=s3); absent, they stay in PostgreSQL. The store travels with the client
   * because a blob is a row and, maybe, objects: every repository that reads or writes bytes needs both.
   */
  objectStore?: ObjectStore;
}

/** Each client's connection pool, for its metrics. */
const pools = new WeakMap<object, pg.Pool>();
/** Each client's object store, when its blobs go to one. */
const objectStores = new WeakMap<object, ObjectStore>();

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
  if (options.objectStore) objectStores.set(db, options.objectStore);
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

/** A transaction's client keeps its parent's object store (repositories inside it store bytes the same way). */
export function inheritObjectStore(parent: Db, transaction: Db): Db {
  const store = objectStores.get(parent);
  if (store) objectStores.set(transaction, store);
  return transaction;
}

/** The object store this client keeps new blob bytes in, or null when they stay in PostgreSQL. */
export const objectStoreOf = (db: Db): ObjectStore | null => objectStores.get(db) ?? null;
