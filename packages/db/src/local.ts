// `@retrain/db/local`: the embedded PostgreSQL, for what starts one (`npm start`, tests, benchmarks). Kept
// out of the main entry so the API and workers never load it.

export { copyRunningCluster } from "./backup/base-backup.js";
export { prepareRestoredCluster } from "./backup/restored-cluster.js";
export {
  PostgresAlreadyRunningError,
  passwordFile,
  type RunningPostgres,
  startEmbeddedPostgres,
} from "./embedded-postgres.js";
export { freePort } from "./free-port.js";
export { type OpenDatabase, openDatabase } from "./local-database.js";
