import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** What a backup file declares itself to be (restore refuses anything else). */
export const BACKUP_FORMAT = "retrain-studio-backup/1";

/** Where the product keeps its data, from the same settings `npm start` reads (defaults under .data). */
export function productFolders(env: NodeJS.ProcessEnv, dataDir?: string) {
  const data = path.resolve(dataDir ?? path.join(root, ".data"));
  return {
    data,
    postgres: path.resolve(
      dataDir ? path.join(data, "postgres") : (env.POSTGRES_DATA_DIR ?? path.join(data, "postgres")),
    ),
    models: path.resolve(dataDir ? path.join(data, "models") : (env.MODEL_CACHE_DIR ?? path.join(data, "models"))),
  };
}
