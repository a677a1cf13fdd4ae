// `npm run backup -- [--out <file>]`: the whole product in one file while it runs (or while it is stopped):
// the embedded PostgreSQL (users, datasets with their images, vectors, runs, checkpoints, uploaded base
// models) by PostgreSQL's online base backup, its password, and the custom base models of the model cache
// (catalog models download again). Restore with `npm run restore -- <file>`.
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { copyRunningCluster, freePort, passwordFile, startEmbeddedPostgres } from "@retrain/db/local";
import { CATALOG, createProgressDisplay } from "@retrain/engine";
import { create as createTar } from "tar";
import { BACKUP_FORMAT, productFolders } from "./lib/product-folders.js";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const folders = productFolders(process.env);
if (process.env.DATABASE_URL) {
  console.error(
    "backup: DATABASE_URL is set, so the database is not the embedded one. Back it up with your server's own\n" +
      `pg_dump (same major version), and copy the model cache's custom models from ${folders.models}.`,
  );
  process.exit(1);
}
if (!existsSync(path.join(folders.postgres, "PG_VERSION"))) {
  console.error(`backup: no database in ${folders.postgres} (set POSTGRES_DATA_DIR to the one to back up).`);
  process.exit(1);
}
const out = path.resolve(
  values.out ?? `retrain-studio-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`,
);

/** The running server's port (postmaster.pid's fourth line), or undefined when the product is stopped. */
async function runningPort(): Promise<number | undefined> {
  const pid = await readFile(path.join(folders.postgres, "postmaster.pid"), "utf8").catch(() => undefined);
  const lines = pid?.split("\n") ?? [];
  const alive = (() => {
    try {
      return process.kill(Number(lines[0]), 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  })();
  return alive ? Number(lines[3]) : undefined;
}

const staging = await mkdtemp(path.join(os.tmpdir(), "retrain-backup-"));
const port = await runningPort();
// Stopped: start the server for the backup's few seconds, on a port of its own.
const started = port ? undefined : await startEmbeddedPostgres({ dataDir: folders.postgres, port: await freePort() });
const password = (await readFile(passwordFile(folders.postgres), "utf8")).trim();
const url = started?.url ?? `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
const progress = createProgressDisplay();
try {
  const bar = progress.line("database");
  const { lsn } = await copyRunningCluster(url, folders.postgres, path.join(staging, "postgres"), (copied, total) =>
    bar.update(copied, total, "bytes"),
  );
  await cp(passwordFile(folders.postgres), path.join(staging, "postgres.password"));
  const catalog = new Set([...CATALOG.map((m) => m.id), "onnx"]); // downloaded again, converted again
  const custom = existsSync(folders.models)
    ? (await readdir(folders.models, { withFileTypes: true })).filter((e) => e.isDirectory() && !catalog.has(e.name))
    : [];
  for (const dir of custom)
    await cp(path.join(folders.models, dir.name), path.join(staging, "models", dir.name), { recursive: true });
  const manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), lsn, customModels: custom.length };
  await writeFile(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
  const entries = ["manifest.json", "postgres", "postgres.password", ...(custom.length ? ["models"] : [])];
  await createTar({ gzip: true, file: out, cwd: staging, portable: true }, entries);
  progress.stop();
  console.log(`Backed up to ${out} (database at ${lsn}, ${custom.length} custom base model folder(s)).`);
} finally {
  progress.stop();
  await started?.stop();
  await rm(staging, { recursive: true, force: true });
}
