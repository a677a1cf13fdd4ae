/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, network, no free
 * connection), as opposed to a bad query: such requests are answered SERVICE_UNAVAILABLE, and background
 * work waits and tries again. Recognises Prisma's codes, its pg driver adapter's error kinds, and node-postgres
 * and socket errors as pg-boss sees them.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, meta, message, cause } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)))
      return true;
    const adapterCause = meta?.driverAdapterError?.cause;
    if (adapterCause?.kind && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (adapterCause?.kind === "postgres" && SQLSTATE.test(adapterCause.code ?? "")) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** Can't reach server, timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, crashed, starting up), 53300. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** node-postgres's own words when a connection drops, which carry no code. */
const MESSAGES = /Connection terminated|Client has encountered a connection error|Can't reach database server/;

/** A write refused by a unique constraint: someone stored the same thing a moment before (a race, not a bug). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
