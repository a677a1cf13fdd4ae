// `migrate deploy` in-process: applies prisma/migrations with the WebAssembly engine, no CLI start-up.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createAdapterFactory } from "./pg-adapter.mjs";
import { loadSchemaEngineModule } from "./wasm-engine.mjs";

const noFilters = { externalTables: [], externalEnums: [] };

/** The migrations folder in the shape the engine takes (what the Prisma CLI reads from disk). */
export async function readMigrationsList(migrationsDir) {
  const lockfileContent = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok", value }),
          (error) => ({ tag: "error", value: String(error.message) }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

export async function applyMigrations({ url, migrationsDir }) {
  const { SchemaEngine } = await loadSchemaEngineModule();
  const adapter = createAdapterFactory({ url });
  const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter.factory);
  try {
    const migrationsList = await readMigrationsList(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  } finally {
    engine.free();
    await adapter.close();
  }
}
