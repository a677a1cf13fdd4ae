import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { startApiProcess, startWorkerProcess } from "./service-process.js";
import { sharedDir } from "./shared-dir.js";
import { useTestDatabase } from "./test-database.js";

/** A fresh model cache holding the catalog's MobileNetV2-0.35 (from ../shared), so nothing is downloaded. */
export async function seededModelCache(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-models-"));
  await cp(path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"), path.join(dir, "mobilenet_v2_035_224"), {
    recursive: true,
  });
  return dir;
}

/**
 * The product as it ships, for one test file: a fresh database, a seeded model cache, and the compiled API
 * and a worker on them (with `settings` added), stopped after the file's tests.
 */
export async function compiledServices(settings: Record<string, string> = {}) {
  const database = await useTestDatabase();
  const modelCacheDir = await seededModelCache();
  const env = { DATABASE_URL: database.url, MODEL_CACHE_DIR: modelCacheDir, ...settings };
  const api = await startApiProcess(env, { compiled: true });
  const worker = await startWorkerProcess(env, { compiled: true });
  afterAll(() => {
    api.kill();
    worker.kill();
  });
  return { api, worker, database, modelCacheDir };
}
