// The API process killed (SIGKILL) while several members upload batches of real photos: every file it
// answered ACCEPTED is stored whole, nothing half-written remains, and uploading again after a restart
// completes the set without a duplicate.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { graphqlRequest, sharedDir, signUpAt, startApiProcess, useTestDatabase } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const UPLOAD =
  "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { name status imageId } }";
const CLIENTS = 4;
const BATCH = 8;

interface File {
  name: string;
  base64: string;
  label: string;
  sha256: string;
}

describe("the API killed in the middle of uploads", () => {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let env: Record<string, string>;
  let files: File[];
  const apis: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  afterAll(() => {
    for (const api of apis) api.kill();
  });

  beforeAll(async () => {
    database = await useTestDatabase();
    env = { DATABASE_URL: database.url, MODEL_CACHE_DIR: path.join(os.tmpdir(), "retrain-crash-models") };
    const root = path.join(sharedDir(), "datasets/flowers_small");
    files = [];
    for (const label of ["daisy", "tulip"]) {
      for (const name of (await readdir(path.join(root, label))).sort().slice(0, 80)) {
        const bytes = await readFile(path.join(root, label, name));
        files.push({
          name: `${label}/${name}`,
          base64: bytes.toString("base64"),
          label,
          sha256: createHash("sha256").update(bytes).digest("hex"),
        });
      }
    }
  });

  it("keeps every accepted file whole, leaves nothing half-written, and completes after a restart", async () => {
    const first = await startApiProcess(env);
    apis.push(first);
    const token = await signUpAt(first.url, "crash@example.com");
    const ws = await graphqlRequest<{ createWorkspace: { id: string } }>(
      first.url,
      'mutation { createWorkspace(name: "Crash") { id } }',
      {},
      token,
    );
    const ds = await graphqlRequest<{ createDataset: { id: string } }>(
      first.url,
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "D") { id } }',
      { w: ws.data?.createWorkspace.id },
      token,
    );
    const datasetId = ds.data?.createDataset.id ?? "";

    // Four members upload batches at once; the API is killed once a few batches have been answered.
    const accepted = new Map<string, string>(); // imageId -> sha256
    let answered = 0;
    const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, i) =>
      files.slice(i * BATCH, (i + 1) * BATCH),
    );
    const client = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const answer = await graphqlRequest<{ uploadImages: { name: string; status: string; imageId: string }[] }>(
          first.url,
          UPLOAD,
          { d: datasetId, f: batch.map(({ sha256: _, ...f }) => f) },
          token,
        ).catch(() => undefined); // the connection dropped with the process
        if (!answer?.data) return;
        for (const [i, result] of answer.data.uploadImages.entries())
          if (result.status === "ACCEPTED") accepted.set(result.imageId, batch[i]?.sha256 ?? "");
        if (++answered === 3) first.kill();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await first.exited;
    expect(accepted.size).toBeGreaterThanOrEqual(3 * BATCH);
    expect(accepted.size).toBeLessThan(files.length);

    // Every accepted file is there, its bytes whole (they hash to the name they are stored under).
    const stored = await database.db.image.findMany({
      where: { id: { in: [...accepted.keys()] } },
      select: { id: true, sha256: true, blob: { select: { bytes: true, size: true } } },
    });
    expect(stored).toHaveLength(accepted.size);
    for (const image of stored) {
      expect(image.sha256).toBe(accepted.get(image.id));
      expect(createHash("sha256").update(image.blob.bytes).digest("hex")).toBe(image.sha256);
      expect(image.blob.size).toBe(image.blob.bytes.length);
    }
    // Nothing half-written: no bytes without their image.
    expect(await database.db.blob.count({ where: { images: { none: {} } } })).toBe(0);

    // Started again, the same uploads complete the set: what was stored is a duplicate, the rest is accepted.
    const second = await startApiProcess(env);
    apis.push(second);
    const statuses: Record<string, number> = {};
    for (let i = 0; i < files.length; i += 40) {
      const answer = await graphqlRequest<{ uploadImages: { status: string }[] }>(
        second.url,
        UPLOAD,
        { d: datasetId, f: files.slice(i, i + 40).map(({ sha256: _, ...f }) => f) },
        token,
      );
      for (const r of answer.data?.uploadImages ?? []) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
    expect(statuses.DUPLICATE ?? 0).toBeGreaterThanOrEqual(accepted.size); // and any stored but unanswered
    expect((statuses.ACCEPTED ?? 0) + (statuses.DUPLICATE ?? 0)).toBe(files.length);
    expect(await database.db.image.count({ where: { datasetId } })).toBe(files.length);
  }, 180_000);
});
