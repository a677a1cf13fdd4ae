import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { checkpointsRepository, type Db } from "@retrain/db";
import {
  type DownloadOptions,
  EngineError,
  exportModel,
  fromCheckpointRecord,
  loadBaseModel,
  restoreCheckpoint,
} from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/ingest";
import yazl from "yazl";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { Access, Caller } from "./access.js";

/**
 * Standalone TensorFlow.js models for download: base and head as one model.json with 4 MB shards and
 * labels.json, zipped. Built once per checkpoint (checkpoints never change) and kept on disk.
 */
export function createExportService(
  db: Db,
  access: Access,
  dirs: { modelCacheDir: string; download?: DownloadOptions; exportDir: string },
) {
  const building = new Map<string, Promise<string>>();

  async function build(checkpointId: string): Promise<string> {
    const zipPath = path.join(dirs.exportDir, `${checkpointId}.zip`);
    if (existsSync(zipPath)) return zipPath;
    const row = await db.checkpoint.findUniqueOrThrow({ where: { id: checkpointId }, include: { baseModel: true } });
    const checkpoint = fromCheckpointRecord(row);
    const resolved = await openStoredBaseModel(db, row.baseModel, dirs);
    const base = await loadBaseModel(resolved.spec, resolved.dir);
    const { head } = await restoreCheckpoint(checkpoint, base);
    await mkdir(dirs.exportDir, { recursive: true });
    const work = await mkdtemp(path.join(dirs.exportDir, `.${checkpointId}-`));
    try {
      await exportModel(path.join(work, "model"), base, head, row.labels, checkpoint.preprocessing);
      const zip = new yazl.ZipFile();
      for (const name of await readdir(path.join(work, "model")))
        zip.addFile(path.join(work, "model", name), `model/${name}`, { compress: name.endsWith(".json") });
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(path.join(work, "model.zip")));
      await rename(path.join(work, "model.zip"), zipPath); // whole file or none: a crash leaves no half zip
      return zipPath;
    } finally {
      head.dispose();
      base.dispose();
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    /** The zip's path on disk; NOT_FOUND outside the caller's workspaces. */
    async zipOf(caller: Caller | null, checkpointId: string): Promise<string> {
      const found = await checkpointsRepository(db).findById(checkpointId);
      if (!found) throw new NotFoundError("Checkpoint");
      await access.require(caller, found.run.experiment.dataset.workspaceId, "read", "Checkpoint");
      let pending = building.get(checkpointId);
      if (!pending) {
        pending = build(checkpointId).finally(() => building.delete(checkpointId));
        building.set(checkpointId, pending);
      }
      try {
        return await pending;
      } catch (error) {
        if (error instanceof EngineError)
          throw new ConflictError(`This checkpoint cannot be exported: ${error.message}`);
        throw error;
      }
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
