// Workers killed (SIGKILL, as the out-of-memory killer does) or stopped (SIGTERM) in the middle of each kind
// of job, on the real stack: the API, real worker processes, ImageNet MobileNetV2-0.35 and real flower photos.
// Another worker takes the job over within the lease (seconds, not the queue's hour) and finishes it, with
// nothing duplicated and nothing lost; a job whose workers keep dying ends FAILED with a reason.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir, zipOf } from "@retrain/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../api-client.js";
import { archivesDropped, flowerFiles, seededModelCache, upload, workspaceWithDataset } from "../fixtures.js";
import { startWorker, until, type WorkerProcess } from "../worker-process.js";

const LEASE_SECONDS = 3;
const RUN = "query($id: ID!) { run(id: $id) { status error epochs { epoch } checkpoints { id step } } }";
interface RunView {
  status: string;
  error: string | null;
  epochs: { epoch: number }[];
  checkpoints: { id: string; step: number }[];
}

describe("workers killed or stopped mid-job", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let env: Record<string, string>;
  let modelId: string;
  const workers: WorkerProcess[] = [];
  const worker = async (extra: Record<string, string> = {}) => {
    const w = startWorker({ ...env, ...extra });
    workers.push(w);
    await w.ready;
    return w;
  };
  // Each test starts from no worker: a survivor of the last one would take its jobs.
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      w.kill();
      await w.exited;
    }
  });

  beforeAll(async () => {
    const modelCacheDir = await seededModelCache();
    t = await startTestApi({ modelCacheDir });
    env = {
      DATABASE_URL: t.url,
      MODEL_CACHE_DIR: modelCacheDir,
      JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      EXTRACTION_THREADS: "1",
    };
    owner = await workspaceWithDataset(t, "faults@example.com");
    await upload(t, owner.token, owner.datasetId, await flowerFiles(["daisy", "sunflower", "tulip"], 30));
    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>(
      "{ baseModels { id key } }",
      {},
      owner.token,
    );
    modelId = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id ?? "";
  }, 120_000);

  /** A run long enough to be caught mid-training: 300 epochs of small batches. */
  async function startLongRun(name: string) {
    const experiment = await t.gql<{ createExperiment: { id: string } }>(
      "mutation($d: ID!, $m: ID!, $n: String!) { createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: { epochs: 300, batchSize: 4, earlyStoppingPatience: 0 }) { id } }",
      { d: owner.datasetId, m: modelId, n: name },
      owner.token,
    );
    if (!experiment.data) throw new Error(JSON.stringify(experiment.errors));
    const run = await t.gql<{ startRun: { id: string } }>(
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: experiment.data?.createExperiment.id },
      owner.token,
    );
    return run.data?.startRun.id ?? "";
  }
  const runView = async (id: string) => (await t.gql<{ run: RunView }>(RUN, { id }, owner.token)).data?.run;
  const runSucceeded = (id: string) =>
    until(
      "the run to succeed",
      async () => {
        const run = await runView(id);
        return run?.status === "SUCCEEDED" ? run : undefined;
      },
      240_000,
    );
  const trainJob = (runId: string) => t.db.job.findFirstOrThrow({ where: { runId, kind: "TRAIN" } });

  it("training: a worker killed mid-run is replaced within the lease; every epoch once, one checkpoint", async () => {
    const first = await worker();
    const runId = await startLongRun("killed");
    await until("some epochs", async () => ((await runView(runId))?.epochs.length ?? 0) >= 5, 90_000);
    // Whose it is at the kill: on a loaded machine the first worker may already have lost and retaken it (a
    // 3 s lease), so the count of attempts alone says nothing about who took it next.
    const killed = await trainJob(runId);
    first.kill();
    const killedAt = Date.now();
    await first.exited;
    await worker(); // the restarted worker (npm start's supervisor does this)
    await until(
      "another worker to take the run",
      async () => {
        const job = await trainJob(runId);
        return job.workerId !== null && job.workerId !== killed.workerId && job.attempts > killed.attempts;
      },
      60_000,
    );
    const takeover = (Date.now() - killedAt) / 1000;
    expect(takeover).toBeLessThan(60);
    const done = await runSucceeded(runId);
    expect(done.epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(done.checkpoints).toHaveLength(1);
    expect(await t.db.bottleneck.count()).toBe(90); // extraction was not repeated
    console.log(`worker faults: training taken over ${takeover.toFixed(1)} s after the kill`);
  }, 400_000);

  it("an archive import: killed between a stored group and its record, resumed by another, every photo stored once", async () => {
    const flowers = path.join(sharedDir(), "datasets/flowers_small");
    const files: Record<string, Buffer> = {};
    for (const label of ["rose", "dandelion"]) {
      for (const name of (await readdir(path.join(flowers, label))).sort().slice(0, 150))
        files[`${label}/${name}`] = await readFile(path.join(flowers, label, name));
    }
    const zip = await zipOf(files);
    const imported = await t.gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "imported") { id } }',
      { w: owner.workspaceId },
      owner.token,
    );
    const datasetId = imported.data?.createDataset.id ?? "";
    // The kill must land in the window that matters: a group stored, its progress not yet recorded. The first
    // attempt's first progress record is held in PostgreSQL (a trigger sleeps in it), so the kill lands there.
    await t.db.$executeRawUnsafe(`CREATE FUNCTION hold_first_progress() RETURNS trigger AS $$
      BEGIN
        IF NEW.kind = 'IMPORT_ARCHIVE' AND NEW.attempts <= 1 AND NEW."progressDone" > OLD."progressDone" THEN
          PERFORM pg_sleep(600);
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER hold_first_progress BEFORE UPDATE ON "Job" FOR EACH ROW EXECUTE FUNCTION hold_first_progress()`,
    );
    const first = await worker();
    const response = await fetch(new URL(`/datasets/${datasetId}/archive`, t.api.url), {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/zip" },
      body: zip,
    });
    const { jobId } = (await response.json()) as { jobId: string };
    const held = await until("the first group's progress held", async () => {
      const [row] = await t.db.$queryRaw<{ pid: number }[]>`
        SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE 'UPDATE%'`;
      return row;
    });
    first.kill();
    await first.exited;
    await t.db.$queryRaw`SELECT pg_terminate_backend(${held.pid}::int)`;
    await t.db.$executeRawUnsafe(`DROP TRIGGER hold_first_progress ON "Job"; DROP FUNCTION hold_first_progress()`);
    const storedByFirst = await t.db.image.count({ where: { datasetId } });
    const recorded = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(storedByFirst).toBeGreaterThan(0);
    expect(recorded.progressDone).toBe(0);
    await worker();
    const job = await until(
      "the import to finish",
      async () => {
        const row = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
        return row.finishedAt ? row : undefined;
      },
      120_000,
    );
    expect(job.status).toBe("SUCCEEDED");
    expect(storedByFirst).toBeLessThan(300);
    expect(await t.db.image.count({ where: { datasetId } })).toBe(300);
    // Counts exact across the kill: what the first stored after its last recorded group is not a "duplicate"
    // (without the retry's check of its own earlier stores, those photos count as duplicates here).
    expect(job.result).toMatchObject({ accepted: 300, duplicates: 0, rejected: 0 });
    const labels = await t.db.label.findMany({ where: { datasetId }, select: { name: true } });
    expect(labels.map((l) => l.name).sort()).toEqual(["dandelion", "rose"]);
    // The archive itself is not kept once imported.
    await archivesDropped(t);
  }, 200_000);

  it("SIGTERM: the worker hands its job back at the next boundary and exits; another continues", async () => {
    const first = await worker({ SHUTDOWN_SECONDS: "5" });
    const runId = await startLongRun("handed back");
    await until("some epochs", async () => ((await runView(runId))?.epochs.length ?? 0) >= 5, 90_000);
    const stoppedAt = Date.now();
    first.kill("SIGTERM");
    const exit = await first.exited;
    expect(exit.code).toBe(0);
    expect((Date.now() - stoppedAt) / 1000).toBeLessThan(15);
    expect(first.output()).toContain("worker: stopped");
    const handedBack = await trainJob(runId);
    expect(handedBack).toMatchObject({ status: "QUEUED", workerId: null, finishedAt: null });
    await worker();
    const done = await runSucceeded(runId);
    expect(done.epochs).toHaveLength(300);
    expect(done.checkpoints).toHaveLength(1);
  }, 400_000);

  it("a job whose workers keep dying fails for good with a reason, and its run with it", async () => {
    const settings = { JOB_MAX_ATTEMPTS: "1" };
    const first = await worker(settings);
    const runId = await startLongRun("doomed");
    await until("some epochs", async () => ((await runView(runId))?.epochs.length ?? 0) >= 2, 90_000);
    first.kill();
    await first.exited;
    await worker(settings);
    const failed = await until(
      "the run to fail",
      async () => {
        const run = await runView(runId);
        return run?.status === "FAILED" ? run : undefined;
      },
      60_000,
    );
    expect(failed.error).toMatch(/stopped once/);
    expect(await trainJob(runId)).toMatchObject({ status: "FAILED", workerId: null });
  }, 200_000);
});
