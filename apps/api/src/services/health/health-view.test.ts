import type { StoredHealthReport } from "@retrain/db";
import { describe, expect, it } from "vitest";
import { findingKey, healthView, isFindingKey } from "./health-view.js";

const report: StoredHealthReport = {
  images: 5,
  duplicates: [
    { imageIds: ["a", "b"], maxDistance: 0.01, crossesSplits: true },
    { imageIds: ["c", "d"], maxDistance: 0.02, crossesSplits: false },
  ],
  mislabeled: [
    { imageId: "a", givenLabelId: "daisy", suggestedLabelId: "rose", givenProbability: 0.1, suggestedProbability: 0.8 },
    { imageId: "e", givenLabelId: "daisy", suggestedLabelId: "rose", givenProbability: 0.2, suggestedProbability: 0.7 },
  ],
  strays: [{ imageId: "d", score: 0.5 }],
  balance: { perClass: [], small: [], missing: [] },
  seconds: { neighbours: 0, folds: 0, map: 0 },
};

describe("health view", () => {
  it("reads the stored report against the dataset now: deleted, relabelled, re-split and reviewed", () => {
    const images = new Map([
      ["a", { labelId: "daisy", split: "TRAIN" as const }],
      ["b", { labelId: "daisy", split: "TRAIN" as const }], // moved: the copies no longer span splits
      ["c", { labelId: "rose", split: "TEST" as const }], // d was deleted: its group is gone
      ["e", { labelId: "rose", split: "TRAIN" as const }], // the suggestion was accepted
    ]);
    const view = healthView(report, images, new Set([findingKey.mislabeled("a", "daisy")]));
    expect(view.duplicates).toEqual([
      { key: "duplicate:a,b", imageIds: ["a", "b"], maxDistance: 0.01, crossesSplits: false },
    ]);
    expect(view.mislabeled).toEqual([]);
    expect(view.strays).toEqual([]);
    expect(view.reviewed).toBe(1);
    expect([...view.flagged]).toEqual(["a", "b"]);
  });

  it("knows its own keys and refuses anything else", () => {
    expect(isFindingKey(findingKey.duplicate(["b", "a"]))).toBe(true);
    expect(findingKey.duplicate(["b", "a"])).toBe("duplicate:a,b");
    expect(isFindingKey(findingKey.stray("x1"))).toBe(true);
    expect(isFindingKey("stray:x; drop")).toBe(false);
  });
});
