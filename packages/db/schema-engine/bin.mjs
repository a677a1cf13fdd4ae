#!/usr/bin/env node
// A drop-in for Prisma's native schema engine binary, backed by Prisma's WebAssembly schema engine and
// @prisma/adapter-pg, so that `prisma generate|migrate dev|deploy|status|diff` need no download.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runOneShot } from "./one-shot.mjs";
import { createAdapterFactory } from "./pg-adapter.mjs";
import { serveRpc } from "./rpc-server.mjs";
import { engineVersion, loadSchemaEngineModule } from "./wasm-engine.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    version: { type: "boolean", short: "V" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
});

const log = (level, message) =>
  process.stderr.write(`${JSON.stringify({ level, target: "schema_engine::wasm", fields: { message } })}\n`);

async function main() {
  if (values.version) {
    process.stdout.write(`schema-engine-cli ${engineVersion().split(".").at(-1)}\n`);
    return 0;
  }
  const datasource = values.datasource ? JSON.parse(values.datasource) : undefined;
  if (positionals[0] === "cli") return runOneShot(positionals[1], datasource);

  const datamodels = await Promise.all((values.datamodels ?? []).map(async (p) => [p, await readFile(p, "utf8")]));
  const { SchemaEngine } = await loadSchemaEngineModule();
  if (!datasource?.url) log("WARN", "no datasource URL given; only offline commands will work");
  const adapter = createAdapterFactory({ url: datasource?.url ?? "postgresql://localhost/none", ...datasource });
  const engine = await SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (line) => {
      process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
    },
    adapter.factory,
  );
  try {
    await serveRpc(engine, {});
  } finally {
    await adapter.close().catch(() => {});
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log("ERROR", String(error?.stack ?? error));
    process.exit(1);
  },
);
