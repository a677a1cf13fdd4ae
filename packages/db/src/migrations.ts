import { readdir } from "node:fs/promises";
import path from "node:path";
import { productRoot } from "@retrain/config";
import { applyMigrations as applyWithWasmEngine } from "../schema-engine/apply-migrations.mjs";
import type { Db } from "./client.js";

/** prisma/migrations at the repository root. */
export const migrationsDir = path.join(productRoot(import.meta.url), "prisma", "migrations");

/** `prisma migrate deploy`, run in-process through Prisma's WebAssembly schema engine. */
export function applyMigrations(url: string): Promise<string[]> {
  return applyWithWasmEngine({ url, migrationsDir });
}

/** The migrations in prisma/migrations that the database has not finished applying (readiness probes). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const expected = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((m) => m.migration_name));
  return expected.map((e) => e.name).filter((name) => !done.has(name));
}
