import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { checkpointsRepository, type Db } from "@retrain/db";
import {
  type DownloadOptions,
  EngineError,
  exportModel,
  exportOnnxModel,
  fromCheckpointRecord,
  loadBaseModel,
  restoreCheckpoint,
} from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/ingest";
import yazl from "yazl";
import { ConflictError, NotFoundError } from "../domain/errors.js";
import type { Access, Caller } from "./access.js";

export type ExportFormat = "zip" | "onnx";

/**
 * Models for download, built once per checkpoint (checkpoints never change) and kept on disk: `zip` is base
 * and head as one standalone TensorFlow.js model (model.json, 4 MB shards, labels.json); `onnx` the same
 * network as one ONNX model (labels and preprocessing in its metadata).
 */
export function createExportService(
  db: Db,
  access: Access,
  dirs: { modelCacheDir: string; download?: DownloadOptions; exportDir: string },
) {
  const building = new Map<string, Promise<string>>();

  /** Writes `<exportDir>/<id>.<format>` whole or not at all: built beside it, then renamed into place. */
  async function build(checkpointId: string, format: ExportFormat): Promise<string> {
    const target = path.join(dirs.exportDir, `${checkpointId}.${format}`);
    if (existsSync(target)) return target;
    const row = await checkpointsRepository(db).withBaseModel(checkpointId);
    if (!row) throw new NotFoundError("Checkpoint");
    const checkpoint = fromCheckpointRecord(row);
    const resolved = await openStoredBaseModel(db, row.baseModel, dirs);
    const base = await loadBaseModel(resolved.spec, resolved.dir);
    const { head } = await restoreCheckpoint(checkpoint, base);
    await mkdir(dirs.exportDir, { recursive: true });
    const work = await mkdtemp(path.join(dirs.exportDir, `.${checkpointId}-`));
    try {
      const built = path.join(work, `model.${format}`);
      if (format === "onnx")
        await writeFile(
          built,
          exportOnnxModel(base, head, row.labels, checkpoint.preprocessing, checkpoint.calibration),
        );
      else {
        await exportModel(
          path.join(work, "model"),
          base,
          head,
          row.labels,
          checkpoint.preprocessing,
          checkpoint.calibration,
        );
        const zip = new yazl.ZipFile();
        for (const name of await readdir(path.join(work, "model")))
          zip.addFile(path.join(work, "model", name), `model/${name}`, { compress: name.endsWith(".json") });
        zip.end();
        await pipeline(zip.outputStream, createWriteStream(built));
      }
      await rename(built, target);
      return target;
    } finally {
      head.dispose();
      base.dispose();
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    /** The export's path on disk; NOT_FOUND outside the caller's workspaces. */
    async fileOf(caller: Caller | null, checkpointId: string, format: ExportFormat): Promise<string> {
      const found = await checkpointsRepository(db).findById(checkpointId);
      if (!found) throw new NotFoundError("Checkpoint");
      await access.require(caller, found.run.experiment.dataset.workspaceId, "read", "Checkpoint");
      const key = `${checkpointId}.${format}`;
      let pending = building.get(key);
      if (!pending) {
        pending = build(checkpointId, format).finally(() => building.delete(key));
        building.set(key, pending);
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
