// `@retrain/db/s3`: the S3 object store. Kept out of the main entry so that a process with BLOB_STORE=postgres
// (the default) never loads the AWS SDK: each service imports it only when S3 is configured.

export { type S3Options, s3ObjectStore } from "./object-store/s3-object-store.js";
