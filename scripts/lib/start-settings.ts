import { setting } from "@retrain/config";
import { z } from "zod";

/** What `npm start` reads itself; it passes the rest on to the API, worker and dashboard it starts. */
export const startSettings = z.object({
  API_PORT: setting.port(4000, "Port of the GraphQL API."),
  WEB_PORT: setting.port(3000, "Port of the dashboard."),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional()
    .describe("A PostgreSQL to use instead of the embedded one (`npm start` then starts no database)."),
  POSTGRES_PORT: setting.port(54329, "Port of the embedded PostgreSQL."),
  POSTGRES_DATA_DIR: setting.folder(
    ".data/postgres",
    "Folder of the embedded PostgreSQL's data (created on first start).",
  ),
});

/**
 * The S3 bucket's origin, as the dashboard's pages PUT to it, when the API lets browsers upload straight to it
 * (S3_BROWSER_UPLOADS with an S3_ENDPOINT; on AWS itself, set UPLOAD_ORIGINS): the endpoint's own origin, or
 * the bucket's host name under it when buckets are not in the path.
 */
export function bucketOriginFor(env: Record<string, string | undefined>): string | undefined {
  if (env.S3_BROWSER_UPLOADS !== "true" || !env.S3_ENDPOINT) return undefined;
  const endpoint = new URL(env.S3_ENDPOINT);
  if (env.S3_FORCE_PATH_STYLE === "false" && env.S3_BUCKET) endpoint.hostname = `${env.S3_BUCKET}.${endpoint.hostname}`;
  return endpoint.origin;
}
