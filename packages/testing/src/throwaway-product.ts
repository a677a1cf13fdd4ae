import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, openDatabase } from "@retrain/db/local";
import { type RunAs, type ServiceProcess, startApiProcess, startWorkerProcess } from "./service-process.js";
import { sharedDir } from "./shared-dir.js";

/**
 * A whole product in a temporary folder, for benchmarks and fault tests: an embedded PostgreSQL (created and
 * migrated), a model cache holding ImageNet MobileNetV2-0.35 from ../shared as a user's download leaves it,
 * and as many API and worker processes as asked for.
 */
export interface ThrowawayProduct {
  dir: string;
  databaseUrl: string;
  modelCacheDir: string;
  /** The settings every process gets (DATABASE_URL, MODEL_CACHE_DIR). */
  env: Record<string, string>;
  startApi(settings?: Record<string, string>): Promise<ServiceProcess & { url: string }>;
  startWorker(settings?: Record<string, string>): Promise<ServiceProcess>;
  /** Kills every process it started, stops the database and deletes the folder. */
  stop(): Promise<void>;
}

export async function startThrowawayProduct(name = "product", runAs: RunAs = {}): Promise<ThrowawayProduct> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `retrain-${name}-`));
  const modelCacheDir = path.join(dir, "models");
  await cp(
    path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"),
    path.join(modelCacheDir, "mobilenet_v2_035_224"),
    { recursive: true },
  );
  const database = await openDatabase({ dataDir: path.join(dir, "pg"), port: await freePort(), database: name });
  // Benchmarks and fault tests sign several people up: open sign-up (the default takes invitations only).
  const env = { DATABASE_URL: database.url, MODEL_CACHE_DIR: modelCacheDir, SIGN_UP: "open" };
  const started: ServiceProcess[] = [];
  const track = async <P extends ServiceProcess>(process: Promise<P>) => {
    const running = await process;
    started.push(running);
    return running;
  };
  return {
    dir,
    databaseUrl: database.url,
    modelCacheDir,
    env,
    startApi: (settings = {}) => track(startApiProcess({ ...env, ...settings }, runAs)),
    startWorker: (settings = {}) => track(startWorkerProcess({ ...env, ...settings }, runAs)),
    async stop() {
      for (const process of started) process.kill();
      await Promise.all(started.map((p) => p.exited));
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
