// Vectors stored by extraction: byte for byte, and once however often a chunk is stored; the progress counter
// counts what each insert added, in the insert's own statement.
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.js";
import { bottlenecksRepository } from "../src/repositories/bottlenecks.js";
import { bytesToVector, vectorToBytes } from "../src/vectors.js";
import { datasetAndBaseModel } from "./dataset-fixture.js";

describe("storing a chunk of vectors", () => {
  let db: Db;
  let baseModelId: string;
  let datasetId: string;
  const imageIds: string[] = [];
  beforeAll(async () => {
    ({ db } = await useTestDatabase());
    const fixture = await datasetAndBaseModel(db, 3);
    baseModelId = fixture.baseModelId;
    datasetId = fixture.datasetId;
    const shas = Array.from({ length: 1200 }, (_, i) => `s${i}`);
    await db.blob.createMany({
      data: shas.map((sha256) => ({ sha256, bytes: Buffer.alloc(0), size: 0, mimeType: "image/jpeg" })),
    });
    await db.image.createMany({
      data: shas.map((sha256) => ({
        datasetId: fixture.datasetId,
        split: "TRAIN" as const,
        sha256,
        width: 1,
        height: 1,
        format: "jpeg",
        originalName: sha256,
      })),
    });
    const images = await db.image.findMany({ where: { datasetId: fixture.datasetId }, select: { id: true } });
    imageIds.push(...images.map((image) => image.id));
  });

  it("keeps every float, in more rows than one statement carries, and adds nothing when stored again", async () => {
    const vectors = imageIds.map((_, i) => new Float32Array([i, -i / 3, Math.PI * i]));
    const rows = imageIds.map((imageId, i) => ({
      imageId,
      baseModelId,
      dim: 3,
      vector: vectorToBytes(vectors[i] as Float32Array),
    }));
    const repository = bottlenecksRepository(db);
    const counter = { datasetId, baseModelId };
    const counted = async () =>
      Number((await db.extractionCounter.findUnique({ where: { datasetId_baseModelId: counter } }))?.stored ?? 0);
    expect(await repository.saveMany(rows.slice(0, 600))).toEqual({ count: 600 });
    expect(await counted()).toBe(0);
    // Counted: only the rows each insert added (the first 600 were there already).
    expect(await repository.saveMany(rows, counter)).toEqual({ count: 600 });
    expect(await counted()).toBe(600);
    expect(await repository.saveMany(rows.slice(0, 10), counter)).toEqual({ count: 0 });
    expect(await counted()).toBe(600);
    const stored = await db.bottleneck.findMany({ where: { baseModelId }, select: { imageId: true, vector: true } });
    expect(stored).toHaveLength(1200);
    const byImage = new Map(stored.map((row) => [row.imageId, bytesToVector(row.vector)]));
    for (const [i, imageId] of imageIds.entries()) expect(byImage.get(imageId)).toEqual(vectors[i]);
  });

  it("records failures, counting each image's first only, and keeps the latest reason", async () => {
    const repository = bottlenecksRepository(db);
    const counter = { datasetId, baseModelId };
    const before = Number(
      (await db.extractionCounter.findUnique({ where: { datasetId_baseModelId: counter } }))?.stored,
    );
    const [a, b] = imageIds;
    await repository.recordFailures(
      [
        { imageId: a ?? "", reason: "truncated" },
        { imageId: b ?? "", reason: "not an image" },
      ],
      baseModelId,
      datasetId,
    );
    await repository.recordFailures([{ imageId: a ?? "", reason: "truncated again" }], baseModelId, datasetId);
    await repository.recordFailures([], baseModelId, datasetId);
    const after = Number(
      (await db.extractionCounter.findUnique({ where: { datasetId_baseModelId: counter } }))?.stored,
    );
    expect(after - before).toBe(2);
    const failures = await db.extractionFailure.findMany({ where: { baseModelId }, orderBy: { reason: "asc" } });
    expect(failures.map((f) => [f.imageId, f.reason])).toEqual([
      [b, "not an image"],
      [a, "truncated again"],
    ]);
  });
});
