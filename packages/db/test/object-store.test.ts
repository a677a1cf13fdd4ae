// The blob store's seam against a real S3-compatible server (Ceph's RADOS Gateway, started here): what a row
// holds, where bytes are read from, archives in parts, and which objects the sweeper may delete.
import { createHash, randomBytes } from "node:crypto";
import { type RadosGateway, startRadosGateway, type TestDatabase, useTestDatabase } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bytesKey,
  createPrismaClient,
  type Db,
  datasetsRepository,
  imagesRepository,
  type ObjectStore,
  sweepOrphanObjects,
  thumbnailKey,
} from "../src/index.js";
import { signedObjectReads } from "../src/object-store/signed-reads.js";
import { storeChunkedBlob } from "../src/repositories/chunked-blobs.js";
import { s3ObjectStore } from "../src/s3.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const blob = (size = 2000) => {
  const bytes = new Uint8Array(randomBytes(size));
  return { sha256: sha(bytes), bytes, mimeType: "image/jpeg", thumbnail: new Uint8Array(randomBytes(100)) };
};
const anImage = (datasetId: string, name: string) => ({
  datasetId,
  split: "TRAIN" as const,
  width: 1,
  height: 1,
  format: "jpeg",
  originalName: name,
});

describe("blobs in an object store", () => {
  let gateway: RadosGateway;
  let store: ObjectStore;
  let t: TestDatabase;
  /** The same database through a client without an object store (BLOB_STORE=postgres). */
  let plain: Db;
  let workspaceId: string;
  afterAll(async () => {
    await plain?.$disconnect();
    await gateway?.stop();
  });

  beforeAll(async () => {
    gateway = await startRadosGateway();
    store = s3ObjectStore(gateway.options("retrain-db-test"));
    await store.ensureBucket();
    await store.ensureBucket(); // a second start finds it
    t = await useTestDatabase({ objectStore: store });
    plain = createPrismaClient(t.url, { max: 2 });
    workspaceId = (await t.db.workspace.create({ data: { name: "W", slug: "w" } })).id;
  }, 120_000);

  const dataset = async (name: string) => (await t.db.dataset.create({ data: { workspaceId, name } })).id;

  it("writes an image's bytes and thumbnail as objects; its row names them and holds no bytes", async () => {
    const b = blob();
    const image = await imagesRepository(t.db).createWithBlob(b, anImage(await dataset("one"), "a.jpg"));
    const row = await t.db.blob.findUniqueOrThrow({ where: { sha256: b.sha256 } });
    expect(row).toMatchObject({ inObjectStore: true, size: b.bytes.length, thumbnail: null });
    expect(row.bytes).toHaveLength(0);
    expect((await store.get(bytesKey(b.sha256)))?.equals(b.bytes)).toBe(true);
    expect(Buffer.from((await imagesRepository(t.db).bytes(image.id))?.bytes ?? []).equals(b.bytes)).toBe(true);
    const thumbnail = await (await imagesRepository(t.db).thumbnail(image.id))?.read();
    expect(thumbnail?.mimeType).toBe("image/webp");
    expect(Buffer.from(thumbnail?.bytes ?? []).equals(b.thumbnail)).toBe(true);
    // A process without the store says what to set, rather than answering with empty bytes.
    await expect(imagesRepository(plain).bytes(image.id)).rejects.toThrow(/BLOB_STORE=s3/);
  });

  it("writes one object for an image that is its own thumbnail, and serves its bytes as the thumbnail", async () => {
    const { thumbnail: _, ...b } = { ...blob(), thumbnailIsImage: true };
    const image = await imagesRepository(t.db).createWithBlob(b, anImage(await dataset("own"), "small.jpg"));
    expect(await t.db.blob.findUniqueOrThrow({ where: { sha256: b.sha256 } })).toMatchObject({
      inObjectStore: true,
      thumbnailIsImage: true,
    });
    expect(await store.get(thumbnailKey(b.sha256))).toBeNull();
    const thumbnail = await (await imagesRepository(t.db).thumbnail(image.id))?.read();
    expect(thumbnail?.mimeType).toBe("image/jpeg");
    expect(Buffer.from(thumbnail?.bytes ?? []).equals(b.bytes)).toBe(true);
  });

  it("keeps reading bytes stored in PostgreSQL before the switch, from their rows", async () => {
    const b = blob();
    const image = await imagesRepository(plain).createWithBlob(b, anImage(await dataset("before"), "old.jpg"));
    expect(await store.get(bytesKey(b.sha256))).toBeNull();
    const read = await imagesRepository(t.db).bytesOfMany([image.id], workspaceId);
    expect(Buffer.from(read.get(image.id) ?? []).equals(b.bytes)).toBe(true);
  });

  it("stores an archive in parts and reads it back in order", async () => {
    const chunks = Array.from({ length: 20 }, () => randomBytes(1024 * 1024));
    const whole = Buffer.concat(chunks);
    const sha256 = sha(whole);
    await storeChunkedBlob(t.db, { sha256, size: whole.length, mimeType: "application/zip" }, chunks.values() as never);
    expect(await t.db.blobChunk.count({ where: { sha256 } })).toBe(0);
    const read: Uint8Array[] = [];
    for await (const chunk of imagesRepository(t.db).blobChunks(sha256)) read.push(chunk);
    expect(sha(Buffer.concat(read))).toBe(sha256);
  });

  it("deleting a dataset drops only the blobs no other dataset shares; the sweep then deletes their objects", async () => {
    const [shared, own] = [blob(), blob()];
    const [first, second] = [await dataset("first"), await dataset("second")];
    await imagesRepository(t.db).createWithBlob(shared, anImage(first, "shared.jpg"));
    await imagesRepository(t.db).createWithBlob(own, anImage(first, "own.jpg"));
    await imagesRepository(t.db).createWithBlob(shared, anImage(second, "shared.jpg"));
    await datasetsRepository(t.db).delete(first);
    expect(await t.db.blob.findUnique({ where: { sha256: own.sha256 } })).toBeNull();
    expect(await t.db.blob.findUnique({ where: { sha256: shared.sha256 } })).not.toBeNull();

    // Dated an hour ago, the sweep leaves objects written since (an upload between its object and its row).
    expect(await sweepOrphanObjects(t.db, new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await store.get(bytesKey(own.sha256))).not.toBeNull();
    // Dated now: the deleted blob's two objects go; the archive's (its row stays) and the shared blob's stay.
    expect(await sweepOrphanObjects(t.db, new Date(Date.now() + 1000))).toBe(2);
    expect(await store.get(bytesKey(own.sha256))).toBeNull();
    expect(await store.get(thumbnailKey(own.sha256))).toBeNull();
    expect(await store.get(bytesKey(shared.sha256))).not.toBeNull();
  });

  it("answers null for a missing object, and deletes keys that do not exist without error", async () => {
    expect(await store.get(bytesKey("0".repeat(64)))).toBeNull();
    await store.put(bytesKey("1".repeat(64)), new Uint8Array([1, 2, 3]), "image/png");
    await store.delete([bytesKey("1".repeat(64)), bytesKey("never-written")]);
    expect(await store.get(bytesKey("1".repeat(64)))).toBeNull();
  });

  it("reads objects as signed requests, and leaves to the SDK what they cannot read", async () => {
    const options = gateway.options("retrain-db-test");
    const credentials = { accessKeyId: options.accessKeyId ?? "", secretAccessKey: options.secretAccessKey ?? "" };
    const reads = signedObjectReads({
      ...options,
      endpoint: options.endpoint ?? "",
      region: options.region,
      credentials,
    });
    // A key that must be escaped in the path (and signed escaped once, as S3 does).
    const key = "odd keys/a+b é=1.bin";
    const bytes = new Uint8Array(randomBytes(3000));
    await store.put(key, bytes, "application/octet-stream");
    expect(Buffer.from((await reads(key)) as Buffer).equals(bytes)).toBe(true);
    expect(await reads("odd keys/none")).toBeNull();

    // Wrong credentials: not "missing", but the SDK's turn, which names the error.
    const wrong = { ...options, secretAccessKey: "not-the-secret" };
    const refused = signedObjectReads({
      ...wrong,
      endpoint: options.endpoint ?? "",
      credentials: { ...credentials, secretAccessKey: "not-the-secret" },
    });
    expect(await refused(key)).toBe("ask-sdk");
    await expect(s3ObjectStore(wrong).get(key)).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
  });
});
