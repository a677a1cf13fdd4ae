import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { graphqlRequest, signUpAt } from "./graphql-request.js";
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
 * Through the API, as a user would: signs up, makes a workspace with 90 flower photos (three classes), trains
 * a head on them (MobileNetV2-0.35 unless another catalog model is named; a worker must be running) and
 * promotes the checkpoint to `production`.
 */
export async function trainedFlowersWorkspace(
  url: string,
  email: string,
  baseModelKey = "mobilenet_v2_035_224",
): Promise<TrainedWorkspace> {
  const token = await signUpAt(url, email);
  const q = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const answer = await graphqlRequest<T>(url, query, variables, token);
    if (!answer.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };
  const { createWorkspace } = await q<{ createWorkspace: { id: string } }>(
    'mutation { createWorkspace(name: "Flowers") { id } }',
  );
  const { createDataset } = await q<{ createDataset: { id: string } }>(
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "flowers") { id } }',
    { w: createWorkspace.id },
  );
  const files = await flowerUploads(["daisy", "sunflower", "tulip"], 30);
  for (let i = 0; i < files.length; i += 30)
    await q("mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
      d: createDataset.id,
      f: files.slice(i, i + 30),
    });
  const { baseModels } = await q<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }");
  const { createExperiment } = await q<{ createExperiment: { id: string } }>(
    'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "flowers") { id } }',
    { d: createDataset.id, m: baseModels.find((m) => m.key === baseModelKey)?.id },
  );
  const { startRun } = await q<{ startRun: { id: string } }>(
    "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
    {
      e: createExperiment.id,
    },
  );
  for (let i = 0; i < 600; i++) {
    const { run } = await q<{ run: { status: string; error: string | null; checkpoints: { id: string }[] } }>(
      "query($id: ID!) { run(id: $id) { status error checkpoints { id } } }",
      { id: startRun.id },
    );
    if (run.status === "FAILED") throw new Error(`training failed: ${run.error}`);
    const checkpointId = run.checkpoints[0]?.id;
    if (run.status === "SUCCEEDED" && checkpointId) {
      await q("mutation($c: ID!) { promoteCheckpoint(checkpointId: $c) { id } }", { c: checkpointId });
      return {
        token,
        workspaceId: createWorkspace.id,
        datasetId: createDataset.id,
        experimentId: createExperiment.id,
        checkpointId,
      };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("training did not finish in 5 minutes");
}
