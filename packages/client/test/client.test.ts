// The TypeScript client against the product as it ships (compiled API and worker, fresh database): every
// method a script uses, and the API's errors as typed exceptions.
import { cp, mkdir, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { compiledServices, freePort, sharedDir } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { RetrainApiError, RetrainClient, type Run } from "../src/index.js";

const CLASSES = ["daisy", "tulip"];

/** 2 x 20 flowers_small photos in class folders, and 3 more tulips for predictions. */
async function photos() {
  const work = await mkdtemp(path.join(os.tmpdir(), "retrain-client-"));
  const held: string[] = [];
  for (const label of CLASSES) {
    const from = path.join(sharedDir(), "datasets/flowers_small", label);
    await mkdir(path.join(work, "flowers", label), { recursive: true });
    const names = (await readdir(from)).sort();
    for (const name of names.slice(0, 20)) await cp(path.join(from, name), path.join(work, "flowers", label, name));
    if (label === "tulip") for (const name of names.slice(-3)) held.push(path.join(from, name));
  }
  return { work, folder: path.join(work, "flowers"), held };
}

describe("RetrainClient", () => {
  let client: RetrainClient;
  let files: Awaited<ReturnType<typeof photos>>;
  let workspaceId: string;
  let datasetId: string;
  let experimentId: string;
  let run: Run;
  const seen: Run[] = [];

  beforeAll(async () => {
    const { api } = await compiledServices({ SIGN_UP: "open" });
    const origin = new URL(api.url).origin;
    const session = await RetrainClient.signUp(origin, {
      email: "ts@example.com",
      name: "TS",
      password: "correct horse",
    });
    client = new RetrainClient(origin, await session.createApiToken("script"));
    files = await photos();
    workspaceId = await client.createWorkspace("Scripts");
    datasetId = await client.createDataset(workspaceId, "flowers");
  }, 120_000);

  it("uploads a class-per-folder tree, then bytes with a label; a second upload is a duplicate", async () => {
    const progress: number[] = [];
    const results = await client.uploadFolder(datasetId, files.folder, 15, (done) => progress.push(done));
    expect(results).toHaveLength(40);
    expect(results.every((r) => r.status === "ACCEPTED")).toBe(true);
    expect(progress).toEqual([15, 30, 40]);
    const again = await client.uploadImages(datasetId, [
      {
        name: "again.jpg",
        bytes: await readFile(
          path.join(files.folder, "daisy", (await readdir(path.join(files.folder, "daisy")))[0] ?? ""),
        ),
        label: "daisy",
      },
    ]);
    expect(again.results[0]?.status).toBe("DUPLICATE");
  });

  it("trains, telling each change on the way, and waits for the end", async () => {
    experimentId = await client.createExperiment({
      datasetId,
      baseModelId: await client.baseModelId("mobilenet_v2_035_224"),
      name: "from TypeScript",
      hyperparameters: { epochs: 8 },
    });
    run = await client.waitForRun(await client.startRun(experimentId), {
      onProgress: (r) => seen.push(r),
      pollMs: 250,
    });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.metrics?.validationAccuracy).toBeGreaterThan(0.6);
    expect(run.checkpoints).toHaveLength(1);
    // It was watched while it ran: epochs counted up to the last.
    const epochs = seen.map((r) => r.epochs.length);
    expect(epochs.at(-1)).toBe(run.metrics?.epochs);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
  }, 300_000);

  it("predicts from paths and bytes through the production alias", async () => {
    await client.promote(run.checkpoints[0]?.id ?? "");
    const fromPaths = await client.predict(experimentId, files.held, { topK: 2 });
    expect(fromPaths.labels.sort()).toEqual(CLASSES);
    expect(fromPaths.results.map((r) => r.name)).toEqual(files.held.map((f) => path.basename(f)));
    for (const result of fromPaths.results) {
      expect(result.error).toBeNull();
      expect(result.top.reduce((sum, t) => sum + t.probability, 0)).toBeCloseTo(1, 5);
    }
    const fromBytes = await client.predict(experimentId, [
      { name: "b.jpg", bytes: await readFile(files.held[0] ?? "") },
    ]);
    // The same photo as bytes: the same answer (top 3 by default, of two classes).
    expect(fromBytes.results[0]?.top).toEqual(fromPaths.results[0]?.top);
  });

  it("downloads the model (zip and ONNX) and the dataset", async () => {
    const checkpointId = run.checkpoints[0]?.id ?? "";
    const zip = await readFile(await client.downloadExport(checkpointId, path.join(files.work, "model.zip")));
    expect(zip.subarray(0, 2).toString()).toBe("PK");
    const onnx = await readFile(await client.downloadExport(checkpointId, path.join(files.work, "model.onnx"), "onnx"));
    expect(onnx.length).toBeGreaterThan(100_000);
    const dataset = await readFile(
      await client.downloadDataset(datasetId, path.join(files.work, "d.zip"), { label: "tulip" }),
    );
    expect(dataset.includes(Buffer.from("manifest.csv"))).toBe(true);
  });

  it("throws the API's errors typed, with their code and field", async () => {
    const codeOf = (work: Promise<unknown>) =>
      work.then(
        () => "no error",
        (e: unknown) => (e instanceof RetrainApiError ? [e.code, e.field ?? null] : String(e)),
      );
    expect(await codeOf(client.run("no-such-run"))).toEqual(["NOT_FOUND", null]);
    expect(await codeOf(client.createDataset(workspaceId, ""))).toEqual(["BAD_USER_INPUT", "name"]);
    expect(await codeOf(new RetrainClient(client.url, "rst_wrong").createWorkspace("x"))).toEqual([
      "UNAUTHENTICATED",
      null,
    ]);
    expect(await codeOf(client.predict("no-such-experiment", files.held.slice(0, 1)))).toEqual(["NOT_FOUND", null]);
    expect(await codeOf(client.baseModelId("no_such_model"))).toEqual(["NOT_FOUND", null]);
    // This server keeps blobs in PostgreSQL: no store to upload to directly.
    expect(await codeOf(client.uploadImagesDirect(datasetId, files.held.slice(0, 1)))).toEqual(["CONFLICT", null]);
    const closed = new RetrainClient(`http://127.0.0.1:${await freePort()}`, "t");
    expect(await codeOf(closed.createWorkspace("x"))).toEqual(["API_UNREACHABLE", null]);
  });
});
