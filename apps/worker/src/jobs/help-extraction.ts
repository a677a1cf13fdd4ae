import { randomUUID } from "node:crypto";
import { baseModelsRepository } from "@retrain/db";
import type { ExtractionHelp } from "@retrain/jobs";
import { log } from "../observability/log.js";
import { workChunks } from "./extraction-chunks.js";
import { lazyPool } from "./extraction-pool.js";
import { asHelper, extractingHere } from "./extractions-here.js";
import { DEFAULT_CHUNKS, type WorkerDeps } from "./worker-deps.js";

/**
 * Another worker's extraction, shared: takes its chunks until none is free, then ends (the job that asked
 * finishes, and waits for what helpers hold). Left alone while this process extracts or helps already; if
 * it starts an extraction of its own meanwhile, the helper stops at the end of its chunk.
 */
export function helpExtraction(deps: WorkerDeps, help: ExtractionHelp) {
  return asHelper(async () => {
    const baseModel = await baseModelsRepository(deps.db).findById(help.baseModelId);
    if (!baseModel) return;
    const pool = lazyPool(deps, baseModel);
    try {
      const work = { datasetId: help.datasetId, baseModel, owner: `help:${randomUUID()}`, pool: pool.open };
      const tally = await workChunks(deps.db, work, deps.chunks ?? DEFAULT_CHUNKS, { stopClaiming: extractingHere });
      log.info({ ...help, ...tally }, "extraction: helped");
    } finally {
      await pool.close();
    }
  });
}
