import { randomUUID } from "node:crypto";
import { baseModelsRepository } from "@retrain/db";
import type { ExtractionHelp } from "@retrain/jobs";
import { log } from "../observability/log.js";
import { extractingHere, extractionKey } from "./extract-missing.js";
import { workChunks } from "./extraction-chunks.js";
import { lazyPool } from "./extraction-pool.js";
import { DEFAULT_CHUNKS, type WorkerDeps } from "./worker-deps.js";

/**
 * Another worker's extraction, shared: takes its chunks until none is free, then ends (the job that asked
 * finishes, and waits for what helpers hold). An extraction this process already works on is left alone.
 */
export async function helpExtraction(deps: WorkerDeps, help: ExtractionHelp) {
  const key = extractionKey(help.datasetId, help.baseModelId);
  if (extractingHere.has(key)) return;
  const baseModel = await baseModelsRepository(deps.db).findById(help.baseModelId);
  if (!baseModel) return;
  extractingHere.add(key);
  const pool = lazyPool(deps, baseModel);
  try {
    const work = { datasetId: help.datasetId, baseModel, owner: `help:${randomUUID()}`, pool: pool.open };
    const tally = await workChunks(deps.db, work, deps.chunks ?? DEFAULT_CHUNKS);
    log.info({ ...help, ...tally }, "extraction: helped");
  } finally {
    extractingHere.delete(key);
    await pool.close();
  }
}
