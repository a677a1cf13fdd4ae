import { describe, expect, it } from "vitest";
import { seededRandom } from "../data/random.js";
import { rowsInMemory } from "../data/vector-rows.js";
import { datasetMap } from "./dataset-map.js";
import { nearestNeighbours } from "./vector-index.js";

const DIM = 32;

/** Three tight clusters of 80 points in 32-d. */
function clusters() {
  const random = seededRandom(11);
  const centres = [0, 1, 2].map(() => Float32Array.from({ length: DIM }, () => random() - 0.5));
  const x = new Float32Array(240 * DIM);
  const label = Int32Array.from({ length: 240 }, (_, i) => i % 3);
  for (let i = 0; i < 240; i++)
    for (let d = 0; d < DIM; d++) x[i * DIM + d] = (centres[label[i] ?? 0]?.[d] ?? 0) + 0.05 * (random() - 0.5);
  return { x, label };
}

const distance = (p: Float32Array, a: number, b: number) =>
  Math.hypot((p[a * 2] ?? 0) - (p[b * 2] ?? 0), (p[a * 2 + 1] ?? 0) - (p[b * 2 + 1] ?? 0));

describe("dataset map", () => {
  it("keeps clusters apart, in [0, 1], and draws the same map for the same seed", async () => {
    const { x, label } = clusters();
    const neighbours = await nearestNeighbours(rowsInMemory(x, DIM), 240, 10);
    const first = await datasetMap(neighbours, { seed: 3, epochs: 100 });
    const second = await datasetMap(neighbours, { seed: 3, epochs: 100 });
    expect(first.points).toHaveLength(480);
    expect([...first.points].every((v) => v >= 0 && v <= 1)).toBe(true);
    expect([...second.points]).toEqual([...first.points]);
    // Each point's nearest point on the map is of its own cluster.
    let sameCluster = 0;
    for (let a = 0; a < 240; a++) {
      let nearest = -1;
      for (let b = 0; b < 240; b++)
        if (b !== a && (nearest < 0 || distance(first.points, a, b) < distance(first.points, a, nearest))) nearest = b;
      if (label[nearest] === label[a]) sameCluster++;
    }
    expect(sameCluster).toBe(240);
  });

  it("places a handful of images without UMAP", async () => {
    const neighbours = await nearestNeighbours(
      rowsInMemory(
        new Float32Array(4 * DIM).map((_, i) => (i % 7) + 1),
        DIM,
      ),
      4,
      10,
    );
    expect((await datasetMap(neighbours)).points).toHaveLength(8);
  });
});
