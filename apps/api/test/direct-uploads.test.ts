// Direct uploads against Ceph's RADOS Gateway (the test starts a one-node cluster): a client PUTs a file's
// bytes to a presigned URL, straight into the bucket, and the API stores what it finds there as an image,
// answering each file as uploadImages does; the signed length refuses any other size; a key of another
// dataset, a viewer, an outsider and a server without an S3 store are refused with their codes; an upload
// never finished is swept.
import { createHash } from "node:crypto";
import { bytesKey, type ObjectStore, sweepOrphanObjects } from "@retrain/db";
import { s3ObjectStore } from "@retrain/db/s3";
import { flowerUploads, type RadosGateway, startRadosGateway } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./api-client.js";
import { apiToken, workspaceWithDataset } from "./fixtures.js";

const BUCKET = "retrain-direct-uploads";
const START = `mutation($d: ID!, $f: [DirectUploadFileInput!]!) {
  startDirectUploads(datasetId: $d, files: $f) { name key url expiresAt }
}`;
const FINISH = `mutation($d: ID!, $u: [FinishedUploadInput!]!) {
  finishDirectUploads(datasetId: $d, uploads: $u) { name status imageId reason }
}`;

interface Started {
  startDirectUploads: { name: string; key: string; url: string; expiresAt: string }[];
}
interface Finished {
  finishDirectUploads: { name: string; status: string; imageId: string | null; reason: string | null }[];
}

