export { type ClientOptions, createPrismaClient, type Db } from "./client.js";
export { isDatabaseUnavailable, isUniqueViolation } from "./database-errors.js";
export {
  createDatabaseFromTemplate,
  databaseName,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from "./database-url.js";
export * from "./generated/prisma/client.js";
export { applyMigrations, migrationsDir } from "./migrations.js";
export * from "./repositories/index.js";
export { bytesToVector, vectorToBytes } from "./vectors.js";
