import { describe, expect, it } from "vitest";
import { DRIFT_THRESHOLD, populationStability } from "./population-stability.js";

describe("population stability", () => {
  const training = new Map([
    ["daisy", 100],
    ["rose", 100],
    ["tulip", 100],
  ]);
  it("is near zero when served answers follow the training distribution", () => {
    const served = new Map([
      ["daisy", 34],
      ["rose", 33],
      ["tulip", 33],
    ]);
    expect(populationStability(training, served).psi).toBeLessThan(0.01);
  });
  it("crosses the threshold when one label takes over, and counts a label training never had", () => {
    expect(
      populationStability(
        training,
        new Map([
          ["daisy", 90],
          ["rose", 5],
          ["tulip", 5],
        ]),
      ).psi,
    ).toBeGreaterThan(DRIFT_THRESHOLD);
    const { shares } = populationStability(
      training,
      new Map([
        ["daisy", 10],
        ["cactus", 10],
      ]),
    );
    expect(shares.find((s) => s.label === "cactus")).toEqual({ label: "cactus", training: 0, served: 0.5 });
  });
});
