import path from "node:path";
import { z } from "zod";

/** Builders for the kinds of setting the processes share; each process's schema composes them. */
export const setting = {
  port: (fallback: number, description: string) =>
    z.coerce.number().int().min(0).max(65535).default(fallback).describe(description),
  positive: (fallback: number, description: string) =>
    z.coerce.number().positive().default(fallback).describe(description),
  /** A comma-separated list, such as `127.0.0.1,models.internal`. */
  list: (description: string) =>
    z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .default([])
      .describe(description),
  folder: (fallback: string, description: string) =>
    z
      .string()
      .default(fallback)
      .transform((p) => path.resolve(p))
      .describe(description),
};

/** Settings of the processes that open base models (the API and the worker). */
export const modelSettings = {
  MODEL_CACHE_DIR: setting.folder(
    ".data/models",
    "Folder of downloaded and uploaded base models (model.json and shards), one sub-folder per model.",
  ),
  MODEL_URL_ALLOW: setting.list(
    "Hosts (names or IP addresses, comma-separated) that custom base model URLs may use although they are not public, such as 127.0.0.1,models.internal.",
  ),
  MODEL_DOWNLOAD_TIMEOUT_SECONDS: setting.positive(
    300,
    "Time limit for one base model file download, redirects included.",
  ),
  MODEL_MAX_FILE_MB: setting.positive(256, "Largest file (model.json or one weight shard) a base model may have."),
  MODEL_MAX_MB: setting.positive(1024, "Largest total of weights a base model may declare."),
  MODEL_MAX_LAYERS: setting.positive(5000, "Most layers (or graph nodes) a base model may declare."),
  MODEL_MAX_PARAMETERS: setting.positive(250_000_000, "Most weights (numbers) a base model may declare."),
  INFERENCE_BACKEND: z
    .enum(["auto", "onnxruntime", "tensorflow", "wasm", "cpu"])
    .default("auto")
    .describe(
      "Where base models run (extraction, predictions): auto picks ONNX Runtime (native CPU) where it loads and the model converts, else TensorFlow.js.",
    ),
  TFJS_BACKEND: z
    .enum(["auto", "tensorflow", "wasm", "cpu"])
    .default("auto")
    .describe(
      "TensorFlow.js backend for heads (training, predictions) and for base models ONNX Runtime does not run: auto picks tensorflow (native) where it installed, else wasm, else cpu.",
    ),
  JOB_EXPIRE_SECONDS: setting.positive(
    21600,
    "The queue's last resort: a message held this long is handed out again. Dead workers are noticed much sooner, by their job leases.",
  ),
};

export const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
  .describe("PostgreSQL URL. `npm start` sets it to its embedded server unless you set it.");

/** How a process is watched: its log lines and, when a port is given, its metrics (and the worker's probes). */
export const operationsSettings = {
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("Least severe log lines written."),
  LOG_FORMAT: z
    .enum(["json", "pretty"])
    .optional()
    .describe("json (one object a line, for collectors) or pretty (for people). Default: pretty on a terminal."),
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe("Port of the process's Prometheus metrics (/metrics), apart from its own; none when unset."),
  METRICS_HOST: z
    .string()
    .default("127.0.0.1")
    .describe("Address the metrics port listens on: loopback, unless a scraper on another machine needs it."),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url()
    .optional()
    .describe(
      "OpenTelemetry collector (OTLP over HTTP, such as http://collector:4318): traces of HTTP, GraphQL, SQL and jobs are sent there; off when unset. The SDK's other OTEL_* variables apply.",
    ),
};

/** How webhooks are sent (the worker sends; the API checks URLs when they are saved). */
export const webhookSettings = {
  WEBHOOK_URL_ALLOW: setting.list(
    "Hosts (names or IP addresses, comma-separated) webhook URLs may use although they are not public, such as 127.0.0.1,hooks.internal.",
  ),
  WEBHOOK_TIMEOUT_SECONDS: setting.positive(10, "Time a webhook receiver has to answer one delivery."),
  WEBHOOK_RETRY_BASE_SECONDS: setting.positive(
    30,
    "Wait before a failed webhook delivery's second try; each further wait doubles (up to 6 hours).",
  ),
  WEBHOOK_GIVE_UP_HOURS: setting.positive(24, "A webhook delivery not through this long after its event fails."),
};
