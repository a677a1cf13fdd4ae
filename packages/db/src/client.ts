import { PrismaPg } from "@prisma/adapter-pg";
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

/** A Prisma client over node-postgres (Prisma 7 talks to the database through a driver adapter). */
export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  if (!options.onQuery) return new PrismaClient({ adapter }).$extends(jsonColumns);
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  client.$on("query", (event) => onQuery(event.query));
  return client.$extends(jsonColumns);
}
