// Prisma CLI configuration. Every Prisma command goes through the WebAssembly schema engine shipped
// in packages/db/schema-engine, so nothing is downloaded (works offline and air-gapped).
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./packages/db/schema-engine/bin.mjs", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // `generate` needs no database; the other commands fail clearly when DATABASE_URL is unset.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
