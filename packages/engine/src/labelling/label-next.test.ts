import { describe, expect, it } from "vitest";
import { seededRandom } from "../data/random.js";
import { labelNext } from "./label-next.js";

const DIM = 8;
const random = seededRandom(7);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
/** `count` vectors close around one of three far-apart directions. */
const near = (centre: number, count: number, spread = 0.05) =>
  Array.from({ length: count }, () =>
    Array.from({ length: DIM }, (_, d) => (d === centre ? 1 : 0) + spread * gaussian()),
  ).flat();
const vectors = (...groups: number[][]) => Float32Array.from(groups.flat());
const groupOf = (index: number, sizes: number[]) => {
  let start = 0;
  for (const [g, size] of sizes.entries()) {
    if (index < start + size) return g;
    start += size;
  }
  return -1;
};

describe("labelNext", () => {
  it("covers the groups nothing is labelled in before a second image of a covered one", () => {
    const candidates = vectors(near(0, 30), near(1, 20), near(2, 10));
    const picks = labelNext({
      candidates,
      labelled: vectors(near(0, 3)),
      dim: DIM,
      probabilities: null,
      k: 2,
      count: 2,
    });
    expect(picks.map((p) => groupOf(p.index, [30, 20, 10])).sort()).toEqual([1, 2]);
  });

  it("within a group, takes the more doubtful of equally typical images", () => {
    const same = vectors(
      Array(DIM * 4)
        .fill(0)
        .map((_, i) => (i % DIM === 3 ? 1 : 0)),
    );
    const probabilities = Float32Array.from([0.9, 0.1, 0.6, 0.4, 0.95, 0.05, 0.8, 0.2]);
    const [pick] = labelNext({
      candidates: same,
      labelled: vectors(near(0, 2)),
      dim: DIM,
      probabilities,
      k: 2,
      count: 1,
    });
    expect(pick).toMatchObject({ index: 1 });
    expect(pick?.doubt).toBeCloseTo(0.8);
  });

  it("gives as many distinct images as asked, the same for the same seed", () => {
    const candidates = vectors(near(0, 40), near(1, 40), near(2, 40));
    const input = {
      candidates,
      labelled: vectors(near(1, 1)),
      dim: DIM,
      probabilities: null,
      k: 2,
      count: 25,
      seed: 3,
    };
    const picks = labelNext(input).map((p) => p.index);
    expect(new Set(picks).size).toBe(25);
    expect(labelNext(input).map((p) => p.index)).toEqual(picks);
  });

  it("past the clusters it can afford (thousands labelled), still picks distinct doubtful images", () => {
    const candidates = vectors(near(0, 20), near(1, 20));
    const labelled = vectors(near(2, 2100));
    const probabilities = Float32Array.from({ length: 80 }, (_, i) => (i < 40 ? (i % 2 ? 0.99 : 0.01) : 0.5));
    const picks = labelNext({ candidates, labelled, dim: DIM, probabilities, k: 2, count: 10 });
    expect(new Set(picks.map((p) => p.index)).size).toBe(10);
    // The doubtful half (the second group, 50/50) is drawn far more often than the sure half.
    expect(picks.filter((p) => p.index >= 20).length).toBeGreaterThanOrEqual(7);
  });

  it("orders nothing from an empty list, and no more than there is", () => {
    expect(
      labelNext({
        candidates: vectors(),
        labelled: vectors(near(0, 1)),
        dim: DIM,
        probabilities: null,
        k: 2,
        count: 5,
      }),
    ).toEqual([]);
    expect(
      labelNext({
        candidates: vectors(near(0, 3)),
        labelled: vectors(),
        dim: DIM,
        probabilities: null,
        k: 2,
        count: 5,
      }),
    ).toHaveLength(3);
  });
});
