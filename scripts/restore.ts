// `npm run restore -- <backup file> [--data-dir <folder>]`: a backup made by `npm run backup` into an empty
// data folder (by default the product's own .data, which must then hold no database yet). `npm start`
// afterwards starts the product as it was when the backup ended.
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { passwordFile, prepareRestoredCluster } from "@retrain/db/local";
import { extract, list } from "tar";
import { BACKUP_FORMAT, productFolders } from "./lib/product-folders.js";

const { values, positionals } = parseArgs({ options: { "data-dir": { type: "string" } }, allowPositionals: true });
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error("usage: npm run restore -- <backup file> [--data-dir <folder>]");
  process.exit(1);
}
const folders = productFolders(process.env, values["data-dir"]);
if (existsSync(folders.postgres) && (await readdir(folders.postgres)).length > 0) {
  console.error(
    `restore: ${folders.postgres} already holds a database. Restore into an empty data folder (--data-dir), ` +
      "or move that one away first: nothing is overwritten.",
  );
  process.exit(1);
}

/** The manifest, read before anything is written: a file that is not one of our backups is refused whole. */
async function readManifest(): Promise<{ format?: string; createdAt?: string }> {
  let text = "";
  await list({
    file,
    filter: (p) => p === "manifest.json",
    onReadEntry: (entry) => entry.on("data", (chunk: Buffer) => (text += chunk.toString())),
  });
  return JSON.parse(text || "{}");
}
const manifest = await readManifest().catch(() => ({}) as { format?: string; createdAt?: string });
if (manifest.format !== BACKUP_FORMAT) {
  console.error(`restore: ${file} is not a Retrain Studio backup (expected ${BACKUP_FORMAT}).`);
  process.exit(1);
}

// Unpacked beside where it goes (same disk), then moved into place: an interrupted restore leaves no
// half-written database where the product looks for one.
await mkdir(path.dirname(folders.postgres), { recursive: true });
const staging = await mkdtemp(path.join(path.dirname(folders.postgres), ".restoring-"));
try {
  await extract({ file, cwd: staging, filter: (p) => /^(postgres\/|postgres\.password$|models\/)/.test(p) });
  await prepareRestoredCluster(path.join(staging, "postgres"));
  await chmod(path.join(staging, "postgres.password"), 0o600);
  if (existsSync(path.join(staging, "models"))) {
    await mkdir(folders.models, { recursive: true });
    for (const dir of await readdir(path.join(staging, "models")))
      if (!existsSync(path.join(folders.models, dir)))
        await rename(path.join(staging, "models", dir), path.join(folders.models, dir));
  }
  await rename(path.join(staging, "postgres.password"), passwordFile(folders.postgres));
  await rm(folders.postgres, { recursive: true, force: true }); // empty, checked above
  await rename(path.join(staging, "postgres"), folders.postgres);
} finally {
  await rm(staging, { recursive: true, force: true });
}
console.log(
  `Restored the backup of ${manifest.createdAt} into ${folders.data}.\n` +
    (values["data-dir"]
      ? `Start it with: POSTGRES_DATA_DIR=${folders.postgres} MODEL_CACHE_DIR=${folders.models} npm start`
      : "Start it with: npm start"),
);
