// Every Prisma command the project uses works offline, through the WebAssembly schema engine
// (packages/db/schema-engine), against a real PostgreSQL.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { useEmptyDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);

function prisma(args: string[], databaseUrl: string, cwd = root) {
  return run(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd,
    // No engine download can succeed here: a download attempt would fail the command.
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}

describe("Prisma CLI through the WebAssembly schema engine", () => {
  let url: string;
  beforeAll(async () => {
    url = await useEmptyDatabase();
  });

  it("migrate deploy applies every migration to an empty database, then migrate status is clean", async () => {
    const deploy = await prisma(["migrate", "deploy"], url);
    expect(deploy.stdout).toMatch(
      /migrations? ha(ve|s) been successfully applied|All migrations have been successfully applied/,
    );
    const status = await prisma(["migrate", "status"], url);
    expect(status.stdout).toContain("Database schema is up to date!");
  });

  it("migrate diff finds no drift between the migrated database and the schema", async () => {
    const diff = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      url,
    );
    expect(diff.stdout).toContain("No difference detected");
  });

  it("migrate diff prints the SQL of the whole schema", async () => {
    const diff = await prisma(
      ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"],
      url,
    );
    expect(diff.stdout).toContain('CREATE TABLE "Bottleneck"');
    expect(diff.stdout).toContain('CREATE UNIQUE INDEX "Bottleneck_imageId_baseModelId_variant_key"');
  });

  it("migrate dev creates a new migration from a schema change, using a shadow database", async () => {
    // A copy of the project's prisma folder, so the real migrations are untouched.
    const dir = mkdtempSync(path.join(os.tmpdir(), "retrain-migrate-dev-"));
    cpSync(path.join(root, "prisma"), path.join(dir, "prisma"), { recursive: true });
    const schemaPath = path.join(dir, "prisma/schema.prisma");
    writeFileSync(
      schemaPath,
      `${readFileSync(schemaPath, "utf8")}\nmodel ScratchNote {\n  id Int @id\n  text String\n}\n`,
    );
    writeFileSync(
      path.join(dir, "prisma.config.ts"),
      `process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(root, "packages/db/schema-engine/bin.mjs"))};\n` +
        `export default { schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations" }, datasource: { url: process.env.DATABASE_URL } };\n`,
    );
    const before = readdirSync(path.join(dir, "prisma/migrations"));
    await prisma(["migrate", "dev", "--name", "scratch_note"], url, dir);
    const created = readdirSync(path.join(dir, "prisma/migrations")).filter((d) => !before.includes(d));
    expect(created).toHaveLength(1);
    const sql = readFileSync(path.join(dir, "prisma/migrations", created[0] ?? "", "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "ScratchNote"');
  });

  it("generate writes a client without downloading anything", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "retrain-generate-"));
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8").replace(
      /output\s*=\s*"[^"]+"/,
      `output = ${JSON.stringify(path.join(dir, "client"))}`,
    );
    writeFileSync(path.join(dir, "schema.prisma"), schema);
    await prisma(["generate", "--schema", path.join(dir, "schema.prisma")], url);
    expect(readdirSync(path.join(dir, "client"))).toContain("client.ts");
  });
});
