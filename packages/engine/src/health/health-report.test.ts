import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../data/random.js";
import { rowsInFile } from "../data/vector-rows.js";
import type { HealthSplit } from "./balance.js";
import { datasetHealth, foldEpochs } from "./health-report.js";

const DIM = 64;
const random = seededRandom(3);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const direction = () => Float32Array.from({ length: DIM }, gaussian);

/**
 * Three classes of 60 points around their own directions, with what a real dataset hides: 5 copies of images
 * in another split (tiny noise), 6 flipped labels, and 3 strays pointing nowhere near any class.
 */
function plantedDataset() {
  const centres = [direction(), direction(), direction()];
  const rows: { v: Float32Array; label: number; split: HealthSplit }[] = [];
  for (const [label, centre] of centres.entries())
    for (let i = 0; i < 60; i++)
      rows.push({
        v: centre.map((c) => c + 0.45 * gaussian()),
        label,
        split: i % 10 === 0 ? "validation" : i % 10 === 1 ? "test" : "train",
      });
  const copies = [3, 70, 130, 150, 20].map((of) => {
    const source = rows[of] ?? rows[0];
    if (!source) throw new Error("no row");
    rows.push({ v: source.v.map((x) => x + 0.002 * gaussian()), label: source.label, split: "test" });
    return [of, rows.length - 1];
  });
  const flipped = [5, 45, 66, 99, 140, 170];
  for (const i of flipped) {
    const row = rows[i];
    if (row) row.label = (row.label + 1) % 3;
  }
  const strays = [0, 1, 2].map(() => {
    rows.push({ v: direction().map((x) => x * 3), label: Math.floor(random() * 3), split: "train" });
    return rows.length - 1;
  });
  const x = new Float32Array(rows.length * DIM);
  for (const [i, r] of rows.entries()) x.set(r.v, i * DIM);
  return {
    vectors: { x, y: Int32Array.from(rows, (r) => r.label), dim: DIM },
    splits: rows.map((r) => r.split),
    copies,
    flipped,
    strays,
  };
}

type Planted = ReturnType<typeof plantedDataset>;
type Report = Awaited<ReturnType<typeof datasetHealth>>;

/** What a report must find in the planted dataset, however its vectors were read. */
function expectPlantedFound(report: Report, planted: Planted) {
  for (const [original, copy] of planted.copies)
    expect(report.duplicates.some((g) => g.members.includes(original ?? -1) && g.members.includes(copy ?? -1))).toBe(
      true,
    );
  expect(report.duplicates.length).toBe(planted.copies.length);
  const flagged = new Set(report.mislabeled.map((m) => m.index));
  expect(planted.flipped.filter((i) => flagged.has(i)).length).toBeGreaterThanOrEqual(5);
  const isolated = report.strays.map((s) => s.index);
  for (const stray of planted.strays) expect(isolated).toContain(stray);
}

const OPTIONS = { duplicateDistance: 0.01, strays: 10, epochs: 30 };

describe("dataset health", () => {
  it("finds the planted copies, flipped labels and strays, and leaks no tensor", async () => {
    const planted = plantedDataset();
    const before = tf.memory().numTensors;
    const report = await datasetHealth({
      vectors: planted.vectors,
      splits: planted.splits,
      labelNames: ["a", "b", "c"],
      options: OPTIONS,
    });
    expect(tf.memory().numTensors).toBe(before);
    expectPlantedFound(report, planted);

    expect(report.duplicates.every((g) => g.crossesSplits || g.members.length > 1)).toBe(true);
    for (const issue of report.mislabeled.filter((m) => planted.flipped.includes(m.index)))
      expect(issue.suggestedLabel).toBe((issue.givenLabel + 2) % 3);

    expect(report.balance.perClass.map((c) => c.total)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(report.balance.small).toEqual([]);
  }, 60_000);

  it("finds the same from a set streamed out of a file, and maps a sample of a large set", async () => {
    const planted = plantedDataset();
    const dir = mkdtempSync(path.join(os.tmpdir(), "health-"));
    const file = path.join(dir, "vectors.f32");
    writeFileSync(file, new Uint8Array(planted.vectors.x.buffer));
    const rows = rowsInFile(file, DIM);
    try {
      const before = tf.memory().numTensors;
      const report = await datasetHealth({
        vectors: { rows, y: planted.vectors.y, dim: DIM },
        splits: planted.splits,
        labelNames: ["a", "b", "c"],
        options: { ...OPTIONS, map: true, mapPoints: 50 },
      });
      expect(tf.memory().numTensors).toBe(before);
      expectPlantedFound(report, planted);
      const mapped = report.map?.rows ?? [];
      expect(mapped).toHaveLength(50);
      expect(new Set(mapped).size).toBe(50);
      expect(mapped.every((row) => row >= 0 && row < planted.splits.length)).toBe(true);
      expect(report.map?.points).toHaveLength(100);
    } finally {
      rows.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("says which classes are small and which splits lack a class", async () => {
    const { balanceOf } = await import("./balance.js");
    const balance = balanceOf(
      Int32Array.from([0, 0, 1, 1, 1]),
      ["train", "test", "train", "train", "train"],
      ["x", "y"],
    );
    expect(balance.small).toEqual(["x", "y"]);
    expect(balance.missing).toEqual([{ split: "test", labels: ["y"] }]);
  });

  it("trains out-of-fold heads for fewer epochs on big datasets, about as many updates as at 5,000 images", () => {
    expect(foldEpochs(25, 4_377)).toBe(25);
    expect(foldEpochs(25, 20_000)).toBe(6);
    expect(foldEpochs(25, 100_000)).toBe(3);
  });
});
