export { type ClientOptions, createPrismaClient, type Db } from "./client.js";
export {
  createDatabaseFromTemplate,
  databaseName,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from "./database-url.js";
export {
  PostgresAlreadyRunningError,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "./embedded-postgres.js";
export * from "./generated/prisma/client.js";
export { type OpenDatabase, openDatabase } from "./local-database.js";
export { applyMigrations, migrationsDir } from "./migrations.js";
export * from "./repositories/index.js";
export { isDatabaseUnavailable } from "./unavailable.js";
export { bytesToVector, vectorToBytes } from "./vectors.js";
