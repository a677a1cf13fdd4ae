import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";

describe("evaluate", () => {
  it("computes accuracy, top-k, per-class metrics, the confusion matrix and the mistakes", () => {
    // Three images, classes a, b, c: the first two right, the third (true c) predicted b, c second.
    const probs = new Float32Array([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.1, 0.5, 0.4]);
    const result = evaluate(probs, new Int32Array([0, 1, 2]), ["a", "b", "c"], ["x.jpg", "y.jpg", "z.jpg"], 2);
    expect(result.accuracy).toBeCloseTo(2 / 3);
    expect(result.topKAccuracy).toBe(1);
    expect(result.confusionMatrix).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(result.perClass.map((c) => [c.label, c.precision, c.recall])).toEqual([
      ["a", 1, 1],
      ["b", 0.5, 1],
      ["c", 0, 0],
    ]);
    expect(result.perClass[1]?.f1).toBeCloseTo(2 / 3);
    expect(result.misclassified).toEqual([
      {
        name: "z.jpg",
        trueLabel: "c",
        predictedLabel: "b",
        top: [
          { label: "b", probability: expect.closeTo(0.5) },
          { label: "c", probability: expect.closeTo(0.4) },
          { label: "a", probability: expect.closeTo(0.1) },
        ],
      },
    ]);
  });
});
