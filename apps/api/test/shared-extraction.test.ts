// One extraction shared by two workers that share nothing but the database URL, as two hosts would: each
// has its own model cache and temporary folder. Both take chunks of it; killing one mid-chunk hands that
// chunk to the other; every vector is stored once; a host does not help with its own extraction; help is
// asked again while chunks are left.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openJobQueue } from "@retrain/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { seededModelCache, uploadColourSwatches, workspaceWithDataset } from "./fixtures.js";
import { startWorker, until, type WorkerProcess } from "./worker-process.js";

const IMAGES = 600;
const START = "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id } }";
const JOB = "query($id: ID!) { job(id: $id) { status error } }";

/** A worker's chunk claims, in order, from its log: who claimed (`extract:` its own job, `help:` a helper). */
const claimsOf = (worker: WorkerProcess) =>
  worker
    .output()
    .split("\n")
    .filter((line) => line.includes("extraction: chunk claimed"))
    .map((line) => JSON.parse(line) as { owner: string; images: number });

/** Images a worker claimed to compute. */
const claimedBy = (worker: WorkerProcess) => claimsOf(worker).reduce((sum, claim) => sum + claim.images, 0);

describe("an extraction shared by two hosts", () => {
  let t: TestApi;
  let token: string;
  let datasetId: string;
  let modelId: string;
  const workers: WorkerProcess[] = [];
  afterAll(() => {
    for (const w of workers) w.kill();
  });

  /** A worker as another host would run it: its own model cache (seeded as a download leaves it) and tmp. */
  async function host(): Promise<WorkerProcess> {
    const worker = startWorker({
      DATABASE_URL: t.url,
      MODEL_CACHE_DIR: await seededModelCache(),
      TMPDIR: await mkdtemp(path.join(os.tmpdir(), "retrain-host-")),
      EXTRACTION_THREADS: "1",
      EXTRACTION_CHUNK_SIZE: "20",
      EXTRACTION_CLAIM_SECONDS: "3",
      JOB_LEASE_SECONDS: "3",
      LOG_FORMAT: "json",
    });
    workers.push(worker);
    await worker.ready;
    return worker;
  }

  beforeAll(async () => {
    t = await startTestApi({ modelCacheDir: await seededModelCache() });
    ({ token, datasetId } = await workspaceWithDataset(t, "hosts@example.com"));
    await uploadColourSwatches(t, token, datasetId, IMAGES);
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }", {}, token);
    modelId = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id ?? "";
  }, 120_000);

  const extraction = async () => {
    const started = await t.gql<{ startExtraction: { id: string } }>(START, { d: datasetId, m: modelId }, token);
    return started.data?.startExtraction.id ?? "";
  };
  const succeeded = (jobId: string) =>
    until(
      "the extraction to succeed",
      async () => {
        const job = await t.gql<{ job: { status: string; error: string | null } }>(JOB, { id: jobId }, token);
        if (job.data?.job.status === "FAILED") throw new Error(`extraction failed: ${job.data.job.error}`);
        return job.data?.job.status === "SUCCEEDED";
      },
      120_000,
    );
  const storedOnce = async () => {
    const rows = await t.db.bottleneck.findMany({ where: { baseModelId: modelId }, select: { imageId: true } });
    expect(rows).toHaveLength(IMAGES);
    expect(new Set(rows.map((r) => r.imageId)).size).toBe(IMAGES);
  };
  /** What the workers added to the extraction's progress counter, over every extraction so far. */
  const counted = async () =>
    Number(
      (
        await t.db.extractionCounter.findUnique({
          where: { datasetId_baseModelId: { datasetId, baseModelId: modelId } },
        })
      )?.stored,
    );

  it("both hosts take chunks of it, and between them compute every image once", async () => {
    const [a, b] = [await host(), await host()];
    await succeeded(await extraction());
    await storedOnce();
    expect(claimedBy(a)).toBeGreaterThan(0);
    expect(claimedBy(b)).toBeGreaterThan(0);
    expect(claimedBy(a) + claimedBy(b)).toBe(IMAGES);
    expect(await counted()).toBe(IMAGES); // both hosts' chunks, each once
  }, 180_000);

  it("a host killed mid-chunk hands its chunk to the other, and nothing is lost or stored twice", async () => {
    await t.db.bottleneck.deleteMany({ where: { baseModelId: modelId } });
    const [a, b] = workers.slice(-2) as [WorkerProcess, WorkerProcess];
    const [claimedA, claimedB] = [claimedBy(a), claimedBy(b)];
    const jobId = await extraction();
    await until("both hosts to hold chunks", async () => claimedBy(a) > claimedA && claimedBy(b) > claimedB);
    b.kill();
    await b.exited;
    const storedBeforeKill = await t.db.bottleneck.count({ where: { baseModelId: modelId } });
    expect(storedBeforeKill).toBeLessThan(IMAGES);
    await succeeded(jobId).catch(async (error: Error) => {
      // Failed once in CI under load (a timeout, never locally): say where the job and the survivor stood.
      const job = await t.db.job.findUnique({ where: { id: jobId } });
      const claims = await t.db.extractionClaim.count();
      const stored = await t.db.bottleneck.count({ where: { baseModelId: modelId } });
      const tail = a.output().split("\n").slice(-25).join("\n");
      throw new Error(
        `${error.message}: job ${job?.status} (attempts ${job?.attempts}), ${stored} stored, ${claims} claims; survivor's log:\n${tail}`,
      );
    });
    await storedOnce();
    // The survivor computed everything the killed host had not stored, its unfinished chunk included.
    expect(claimedBy(a) - claimedA).toBeGreaterThanOrEqual(IMAGES - storedBeforeKill);
    // The progress counter counted each vector once: what the killed host stored, and the rest.
    expect(await counted()).toBe(2 * IMAGES);
  }, 180_000);

  it("a host helping with vectors stops claiming once it extracts them itself (one pipeline a host)", async () => {
    await t.db.bottleneck.deleteMany({ where: { baseModelId: modelId } });
    const survivor = workers.at(-2) as WorkerProcess;
    const before = claimsOf(survivor).length;
    const claimsSince = () => claimsOf(survivor).slice(before);
    // A help message for these vectors, as an earlier extraction of them leaves in the queue: the host helps.
    const queue = await openJobQueue(t.url);
    await queue.askForHelp({ datasetId, baseModelId: modelId }, 1);
    await queue.stop();
    await until("the host to help", async () => claimsSince().length > 0);
    await succeeded(await extraction());
    await storedOnce();
    const claims = claimsSince();
    const ownFirst = claims.findIndex((claim) => claim.owner.startsWith("extract:"));
    expect(claims[0]?.owner).toMatch(/^help:/);
    expect(ownFirst).toBeGreaterThan(0);
    // Once its own extraction claimed, the helper claimed at most the one chunk it may have been asking for.
    const helpAfter = claims.slice(ownFirst).filter((claim) => claim.owner.startsWith("help:"));
    expect(helpAfter.length).toBeLessThanOrEqual(1);
    expect(claims.reduce((sum, claim) => sum + claim.images, 0)).toBe(IMAGES);
  }, 180_000);

  it("asks for help again while chunks are left, after every message asking for it was taken", async () => {
    await t.db.bottleneck.deleteMany({ where: { baseModelId: modelId } });
    const survivor = workers.at(-2) as WorkerProcess;
    const before = claimsOf(survivor).length;
    const jobId = await extraction();
    await until("the extraction's first chunk", async () => claimsOf(survivor).length > before);
    // Taken, as workers busy with other jobs would leave none for a worker that comes free or starts later.
    await t.db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'extraction-help' AND state = 'created'`;
    await until("help to be asked again", async () => {
      const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status !== "RUNNING") throw new Error(`the extraction ended (${job.status}) before asking again`);
      const [waiting] = await t.db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'extraction-help' AND state = 'created'`;
      return (waiting?.count ?? 0) > 0;
    });
    await succeeded(jobId);
    await storedOnce();
  }, 180_000);
});
