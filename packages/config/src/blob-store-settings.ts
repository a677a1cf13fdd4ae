import { z } from "zod";
import { ConfigError } from "./load-config.js";

/** Where blob bytes go (the API stores uploads, the worker stores archives and reads bytes to extract). */
export const blobStoreSettings = {
  BLOB_STORE: z
    .enum(["postgres", "s3"])
    .default("postgres")
    .describe(
      "Where image bytes, thumbnails, imported archives and uploaded model files go: postgres (in the database) or s3 (an S3-compatible bucket, the S3_* settings). Bytes stored before a switch stay readable where they are.",
    ),
  S3_BUCKET: z.string().optional().describe("The bucket (with BLOB_STORE=s3); made at start when missing."),
  S3_ENDPOINT: z
    .url()
    .optional()
    .describe("The S3-compatible server, such as http://rgw.internal:7480 (RADOS Gateway, MinIO); unset: AWS S3."),
  S3_REGION: z.string().default("us-east-1").describe("The bucket's region."),
  S3_ACCESS_KEY_ID: z
    .string()
    .optional()
    .describe("Access key; unset: the AWS SDK's own chain (AWS_* variables, an instance role...)."),
  S3_SECRET_ACCESS_KEY: z.string().optional().describe("Secret of S3_ACCESS_KEY_ID."),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe("Buckets in the URL's path rather than its host name (what self-hosted servers need); false for AWS."),
};

type BlobStoreConfig = z.infer<z.ZodObject<typeof blobStoreSettings>>;

/** The object store's options, or null for bytes kept in PostgreSQL; a missing bucket is a ConfigError. */
export function objectStoreOptions(config: BlobStoreConfig) {
  if (config.BLOB_STORE !== "s3") return null;
  if (!config.S3_BUCKET) throw new ConfigError("Invalid settings:\n  S3_BUCKET: required with BLOB_STORE=s3");
  if (!config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY)
    throw new ConfigError("Invalid settings:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: give both or neither");
  return {
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  };
}
