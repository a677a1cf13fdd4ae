export { CHANGES_CHANNEL, type ChangeFeed, openChangeFeed } from "./change-feed.js";
export { type ClientOptions, connectionPoolOf, createPrismaClient, type Db, objectStoreOf } from "./client.js";
export { isDatabaseUnavailable, isUniqueViolation } from "./database-errors.js";
export {
  createDatabaseFromTemplate,
  databaseName,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from "./database-url.js";
// Row and enum types only: code outside this package reaches the database through repositories.
export type * from "./generated/prisma/client.js";
export { applyMigrations, migrationsDir, pendingMigrations } from "./migrations.js";
export { bytesKey, type ObjectStore, stagedUploadPrefix, thumbnailKey } from "./object-store/object-store.js";
export * from "./repositories/index.js";
// Rows with JSON columns, as the repositories return them: typed by their schemas (these names win over the above).
export type { Job } from "./repositories/jobs.js";
export type { Activity, Checkpoint, Experiment, Prediction, TrainingRun } from "./rows.js";
export { inTransaction, pingDatabase, serverVersion, transactionCount } from "./transaction.js";
export { bytesToVector, vectorToBytes } from "./vectors.js";
