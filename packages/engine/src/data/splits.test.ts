import { describe, expect, it } from "vitest";
import { assignSplit, defaultGroupKey } from "./splits.js";

describe("assignSplit", () => {
  it("is stable: the same key always lands in the same split", () => {
    for (let i = 0; i < 100; i++) expect(assignSplit(`img_${i}`)).toBe(assignSplit(`img_${i}`));
  });

  it("follows the percentages", () => {
    const counts = { train: 0, validation: 0, test: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[assignSplit(`photo-${i}.jpg`, { validationPercent: 20, testPercent: 10 })]++;
    expect(counts.validation / 10_000).toBeCloseTo(0.2, 1);
    expect(counts.test / 10_000).toBeCloseTo(0.1, 1);
  });

  it("keeps retrain.py's _nohash_ groups together", () => {
    expect(defaultGroupKey("daisy/leaf_nohash_1.jpg")).toBe(defaultGroupKey("daisy/leaf_nohash_2.jpg"));
    expect(defaultGroupKey("a/leaf.jpg")).toBe("leaf.jpg");
  });

  it("refuses percentages that leave nothing to train on", () => {
    expect(() => assignSplit("x", { validationPercent: 60, testPercent: 40 })).toThrow(/leave room for training/);
  });
});
