// Zip imports over HTTP and GraphQL: a real worker unpacks class-per-folder archives with progress;
// unsafe archives are refused whole.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { archivesDropped, workspaceWithDataset, zipOf } from "./fixtures.js";
import { collectSubscription } from "./live-client.js";
import { startWorker, until, type WorkerProcess } from "./worker-process.js";

const IMPORTED = "fragment Imported on ImportResult { accepted duplicates rejected rejections { name reason } }";
const JOB = `query($id: ID!) { job(id: $id) { status error result { ...Imported } progress { done total } } } ${IMPORTED}`;
interface JobView {
  status: string;
  error: string | null;
  result: { accepted: number; duplicates: number; rejected: number; rejections: { name: string; reason: string }[] };
  progress: { done: number; total: number };
}

describe("archive imports", () => {
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  let worker: WorkerProcess;
  let flowers: Record<string, Buffer>;
  afterAll(() => worker?.kill());

  beforeAll(async () => {
    t = await startTestApi();
    worker = startWorker({ DATABASE_URL: t.url });
    owner = await workspaceWithDataset(t, "zipper@example.com");
    flowers = {};
    for (const label of ["daisy", "rose"]) {
      const dir = path.join(sharedDir(), "datasets/flowers_small", label);
      const { readdir } = await import("node:fs/promises");
      for (const f of (await readdir(dir)).sort().slice(0, 6))
        flowers[`flowers/${label}/${f}`] = await readFile(path.join(dir, f));
    }
    await worker.ready;
  }, 60_000);

  const post = (datasetId: string, body: Buffer, token = owner.token) =>
    fetch(t.api.url.replace("/graphql", `/datasets/${datasetId}/archive`), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/zip" },
      body,
    });
  const finished = (jobId: string) =>
    until("the import to end", async () => {
      const job = (await t.gql<{ job: JobView }>(JOB, { id: jobId }, owner.token)).data?.job;
      return job && ["SUCCEEDED", "FAILED", "CANCELLED"].includes(job.status) ? job : undefined;
    });

  it("imports class folders as labels, reports a non-image, and streams progress to the end", async () => {
    const zip = await zipOf({ ...flowers, "flowers/rose/notes.txt": Buffer.from("not a photo") });
    const response = await post(owner.datasetId, zip);
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    const updates = await collectSubscription<{ jobProgress: JobView }>(
      t.api.url,
      `subscription($id: ID!) { jobProgress(id: $id) { status result { ...Imported } progress { done total } } } ${IMPORTED}`,
      { id: jobId },
      owner.token,
    );
    const last = updates.at(-1)?.data?.jobProgress;
    expect(last?.status).toBe("SUCCEEDED");
    expect(last?.progress).toEqual({ done: 13, total: 13 });
    expect(last?.result).toMatchObject({ accepted: 12, duplicates: 0, rejected: 1 });
    expect(last?.result.rejections[0]).toMatchObject({
      name: "flowers/rose/notes.txt",
      reason: expect.stringMatching(/not an image/),
    });
    const labels = await t.gql<{ dataset: { labels: { name: string; imageCount: number }[] } }>(
      "query($d: ID!) { dataset(id: $d) { labels { name imageCount } } }",
      { d: owner.datasetId },
      owner.token,
    );
    expect(labels.data?.dataset.labels).toEqual([
      { name: "daisy", imageCount: 6 },
      { name: "rose", imageCount: 6 },
    ]);
    // The archive itself is not kept once imported.
    await archivesDropped(t);
  }, 90_000);

  it("a second import of the same photos reports duplicates and stores nothing twice (GraphQL, base64)", async () => {
    const zip = await zipOf(flowers);
    const started = await t.gql<{ importArchive: { id: string } }>(
      "mutation($d: ID!, $b: String!) { importArchive(datasetId: $d, base64: $b) { id } }",
      { d: owner.datasetId, b: zip.toString("base64") },
      owner.token,
    );
    const job = await finished(started.data?.importArchive.id ?? "");
    expect(job.result).toMatchObject({ accepted: 0, duplicates: 12 });
    expect(await t.db.image.count({ where: { datasetId: owner.datasetId } })).toBe(12);
  }, 60_000);

  it("refuses a path-traversal archive whole, and a file that is not a zip at once", async () => {
    const zip = await zipOf({ "daisy/a.jpg": Object.values(flowers)[0] as Buffer, "xx/evil.jpg": Buffer.from("x") });
    const evil = Buffer.from(zip.toString("latin1").replaceAll("xx/evil.jpg", "../evil.jpg"), "latin1");
    const before = await t.db.image.count();
    const { jobId } = (await (await post(owner.datasetId, evil)).json()) as { jobId: string };
    const job = await finished(jobId);
    expect(job.status).toBe("FAILED");
    expect(job.error).toMatch(/path outside its folder \(\.\.\/evil\.jpg\)/);
    expect(await t.db.image.count()).toBe(before);

    const notZip = await post(owner.datasetId, Buffer.from("hello"));
    expect(notZip.status).toBe(400);
    expect(await notZip.json()).toEqual({
      error: { message: "That file is not a zip archive.", code: "BAD_USER_INPUT", field: "archive" },
    });
  }, 60_000);

  it("answers NOT_FOUND for another workspace's dataset", async () => {
    const outsider = (await t.signUp("outsider@example.com")).token;
    const response = await post(owner.datasetId, await zipOf(flowers), outsider);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    const viaGraphQL = await t.gql(
      'mutation($d: ID!) { importArchive(datasetId: $d, base64: "UEsDBA==") { id } }',
      { d: owner.datasetId },
      outsider,
    );
    expect(viaGraphQL.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
