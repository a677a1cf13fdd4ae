// BLOB_STORE=s3 end to end, against Ceph's RADOS Gateway (Debian's radosgw, on a one-node cluster the test
// starts): uploads and an archive import put bytes in the bucket, not in rows; the worker extracts from it;
// thumbnails are served from it (a small photo's own bytes, a larger one's WebP); deleting the dataset and
// sweeping leaves the bucket empty.
import { createHash } from "node:crypto";
import { bytesKey, type ObjectStore, sweepOrphanObjects, thumbnailKey } from "@retrain/db";
import { s3ObjectStore } from "@retrain/db/s3";
import { openJobQueue } from "@retrain/jobs";
import { flowerUploads, type RadosGateway, startRadosGateway } from "@retrain/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { archivesDropped, seededModelCache, upload, workspaceWithDataset, zipOf } from "./fixtures.js";
import { startWorker, until, type WorkerProcess } from "./worker-process.js";

const BUCKET = "retrain-api-test";
const JOB = "query($id: ID!) { job(id: $id) { status error } }";

describe("blobs in an S3-compatible store", () => {
  let gateway: RadosGateway;
  let store: ObjectStore;
  let t: TestApi;
  let worker: WorkerProcess;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  afterAll(async () => {
    worker?.kill();
    await gateway?.stop();
  });

  beforeAll(async () => {
    const modelCacheDir = await seededModelCache();
    gateway = await startRadosGateway();
    const settings = gateway.settings(BUCKET);
    store = s3ObjectStore(gateway.options(BUCKET));
    await store.ensureBucket();
    t = await startTestApi({ objectStore: store, modelCacheDir });
    worker = startWorker({ DATABASE_URL: t.url, MODEL_CACHE_DIR: modelCacheDir, EXTRACTION_THREADS: "1", ...settings });
    owner = await workspaceWithDataset(t, "s3@example.com");
    await worker.ready;
  }, 120_000);

  const keys = async () => {
    const found: string[] = [];
    for await (const object of store.list("")) found.push(object.key);
    return found.sort();
  };
  const waitForJob = (id: string) =>
    until("the job to end", async () => {
      const job = (await t.gql<{ job: { status: string; error: string | null } }>(JOB, { id }, owner.token)).data?.job;
      return job && ["SUCCEEDED", "FAILED"].includes(job.status) ? job : undefined;
    });

  it("stores uploaded and imported images as objects, rows naming them; the worker extracts from the bucket", async () => {
    const small = await flowerUploads(["daisy", "tulip"], 2);
    // One camera-sized photo: only it needs a thumbnail of its own (the 128-pixel flowers are their own).
    const large = await sharp(Buffer.from(small[0]?.base64 ?? "", "base64"))
      .resize(640, 480)
      .jpeg()
      .toBuffer();
    const uploads = [...small, { name: "large.jpg", base64: large.toString("base64"), label: "daisy" }];
    await upload(t, owner.token, owner.datasetId, uploads);
    const zipped = await flowerUploads(["rose"], 3, 2);
    const zip = await zipOf(Object.fromEntries(zipped.map((f) => [f.name, Buffer.from(f.base64, "base64")])));
    const posted = await fetch(t.api.url.replace("/graphql", `/datasets/${owner.datasetId}/archive`), {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/zip" },
      body: zip,
    });
    expect(posted.status).toBe(202);
    expect(await waitForJob(((await posted.json()) as { jobId: string }).jobId)).toEqual({
      status: "SUCCEEDED",
      error: null,
    });

    // The archive itself is not kept once imported.
    await archivesDropped(t);
    const blobs = await t.db.blob.findMany({ select: { sha256: true, bytes: true, inObjectStore: true } });
    expect(blobs).toHaveLength(8);
    expect(blobs.every((b) => b.inObjectStore && b.bytes.length === 0)).toBe(true);
    const hashes = [...uploads, ...zipped].map((f) =>
      createHash("sha256").update(Buffer.from(f.base64, "base64")).digest("hex"),
    );
    expect(blobs.map((b) => b.sha256).sort()).toEqual([...hashes].sort());
    // Each image's bytes, and the large one's thumbnail; the archive's object waits for the sweep (its row is gone).
    const largeHash = createHash("sha256").update(large).digest("hex");
    expect((await keys()).filter((k) => !k.startsWith("blobs/") || hashes.some((h) => k.endsWith(h)))).toEqual(
      [...hashes.map(bytesKey), thumbnailKey(largeHash)].sort(),
    );
    const stored = await store.get(bytesKey(hashes[0] ?? ""));
    expect(stored?.equals(Buffer.from(uploads[0]?.base64 ?? "", "base64"))).toBe(true);

    const models = await t.gql<{ baseModels: { id: string; key: string }[] }>(
      "{ baseModels { id key } }",
      {},
      owner.token,
    );
    const mobilenet = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id;
    const started = await t.gql<{ startExtraction: { id: string } }>(
      "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id } }",
      { d: owner.datasetId, m: mobilenet },
      owner.token,
    );
    expect(await waitForJob(started.data?.startExtraction.id ?? "")).toEqual({ status: "SUCCEEDED", error: null });
    expect(await t.db.bottleneck.count({ where: { baseModelId: mobilenet } })).toBe(8);
  });

  it("serves thumbnails from the bucket: a small photo's own bytes, a larger one's WebP", async () => {
    const served = async (originalName: string) => {
      const image = await t.db.image.findFirstOrThrow({ where: { datasetId: owner.datasetId, originalName } });
      const response = await fetch(t.api.url.replace("/graphql", `/thumbnails/${image.id}`), {
        headers: { authorization: `Bearer ${owner.token}` },
      });
      expect(response.status).toBe(200);
      return { image, type: response.headers.get("content-type"), bytes: Buffer.from(await response.arrayBuffer()) };
    };
    const large = await served("large.jpg");
    expect(large.type).toBe("image/webp");
    expect(large.bytes.equals((await store.get(thumbnailKey(large.image.sha256))) ?? Buffer.alloc(0))).toBe(true);
    const small = await served((await t.db.image.findFirstOrThrow({ where: { width: 128 } })).originalName);
    expect(small.type).toBe("image/jpeg");
    expect(small.bytes.equals((await store.get(bytesKey(small.image.sha256))) ?? Buffer.alloc(0))).toBe(true);
  });

  it("deleting the dataset drops its blobs' rows, and the sweep their objects (the archive's too)", async () => {
    const deleted = await t.gql<{ deleteDataset: boolean }>(
      "mutation($id: ID!) { deleteDataset(id: $id) }",
      { id: owner.datasetId },
      owner.token,
    );
    expect(deleted.data?.deleteDataset).toBe(true);
    expect(await t.db.blob.count()).toBe(0);
    expect((await keys()).length).toBeGreaterThan(0);
    // A sweep dated now: everything written before it that no row names goes.
    // 8 images' bytes, the large one's thumbnail, the archive.
    expect(await sweepOrphanObjects(t.db, new Date(Date.now() + 1000))).toBe(10);
    expect(await keys()).toEqual([]);
  });

  it("sweeps the store on one hourly cron for the whole deployment, and a sweep asked for now runs on a worker", async () => {
    // One schedule in the queue's own table, whatever the number of workers (each upserts the same row).
    const schedules = await t.db.$queryRaw<{ cron: string }[]>`
      SELECT cron FROM pgboss.schedule WHERE name = 'object-sweep'`;
    expect(schedules).toEqual([{ cron: "0 * * * *" }]);
    const queue = await openJobQueue(t.url);
    try {
      await queue.sendObjectSweep();
      await worker.printed("object store swept: deleted 0 objects");
    } finally {
      await queue.stop();
    }
  });
});
