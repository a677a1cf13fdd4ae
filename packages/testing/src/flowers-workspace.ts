import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { RetrainClient } from "@retrain/client";
import { sharedDir } from "./shared-dir.js";

/** `perClass` flowers_small photos of each class, sorted by name, as upload inputs. */
export async function flowerUploads(classes: string[], perClass: number, skip = 0) {
  const root = path.join(sharedDir(), "datasets/flowers_small");
  const files: { name: string; base64: string; label: string }[] = [];
  for (const label of classes) {
    for (const name of (await readdir(path.join(root, label))).sort().slice(skip, skip + perClass))
      files.push({
        name: `${label}/${name}`,
        base64: (await readFile(path.join(root, label, name))).toString("base64"),
        label,
      });
  }
  return files;
}

export interface TrainedWorkspace {
  token: string;
  workspaceId: string;
  datasetId: string;
  experimentId: string;
  checkpointId: string;
}

/**
 * Through the API with the TypeScript client, as a script would: signs up, makes a workspace with 90 flower
 * photos (three classes), trains a head on them (MobileNetV2-0.35 unless another catalog model is named; a
 * worker must be running) and promotes the checkpoint to `production`.
 */
export async function trainedFlowersWorkspace(
  url: string,
  email: string,
  baseModelKey = "mobilenet_v2_035_224",
): Promise<TrainedWorkspace> {
  const client = await RetrainClient.signUp(new URL(url).origin, { email, name: "Test", password: "correct horse" });
  const workspaceId = await client.createWorkspace("Flowers");
  const datasetId = await client.createDataset(workspaceId, "flowers");
  const files = await flowerUploads(["daisy", "sunflower", "tulip"], 30);
  await client.uploadImages(
    datasetId,
    files.map((f) => ({ name: f.name, label: f.label, bytes: Buffer.from(f.base64, "base64") })),
  );
  const experimentId = await client.createExperiment({
    datasetId,
    baseModelId: await client.baseModelId(baseModelKey),
    name: "flowers",
  });
  const run = await client.waitForRun(await client.startRun(experimentId), { pollMs: 500, timeoutMs: 300_000 });
  const checkpointId = run.checkpoints[0]?.id;
  if (run.status !== "SUCCEEDED" || !checkpointId) throw new Error(`training ${run.status}: ${run.error}`);
  await client.promote(checkpointId);
  return { token: client.token ?? "", workspaceId, datasetId, experimentId, checkpointId };
}
