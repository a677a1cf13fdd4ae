import { describe, expect, it } from "vitest";
import { evaluate } from "../training/evaluate.js";
import { compareRuns } from "./compare-runs.js";
import { mcnemarExact } from "./mcnemar.js";

const labels = ["a", "b"];
/** An evaluation of `n` images where the first `wrong` are mistaken. */
function evaluation(n: number, wrong: (i: number) => boolean, names = (i: number) => `img${i}`) {
  const truth = Int32Array.from({ length: n }, (_, i) => i % 2);
  const probs = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const predicted = wrong(i) ? 1 - (truth[i] ?? 0) : (truth[i] ?? 0);
    probs[i * 2 + predicted] = 0.9;
    probs[i * 2 + 1 - predicted] = 0.1;
  }
  return evaluate(
    probs,
    truth,
    labels,
    Array.from({ length: n }, (_, i) => names(i)),
  );
}

describe("comparing runs", () => {
  it("computes McNemar's exact p-value", () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    // 10 discordant images all one way: 2 * 0.5^10.
    expect(mcnemarExact(10, 0)).toBeCloseTo(2 / 1024, 10);
    expect(mcnemarExact(5, 5)).toBe(1);
    expect(mcnemarExact(300, 260)).toBeGreaterThan(0.05);
    expect(mcnemarExact(300, 200)).toBeLessThan(0.001);
  });

  it("calls a clear gain significant and a small one chance, with intervals around the difference", () => {
    const a = evaluation(400, (i) => i % 4 === 0); // 75% accurate
    const clearlyBetter = evaluation(400, (i) => i % 20 === 0); // 95%
    // Right on 10 images A missed, wrong on 4 that A got: 76.5%, and a coin could do that.
    const barelyBetter = evaluation(400, (i) => (i % 4 === 0 && i % 40 !== 0) || i % 100 === 1);
    const clear = compareRuns(a, clearlyBetter, labels);
    expect(clear?.significant).toBe(true);
    expect(clear?.difference.value).toBeCloseTo(0.2, 5);
    expect(clear?.difference.low).toBeGreaterThan(0.1);
    expect(clear?.verdict).toMatch(/^Run B is better/);
    const small = compareRuns(a, barelyBetter, labels);
    expect(small?.significant).toBe(false);
    expect(small?.difference.low).toBeLessThan(0);
    expect(small?.verdict).toMatch(/^No significant difference/);
    expect(small?.perClass.map((c) => c.label)).toEqual(labels);
  });

  it("refuses to pair runs evaluated on different images", () => {
    const a = evaluation(100, () => false);
    const b = evaluation(
      100,
      () => false,
      (i) => `other${i}`,
    );
    expect(compareRuns(a, b, labels)).toBeNull();
  });
});