describe("direct uploads to the S3 store", () => {
  let gateway: RadosGateway;
  let store: ObjectStore;
  let t: TestApi;
  let owner: Awaited<ReturnType<typeof workspaceWithDataset>>;
  afterAll(async () => {
    await gateway?.stop();
  });

  beforeAll(async () => {
    gateway = await startRadosGateway();
    store = s3ObjectStore(gateway.options(BUCKET));
    await store.ensureBucket();
    t = await startTestApi({ objectStore: store });
    owner = await workspaceWithDataset(t, "direct@example.com");
  }, 120_000);

  const start = (files: { name: string; size: number }[], token = owner.token, datasetId = owner.datasetId) =>
    t.gql<Started>(START, { d: datasetId, f: files }, token);
  const put = (url: string, bytes: Buffer) => fetch(url, { method: "PUT", body: bytes });
  const staged = async () => {
    const keys: string[] = [];
    for await (const object of store.list("uploads/")) keys.push(object.key);
    return keys;
  };

  it("stores files PUT to their URLs as images, a result per file as uploadImages gives, and clears what it read", async () => {
    const files = (await flowerUploads(["daisy", "tulip"], 2)).map((f) => ({
      ...f,
      bytes: Buffer.from(f.base64, "base64"),
    }));
    const unreadable = Buffer.from("not an image at all");
    const wanted = [...files, { name: "broken.jpg", bytes: unreadable, label: "daisy" }];
    const started = await start(wanted.map((f) => ({ name: f.name, size: f.bytes.length })));
    const urls = started.data?.startDirectUploads ?? [];
    expect(urls.map((u) => u.name)).toEqual(wanted.map((f) => f.name));
    expect(new Date(urls[0]?.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    for (const [i, file] of wanted.entries()) expect((await put(urls[i]?.url ?? "", file.bytes)).status).toBe(200);
    // Uploaded, not yet stored: the bytes wait under the staging prefix; no image exists yet.
    expect(await staged()).toHaveLength(wanted.length);
    expect(await t.db.image.count()).toBe(0);

    const finish = (uploads: unknown[]) => t.gql<Finished>(FINISH, { d: owner.datasetId, u: uploads }, owner.token);
    // The first file twice (a duplicate of itself), and a key that was handed out but never PUT.
    const [never] = (await start([{ name: "never.jpg", size: 10 }])).data?.startDirectUploads ?? [];
    const uploads = [
      ...wanted.map((f, i) => ({ key: urls[i]?.key, name: f.name, label: f.label })),
      { key: never?.key, name: "never.jpg" },
    ];
    const results = (await finish(uploads)).data?.finishDirectUploads ?? [];
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ...files.map((f) => [f.name, "ACCEPTED"]),
      ["broken.jpg", "REJECTED"],
      ["never.jpg", "REJECTED"],
    ]);
    expect(results.at(-1)?.reason).toMatch(/Nothing was uploaded/);
    const images = await t.db.image.findMany({ include: { label: true, blob: { select: { inObjectStore: true } } } });
    expect(images.map((i) => [i.originalName, i.label?.name]).sort()).toEqual(
      files.map((f) => [f.name, f.label]).sort(),
    );
    expect(images.every((i) => i.blob.inObjectStore)).toBe(true);
    const first = files[0]?.bytes ?? Buffer.alloc(0);
    const stored = await store.get(bytesKey(createHash("sha256").update(first).digest("hex")));
    expect(stored?.equals(first)).toBe(true);
    expect(await staged()).toEqual([]);
    // Finishing again finds nothing: nothing is stored twice.
    const again = (await finish(uploads.slice(0, 1))).data?.finishDirectUploads;
    expect(again?.map((r) => r.status)).toEqual(["REJECTED"]);
    expect(await t.db.image.count()).toBe(files.length);
  });

  it("refuses a PUT of another length than the one signed, and a file over 20 MB before any URL", async () => {
    const [url] = (await start([{ name: "small.jpg", size: 100 }])).data?.startDirectUploads ?? [];
    expect((await put(url?.url ?? "", Buffer.alloc(5000, 1))).status).toBe(403);
    expect(await staged()).toEqual([]);
    const large = await start([{ name: "huge.jpg", size: 20 * 1024 * 1024 + 1 }]);
    expect(large.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "files.0.size" });
  });

  it("takes only keys of the dataset's own uploads; viewers, READ and PREDICT tokens and outsiders are refused", async () => {
    const other = await t.gql<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "other") { id } }',
      { w: owner.workspaceId },
      owner.token,
    );
    const [elsewhere] =
      (await start([{ name: "x.jpg", size: 10 }], owner.token, other.data?.createDataset.id)).data
        ?.startDirectUploads ?? [];
    const wrong = await t.gql<Finished>(
      FINISH,
      { d: owner.datasetId, u: [{ key: elsewhere?.key, name: "x.jpg" }] },
      owner.token,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "uploads.0.key" });
    const traversal = await t.gql<Finished>(
      FINISH,
      { d: owner.datasetId, u: [{ key: `uploads/${owner.datasetId}/../blobs/x`, name: "x.jpg" }] },
      owner.token,
    );
    expect(traversal.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "uploads.0.key" });

    const viewer = (await t.join(owner.token, owner.workspaceId, "direct-viewer@example.com", "VIEWER")).token;
    const token = (scope: "READ" | "WRITE" | "PREDICT") => apiToken(t, owner.token, scope);
    for (const who of [viewer, await token("READ"), await token("PREDICT")]) {
      expect((await start([{ name: "v.jpg", size: 10 }], who)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const finished = await t.gql<Finished>(
        FINISH,
        { d: owner.datasetId, u: [{ key: elsewhere?.key, name: "v.jpg" }] },
        who,
      );
      expect(finished.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await start([{ name: "w.jpg", size: 10 }], await token("WRITE"))).data?.startDirectUploads).toHaveLength(1);
    const outsider = await workspaceWithDataset(t, "direct-outsider@example.com");
    expect((await start([{ name: "o.jpg", size: 10 }], outsider.token)).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    const fromOutside = await t.gql<Finished>(
      FINISH,
      { d: owner.datasetId, u: [{ key: elsewhere?.key, name: "o.jpg" }] },
      outsider.token,
    );
    expect(fromOutside.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("sweeps an upload never finished once it is older than the sweep's date", async () => {
    const [url] = (await start([{ name: "left.jpg", size: 3 }])).data?.startDirectUploads ?? [];
    expect((await put(url?.url ?? "", Buffer.from("abc"))).status).toBe(200);
    expect(await sweepOrphanObjects(t.db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await staged()).toEqual([url?.key]);
    expect(await sweepOrphanObjects(t.db, new Date(Date.now() + 1000))).toBe(1);
    expect(await staged()).toEqual([]);
  });
});

describe("direct uploads without an S3 store", () => {
  it("are a CONFLICT that says to send the bytes to the API; uploadOptions says neither way is open", async () => {
    const t = await startTestApi();
    const owner = await workspaceWithDataset(t, "no-s3@example.com");
    const answer = await t.gql(START, { d: owner.datasetId, f: [{ name: "a.jpg", size: 10 }] }, owner.token);
    expect(answer.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(answer.errors?.[0]?.message).toMatch(/BLOB_STORE=s3/);
    // What the dashboard asks before it chooses: neither way to the store; and only of a signed-in caller.
    const OPTIONS = "{ uploadOptions { direct fromBrowsers } }";
    expect((await t.gql(OPTIONS, {}, owner.token)).data).toEqual({
      uploadOptions: { direct: false, fromBrowsers: false },
    });
    expect((await t.gql(OPTIONS, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // A READ or WRITE token reads it as a session does; a PREDICT token predicts and nothing else.
    for (const scope of ["READ", "WRITE"] as const)
      expect((await t.gql(OPTIONS, {}, await apiToken(t, owner.token, scope))).data).toEqual({
        uploadOptions: { direct: false, fromBrowsers: false },
      });
    const predictOnly = await t.gql(OPTIONS, {}, await apiToken(t, owner.token, "PREDICT"));
    expect(predictOnly.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
