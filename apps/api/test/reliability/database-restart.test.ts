// PostgreSQL stopped and started again under a running API and worker (a dedicated embedded server, so the
// rest of the suite is not disturbed): requests in between get SERVICE_UNAVAILABLE at once, neither process
// crashes, both reconnect by themselves, and the training run in progress finishes.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase, startEmbeddedPostgres } from "@retrain/db/local";
import {
  freePort,
  graphqlRequest,
  type ServiceProcess,
  signUpAt,
  startApiProcess,
  startWorkerProcess,
  until,
} from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { flowerFiles, seededModelCache } from "../fixtures.js";

const RUN = "query($id: ID!) { run(id: $id) { status error epochs { epoch } checkpoints { id } } }";
interface RunView {
  status: string;
  error: string | null;
  epochs: { epoch: number }[];
  checkpoints: { id: string }[];
}

describe("PostgreSQL restarted under a running product", () => {
  const dataDir = mkdtemp(path.join(os.tmpdir(), "retrain-restart-")).then((dir) => path.join(dir, "pg"));
  let port: number;
  let database: { url: string; stop(): Promise<void> };
  let api: ServiceProcess & { url: string };
  let worker: ServiceProcess;
  let token: string;
  let experimentId: string;
  afterAll(async () => {
    api?.kill();
    worker?.kill();
    await database?.stop();
  });

  beforeAll(async () => {
    port = await freePort();
    database = await openDatabase({ dataDir: await dataDir, port, database: "restart" }); // created, migrated
    const env = {
      DATABASE_URL: database.url,
      MODEL_CACHE_DIR: await seededModelCache(),
      JOB_LEASE_SECONDS: "5",
      EXTRACTION_THREADS: "1",
    };
    [api, worker] = await Promise.all([startApiProcess(env), startWorkerProcess(env)]);
    token = await signUpAt(api.url, "restart@example.com");
    const q = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const answer = await graphqlRequest<T>(api.url, query, variables, token);
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data;
    };
    const w = (await q<{ createWorkspace: { id: string } }>('mutation { createWorkspace(name: "R") { id } }'))
      .createWorkspace.id;
    const d = (
      await q<{ createDataset: { id: string } }>(
        'mutation($w: ID!) { createDataset(workspaceId: $w, name: "D") { id } }',
        {
          w,
        },
      )
    ).createDataset.id;
    await q("mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
      d,
      f: await flowerFiles(["daisy", "sunflower", "tulip"], 30),
    });
    const models = await q<{ baseModels: { id: string; key: string }[] }>("{ baseModels { id key } }");
    experimentId = (
      await q<{ createExperiment: { id: string } }>(
        'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "r", hyperparameters: { epochs: 300, batchSize: 4, earlyStoppingPatience: 0 }) { id } }',
        { d, m: models.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id },
      )
    ).createExperiment.id;
  }, 180_000);

  it("answers SERVICE_UNAVAILABLE while it is down, and the run in progress finishes after", async () => {
    onTestFailed(() => console.log(`api:\n${api.output().slice(-4000)}\nworker:\n${worker.output().slice(-4000)}`));
    const started = await graphqlRequest<{ startRun: { id: string } }>(
      api.url,
      "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
      { e: experimentId },
      token,
    );
    const runId = started.data?.startRun.id ?? "";
    const run = async () => (await graphqlRequest<{ run: RunView }>(api.url, RUN, { id: runId }, token)).data?.run;
    await until("some epochs", async () => ((await run())?.epochs.length ?? 0) >= 5, 90_000);

    await database.stop();
    for (let i = 0; i < 3; i++) {
      const asked = Date.now();
      const answer = await graphqlRequest(api.url, RUN, { id: runId }, token, AbortSignal.timeout(10_000));
      expect(answer.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(answer.errors?.[0]?.message).toMatch(/database is not answering/);
      expect(Date.now() - asked).toBeLessThan(5000); // answered, not hung
      await new Promise((r) => setTimeout(r, 1000));
    }
    const health = await graphqlRequest<{ health: { ok: boolean } }>(api.url, "{ health { ok } }");
    expect(health.data?.health.ok).toBe(false);

    database = await startEmbeddedPostgres({ dataDir: await dataDir, port }); // the same server, started again
    const done = await until(
      "the run to finish",
      async () => {
        const view = await run().catch(() => undefined);
        return view && ["SUCCEEDED", "FAILED"].includes(view.status) ? view : undefined;
      },
      240_000,
    );
    expect(done).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(done.epochs).toHaveLength(300);
    expect(done.checkpoints).toHaveLength(1);
    expect(api.process.exitCode).toBeNull();
    expect(worker.process.exitCode).toBeNull();
  }, 400_000);
});
