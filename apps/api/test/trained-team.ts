import { type TrainedWorkspace, trainedFlowersWorkspace } from "@retrain/testing";
import { startTestApi, type TestApi } from "./api-client.js";
import { seededModelCache } from "./fixtures.js";
import { startWorker, type WorkerProcess } from "./worker-process.js";

/**
 * The API, a real worker, and a team whose flower classifier a run has trained and `production` serves:
 * where tests of serving start. Kill the worker when done.
 */
export async function trainedTeam(
  email: string,
): Promise<{ t: TestApi; team: TrainedWorkspace; worker: WorkerProcess }> {
  const modelCacheDir = await seededModelCache();
  const t = await startTestApi({ modelCacheDir });
  const worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir, EXTRACTION_THREADS: "2" });
  await worker.ready;
  return { t, team: await trainedFlowersWorkspace(t.api.url, email), worker };
}
