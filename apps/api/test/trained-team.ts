import { type TrainedWorkspace, trainedFlowersWorkspace } from "@retrain/testing";
import { afterAll } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { seededModelCache } from "./fixtures.js";
import { startWorker, type WorkerProcess } from "./worker-process.js";

/**
 * The API and a real worker (two extraction threads) on one fresh database and model cache (MobileNetV2-0.35
 * seeded, unless another cache is given); the worker is killed after the file's tests. Not waited for:
 * `worker.ready` says when it takes jobs.
 */
export async function apiWithWorker(
  modelCacheDir?: string,
  settings: Record<string, string> = {},
): Promise<{ t: TestApi; worker: WorkerProcess; modelCacheDir: string }> {
  const cache = modelCacheDir ?? (await seededModelCache());
  const t = await startTestApi({ modelCacheDir: cache, settings });
  const worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: cache, EXTRACTION_THREADS: "2", ...settings });
  afterAll(() => worker.kill());
  return { t, worker, modelCacheDir: cache };
}

/**
 * The API, a real worker, and a team whose flower classifier a run has trained and `production` serves:
 * where tests of serving start. `settings` go to both processes.
 */
export async function trainedTeam(
  email: string,
  settings: Record<string, string> = {},
): Promise<{ t: TestApi; team: TrainedWorkspace; worker: WorkerProcess }> {
  const { t, worker } = await apiWithWorker(undefined, settings);
  await worker.ready;
  return { t, team: await trainedFlowersWorkspace(t.api.url, email), worker };
}
