// Extraction jobs end to end: the API queues them, real worker processes run them with ImageNet
// MobileNetV2-0.35 (from ../shared, seeded into the model cache as a user's download would be).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { seededModelCache, uploadColourSwatches, workspaceWithDataset } from "./fixtures.js";
import { startWorker, until } from "./worker-process.js";

const IMAGES = 120;
const JOB =
  "query($id: ID!) { job(id: $id) { status result { ... on ExtractionResult { computed failed } } error progress { done total } } }";
const START = "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id status } }";

interface JobView {
  status: string;
  result: { computed: number; failed: number } | null;
  error: string | null;
  progress: { done: number; total: number };
}

describe("extraction jobs", () => {
  let t: TestApi;
  let token: string;
  let datasetId: string;
  let modelId: string;
  let env: Record<string, string>;
  const workers: ReturnType<typeof startWorker>[] = [];
  afterAll(() => {
    for (const w of workers) w.kill();
  });

  beforeAll(async () => {
    const modelCacheDir = await seededModelCache();
    // A worker that stops renewing loses its job after 3 s here, instead of 20, and its chunk after 3 s.
    t = await startTestApi({ modelCacheDir });
    env = {
      DATABASE_URL: t.url,
      MODEL_CACHE_DIR: modelCacheDir,
      JOB_LEASE_SECONDS: "3",
      EXTRACTION_THREADS: "1",
      // Chunks of 20, whose claims a dead worker loses after 3 s.
      EXTRACTION_CHUNK_SIZE: "20",
      EXTRACTION_CLAIM_SECONDS: "3",
      LOG_FORMAT: "json",
    };
    ({ token, datasetId } = await workspaceWithDataset(t, "e@example.com"));
    await uploadColourSwatches(t, token, datasetId, IMAGES);
    const models = await t.gql<{ baseModels: { id: string; key: string; cached: boolean }[] }>(
      "{ baseModels { id key cached } }",
      {},
      token,
    );
    const mobilenet = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224");
    expect(mobilenet?.cached).toBe(true);
    expect(models.data?.baseModels.find((m) => m.key === "inception_v3")?.cached).toBe(false);
    modelId = mobilenet?.id ?? "";
  }, 120_000);

  /** Images a worker claimed to compute, from its log's chunk lines. */
  const claimedBy = (worker: { output(): string }) =>
    worker
      .output()
      .split("\n")
      .filter((line) => line.includes("extraction: chunk claimed"))
      .reduce((sum, line) => sum + (JSON.parse(line) as { images: number }).images, 0);

  const job = async (id: string) => (await t.gql<{ job: JobView }>(JOB, { id }, token)).data?.job;

  it("a worker killed mid-job leaves it to another, which finishes it: nothing duplicated, nothing lost", async () => {
    const first = startWorker(env);
    workers.push(first);
    await first.ready;
    const started = await t.gql<{ startExtraction: { id: string } }>(START, { d: datasetId, m: modelId }, token);
    const jobId = started.data?.startExtraction.id ?? "";
    await until("some progress", async () => ((await job(jobId))?.progress.done ?? 0) > 0);
    first.kill();
    await first.exited;
    const storedByFirst = await t.db.bottleneck.count();
    expect(storedByFirst).toBeLessThan(IMAGES);

    const second = startWorker(env);
    workers.push(second);
    await second.ready;
    const done = await until(
      "the job to succeed",
      async () => {
        const j = await job(jobId);
        return j?.status === "SUCCEEDED" ? j : undefined;
      },
      90_000,
    );
    expect(await t.db.bottleneck.count()).toBe(IMAGES);
    // The second worker computed only what was missing (its job, and the help the first had asked for).
    expect(claimedBy(second)).toBe(IMAGES - storedByFirst);
    expect(done.result?.computed).toBeLessThanOrEqual(IMAGES - storedByFirst);
    const vectors = await t.db.bottleneck.findMany({ select: { dim: true, vector: true } });
    expect(vectors.every((v) => v.dim === 1280 && v.vector.length === 1280 * 4)).toBe(true);
  }, 180_000);

  it("running it again computes nothing", async () => {
    const again = await t.gql<{ startExtraction: { id: string } }>(START, { d: datasetId, m: modelId }, token);
    const done = await until("the second job", async () => {
      const j = await job(again.data?.startExtraction.id ?? "");
      return j?.status === "SUCCEEDED" ? j : undefined;
    });
    expect(done.result?.computed).toBe(0);
    expect(await t.db.bottleneck.count()).toBe(IMAGES);
  }, 60_000);

  it("viewers and outsiders cannot start one", async () => {
    const outsider = (await t.signUp("out@example.com")).token;
    const refused = await t.gql(START, { d: datasetId, m: modelId }, outsider);
    expect(refused.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("filters the images whose extraction failed", async () => {
    // Uploads refuse unreadable files, so a failure is rare: recorded here as the worker records one.
    const image = await t.db.image.findFirstOrThrow({ where: { datasetId }, orderBy: { id: "asc" } });
    await t.db.extractionFailure.create({ data: { imageId: image.id, baseModelId: modelId, reason: "truncated" } });
    const page = await t.gql<{ images: { totalCount: number; nodes: { id: string }[] } }>(
      "query($d: ID!) { images(datasetId: $d, failed: true) { totalCount nodes { id } } }",
      { d: datasetId },
      token,
    );
    expect(page.data?.images).toEqual({ totalCount: 1, nodes: [{ id: image.id }] });
  });
});
