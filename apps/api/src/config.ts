import {
  blobStoreSettings,
  ConfigError,
  databaseUrl,
  modelSettings,
  operationsSettings,
  setting,
  webhookSettings,
} from "@retrain/config";
import { modelDownloadOptions } from "@retrain/models";
import { z } from "zod";
import { dashboardUrlOf, identitySettings, singleSignOnFrom } from "./identity-config.js";

/** Every setting the API reads, with its type, default and meaning (docs/settings.md lists them too). */
export const apiSettings = z.object({
  DATABASE_URL: databaseUrl,
  ...blobStoreSettings,
  API_PORT: setting.port(4000, "Port of the GraphQL API (/graphql) and its HTTP routes."),
  API_HOST: z
    .string()
    .default("0.0.0.0")
    .describe("Address the API listens on (127.0.0.1 to serve this machine only)."),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, "must be an http(s) URL")
    .optional()
    .describe(
      "Where users reach the dashboard, such as https://retrain.example.com. With https, the session cookie is Secure and __Host- prefixed. Its origin may open WebSockets and send requests with cookies.",
    ),
  WEB_ORIGINS: setting.list(
    "Other browser origins allowed to call the API with cookies (the dashboard's own). `npm start` sets http://localhost:<WEB_PORT>.",
  ),
  S3_BROWSER_UPLOADS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe(
      "true (with BLOB_STORE=s3): the dashboard sends images from the browser straight to the bucket (presigned PUTs), not through the API. At start the API replaces the bucket's CORS rules with one letting the dashboard's origins (PUBLIC_URL, WEB_ORIGINS) PUT; browsers must reach S3_ENDPOINT.",
    ),
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .describe(
      "Which proxies' X-Forwarded-For gives the client address (Express trust proxy): loopback trusts the dashboard on this machine.",
    ),
  EXPORT_DIR: setting.folder(".data/exports", "Folder of built model downloads (zips), one per checkpoint."),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: setting.positive(30, "Sign-in attempts one client address may make per window."),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: setting.positive(10, "Sign-in attempts one account may receive per window."),
  SIGN_UPS_PER_ADDRESS: setting.positive(10, "Accounts one client address may create per window."),
  AUTH_WINDOW_SECONDS: setting.positive(900, "The window of the sign-in and sign-up limits."),
  PASSWORD_HASH_CONCURRENCY: setting.positive(2, "Password hashes computed at once (each takes 128 MiB)."),
  PREDICTION_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe("Worker threads running base models for predictions (default: one per core)."),
  PREDICTION_INTRA_OP_THREADS: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .describe("ONNX Runtime threads inside each prediction worker thread."),
  MAX_ACTIVE_JOBS_PER_WORKSPACE: setting.positive(
    20,
    "Runs, extractions, imports and health checks one workspace may have queued or running at once.",
  ),
  READY_NEEDS_WORKER: z
    .enum(["0", "1"])
    .default("0")
    .describe("1: /readyz answers 503 until a worker's heartbeat is fresh (jobs would wait in the queue)."),
  ...identitySettings,
  ...modelSettings,
  ...webhookSettings,
  ...operationsSettings,
});

export type ApiConfig = z.infer<typeof apiSettings>;

/** The services' options that come from settings (the rest, queue and backend, from what main starts). */
export function serviceOptionsFrom(config: ApiConfig) {
  return {
    modelCacheDir: config.MODEL_CACHE_DIR,
    exportDir: config.EXPORT_DIR,
    modelDownloads: modelDownloadOptions(config),
    inference: config.INFERENCE_BACKEND,
    predictionThreads: config.PREDICTION_THREADS,
    predictionIntraOpThreads: config.PREDICTION_INTRA_OP_THREADS,
    auth: {
      signInPerAddress: config.SIGN_IN_ATTEMPTS_PER_ADDRESS,
      signInPerAccount: config.SIGN_IN_ATTEMPTS_PER_ACCOUNT,
      signUpPerAddress: config.SIGN_UPS_PER_ADDRESS,
      windowSeconds: config.AUTH_WINDOW_SECONDS,
      hashConcurrency: config.PASSWORD_HASH_CONCURRENCY,
    },
    signUp: config.SIGN_UP,
    singleSignOn: singleSignOnFrom(config),
    smtp: config.SMTP_URL ? { url: config.SMTP_URL, from: config.SMTP_FROM } : null,
    dashboardUrl: dashboardUrlOf(config),
    maxActiveJobsPerWorkspace: config.MAX_ACTIVE_JOBS_PER_WORKSPACE,
    webhookUrlAllow: config.WEBHOOK_URL_ALLOW,
    browserUploads: config.S3_BROWSER_UPLOADS,
  };
}

/** The dashboard's origins: pages that may call the API with cookies and open its WebSockets. */
export function browserOrigins(options: { publicUrl?: string; webOrigins?: readonly string[] }): Set<string> {
  return new Set([...(options.webOrigins ?? []), ...(options.publicUrl ? [new URL(options.publicUrl).origin] : [])]);
}

/** The origins the bucket's CORS rule names when browsers upload straight to it (S3_BROWSER_UPLOADS), or null. */
export function browserUploadOrigins(config: ApiConfig, blobStore: "postgres" | "s3"): string[] | null {
  if (!config.S3_BROWSER_UPLOADS) return null;
  if (blobStore !== "s3") throw new ConfigError("Invalid settings:\n  S3_BROWSER_UPLOADS: needs BLOB_STORE=s3");
  const origins = [...browserOrigins({ publicUrl: config.PUBLIC_URL, webOrigins: config.WEB_ORIGINS })];
  if (origins.length === 0)
    throw new ConfigError(
      "Invalid settings:\n  S3_BROWSER_UPLOADS: needs the dashboard's origin (PUBLIC_URL or WEB_ORIGINS) for the bucket's CORS rule",
    );
  return origins;
}

/** The API server's options that come from settings. */
export function serverOptionsFrom(config: ApiConfig) {
  return {
    port: config.API_PORT,
    host: config.API_HOST,
    modelCacheDir: config.MODEL_CACHE_DIR,
    publicUrl: config.PUBLIC_URL,
    webOrigins: config.WEB_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    webSockets: { perAddress: config.WS_CONNECTIONS_PER_ADDRESS, perUser: config.WS_CONNECTIONS_PER_USER },
    readyNeedsWorker: config.READY_NEEDS_WORKER === "1",
  };
}
