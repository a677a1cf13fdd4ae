// Backup and restore of the whole product, on the real stack: a trained classifier is backed up while the
// API serves predictions, restored into a new data folder, started there, and predicts the same labels with
// the same probabilities.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { withDatabase } from "@retrain/db";
import { startEmbeddedPostgres } from "@retrain/db/local";
import {
  flowerUploads,
  freePort,
  graphqlRequest,
  sharedDir,
  startApiProcess,
  startThrowawayProduct,
  type ThrowawayProduct,
  trainedFlowersWorkspace,
} from "@retrain/testing";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const script = (name: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", path.join(root, "scripts", name), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
const PREDICT =
  'mutation($e: ID!, $i: [PredictImageInput!]) { predict(experimentId: $e, alias: "production", images: $i, topK: 3) { results { name top { label probability } } } }';

describe("backup and restore", () => {
  let product: ThrowawayProduct;
  const stops: (() => unknown)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it("restores into a new folder a product that predicts exactly as the original", async () => {
    product = await startThrowawayProduct("backup");
    stops.push(() => product.stop());
    const api = await product.startApi();
    await product.startWorker();
    const trained = await trainedFlowersWorkspace(api.url, "backup@example.com");
    // A custom base model in the model cache (downloaded from a URL): it must come back too.
    await mkdir(path.join(product.modelCacheDir, "url_0123456789ab"), { recursive: true });
    await writeFile(path.join(product.modelCacheDir, "url_0123456789ab/model.json"), '{"custom": true}');
    const images = (await flowerUploads(["daisy", "sunflower", "tulip"], 1, 40)).map(({ name, base64 }) => ({
      name,
      base64,
    }));
    const predict = async (url: string) =>
      (await graphqlRequest(url, PREDICT, { e: trained.experimentId, i: images }, trained.token)).data;
    const before = await predict(api.url);
    expect(before).toBeDefined();

    // Backed up while predictions keep coming.
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "retrain-backup-file-")), "backup.tar.gz");
    let serving = true;
    const load = (async () => {
      let answered = 0;
      while (serving) if (await predict(api.url)) answered++;
      return answered;
    })();
    const backup = await script("backup.ts", ["--out", file], {
      POSTGRES_DATA_DIR: path.join(product.dir, "pg"),
      MODEL_CACHE_DIR: product.modelCacheDir,
    });
    serving = false;
    expect(await load).toBeGreaterThan(0);
    expect(backup.stdout).toMatch(/Backed up to .*backup\.tar\.gz .*1 custom base model folder/);

    // Restored into an empty folder; the catalog's model downloads again there (seeded, as offline here).
    const restored = await mkdtemp(path.join(os.tmpdir(), "retrain-restored-"));
    const restore = await script("restore.ts", [file, "--data-dir", restored]);
    expect(restore.stdout).toContain(`POSTGRES_DATA_DIR=${path.join(restored, "postgres")}`);
    expect(await readFile(path.join(restored, "models/url_0123456789ab/model.json"), "utf8")).toBe('{"custom": true}');
    await cp(
      path.join(sharedDir(), "models/mobilenet_v2_035_224_notop"),
      path.join(restored, "models/mobilenet_v2_035_224"),
      { recursive: true },
    );
    const server = await startEmbeddedPostgres({ dataDir: path.join(restored, "postgres"), port: await freePort() });
    stops.push(() => server.stop());
    const again = await startApiProcess({
      DATABASE_URL: withDatabase(server.url, "backup"),
      MODEL_CACHE_DIR: path.join(restored, "models"),
    });
    stops.push(() => again.kill());
    expect(await predict(again.url)).toEqual(before);
  }, 600_000);
});
