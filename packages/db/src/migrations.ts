import { fileURLToPath } from "node:url";
import { applyMigrations as applyWithWasmEngine } from "../schema-engine/apply-migrations.mjs";

/** prisma/migrations at the repository root. */
export const migrationsDir = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** `prisma migrate deploy`, run in-process through Prisma's WebAssembly schema engine. */
export function applyMigrations(url: string): Promise<string[]> {
  return applyWithWasmEngine({ url, migrationsDir });
}
