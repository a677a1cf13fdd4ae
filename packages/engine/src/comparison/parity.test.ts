import { describe, expect, it } from "vitest";
import { parityCheck } from "./parity.js";

const labels = ["cat", "dog"];
const reference = {
  names: ["a", "b", "c"],
  probabilities: [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.6, 0.4],
  ],
};

describe("parity check", () => {
  it("passes when serving gives what the evaluation saw, within the tolerance; skips deleted images", () => {
    const served = new Map([
      ["a", [0.905, 0.095]],
      ["b", [0.2, 0.8]],
    ]);
    expect(parityCheck(reference, served, labels, undefined)).toMatchObject({ checked: 2, passed: true });
  });

  it("lists each image whose label or probabilities moved", () => {
    const served = new Map([
      ["a", [0.9, 0.1]],
      ["b", [0.25, 0.75]],
      ["c", [0.45, 0.55]],
    ]);
    const result = parityCheck(reference, served, labels, undefined);
    expect(result.passed).toBe(false);
    expect(result.differences.map((d) => [d.name, d.expectedLabel, d.servedLabel])).toEqual([
      ["b", "dog", "dog"],
      ["c", "cat", "dog"],
    ]);
  });
});
