import pino, { type DestinationStream, type Logger } from "pino";

/**
 * What never reaches a log line: credentials, session and reset tokens, and image or archive bytes (as
 * request headers, or as fields of whatever object is logged).
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...["password", "newPassword", "currentPassword", "token", "secret", "base64", "bytes"].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = "json" | "pretty";

export interface LoggerOptions {
  level?: LogLevel;
  /** JSON lines for collectors; pretty for people. Default: pretty on a terminal, JSON otherwise. */
  format?: LogFormat;
  /** Where lines go (tests read them); standard output when absent. */
  destination?: DestinationStream;
}

/** A process's logger: one JSON object a line naming the service, secrets redacted, errors with their stack. */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const format = options.format ?? (process.stdout.isTTY ? "pretty" : "json");
  const pretty = format === "pretty" && !options.destination;
  return pino(
    {
      base: { service },
      level: options.level ?? "info",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      ...(pretty
        ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } }
        : {}),
    },
    options.destination,
  );
}

/**
 * The logging settings of a process's environment (LOG_LEVEL, LOG_FORMAT), read where its logger is made,
 * before anything else runs: the settings schema of each process checks and documents the same variables.
 */
export function loggingFromEnv(env: NodeJS.ProcessEnv): Pick<LoggerOptions, "level" | "format"> {
  const level = LOG_LEVELS.find((l) => l === env.LOG_LEVEL);
  const format = env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty" ? env.LOG_FORMAT : undefined;
  return { level, format };
}

export type { Logger };
