// `node dist/migrate.js` (docker compose's migrate service): applies prisma/migrations to DATABASE_URL with
// Prisma's WebAssembly schema engine, so a production image needs no Prisma CLI.
import { ConfigError, databaseUrl, loadConfig } from "@retrain/config";
import { applyMigrations } from "@retrain/db";
import { z } from "zod";

try {
  const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: databaseUrl }));
  const applied = await applyMigrations(DATABASE_URL);
  console.log(applied.length > 0 ? `Applied ${applied.join(", ")}.` : "The database is up to date.");
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Migrations failed: ${(error as Error).stack}`);
  process.exit(1);
}
