import { describe, expect, it } from "vitest";
import { kMeans, randomProjection } from "./k-means.js";

describe("kMeans", () => {
  it("finds three well-separated blobs, each point with its own blob", () => {
    const points = [0, 10, 20].flatMap((c) =>
      Array.from({ length: 15 }, (_, i) => [c + (i % 5) * 0.1, c - (i % 3) * 0.1]).flat(),
    );
    const { cluster } = kMeans(Float32Array.from(points), 2, 3, { seed: 5 });
    const blobs = [0, 1, 2].map((b) => new Set(cluster.subarray(b * 15, (b + 1) * 15)));
    expect(blobs.map((s) => s.size)).toEqual([1, 1, 1]);
    expect(new Set(blobs.map((s) => [...s][0])).size).toBe(3);
  });
});

describe("randomProjection", () => {
  it("keeps distances between unit vectors roughly", () => {
    const a = Float32Array.from({ length: 256 }, (_, i) => (i === 0 ? 1 : 0));
    const b = Float32Array.from({ length: 256 }, (_, i) => (i === 1 ? 1 : 0));
    const projected = randomProjection(Float32Array.from([...a, ...b, ...a]), 256, 64, 1);
    const distance = (i: number, j: number) =>
      Math.sqrt(
        Array.from({ length: 64 }, (_, t) => ((projected[i * 64 + t] ?? 0) - (projected[j * 64 + t] ?? 0)) ** 2).reduce(
          (s, v) => s + v,
          0,
        ),
      );
    expect(distance(0, 2)).toBe(0);
    expect(distance(0, 1)).toBeGreaterThan(Math.SQRT2 * 0.6);
    expect(distance(0, 1)).toBeLessThan(Math.SQRT2 * 1.4);
  });
});
