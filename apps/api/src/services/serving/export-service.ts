import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { baseModelsRepository, checkpointsRepository, type Db } from "@retrain/db";
import {
  type DownloadOptions,
  EngineError,
  exportMeta,
  exportModel,
  exportOnnxModel,
  fromCheckpointRecord,
  restoreCheckpoint,
  UnsupportedConversionError,
} from "@retrain/engine";
import { openStoredBaseModel, storedModel } from "@retrain/models";
import yazl from "yazl";
import { ConflictError, NotFoundError } from "../../domain/errors.js";
import type { Access, Caller } from "../workspaces/access.js";

export type ExportFormat = "zip" | "onnx";

/**
 * Models for download, built once per checkpoint (checkpoints never change) and kept on disk: `zip` is the
 * TensorFlow.js export (a layers base and the head as one model; a graph base beside the head with a loader
 * in its README); `onnx` base and head as one ONNX model (labels and preprocessing in its metadata), for
 * either format.
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
    const base = { spec: storedModel(row.baseModel).spec, dir: resolved.dir };
    // The checkpoint is checked against the stored model's identity (its weights and vector length).
    const { head, optimizer } = await restoreCheckpoint(checkpoint, {
      spec: base.spec,
      weightsHash: row.baseModel.weightsHash ?? checkpoint.baseModel.weightsHash,
    });
    optimizer.dispose();
    const meta = exportMeta(row.labels, checkpoint.preprocessing, checkpoint.calibration);
    await mkdir(dirs.exportDir, { recursive: true });
    const work = await mkdtemp(path.join(dirs.exportDir, `.${checkpointId}-`));
    try {
      const built = path.join(work, `model.${format}`);
      if (format === "onnx") await writeFile(built, await exportOnnxModel(base, head, meta));
      else {
        await exportModel(path.join(work, "model"), base, head, meta);
        const zip = new yazl.ZipFile();
        // A graph base's export has folders (base/, head/): every file, at its path under model/.
        const names = await readdir(path.join(work, "model"), { recursive: true, withFileTypes: true });
        for (const entry of names.filter((e) => e.isFile())) {
          const relative = path.relative(path.join(work, "model"), path.join(entry.parentPath, entry.name));
          zip.addFile(path.join(entry.parentPath, entry.name), `model/${relative.split(path.sep).join("/")}`, {
            compress: /\.(json|md)$/.test(entry.name),
          });
        }
        zip.end();
        await pipeline(zip.outputStream, createWriteStream(built));
      }
      await rename(built, target);
      return target;
    } finally {
      head.dispose();
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    /** The export's path on disk; NOT_FOUND outside the caller's workspaces. */
    async fileOf(caller: Caller | null, checkpointId: string, format: ExportFormat): Promise<string> {
      const found = await access.checkpointFor(caller, checkpointId, "read");
      const key = `${checkpointId}.${format}`;
      let pending = building.get(key);
      if (!pending) {
        pending = build(checkpointId, format).finally(() => building.delete(key));
        building.set(key, pending);
      }
      try {
        return await pending;
      } catch (error) {
        // A base with no ONNX conversion: said once, so the dashboard stops offering that download.
        if (error instanceof UnsupportedConversionError)
          await baseModelsRepository(db).setOnnxUnsupported(found.baseModelId, error.message);
        if (error instanceof EngineError)
          throw new ConflictError(`This checkpoint cannot be exported: ${error.message}`);
        throw error;
      }
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
