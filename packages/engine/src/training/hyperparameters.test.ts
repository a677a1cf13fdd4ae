import { describe, expect, it } from "vitest";
import { DEFAULT_HYPERPARAMETERS, resolveHyperparameters, trainingPlan } from "./hyperparameters.js";

describe("hyperparameters", () => {
  it("fills defaults and keeps what is set", () => {
    expect(resolveHyperparameters({ epochs: 5 })).toEqual({ ...DEFAULT_HYPERPARAMETERS, epochs: 5 });
    expect(
      trainingPlan(resolveHyperparameters({ earlyStoppingPatience: 0 }), 1280, 5).training.earlyStoppingPatience,
    ).toBeUndefined();
  });

  it.each([
    [{ epochs: 0 }, /epochs: must be a whole number from 1/],
    [{ learningRate: "fast" }, /learningRate: must be a number/],
    [{ optimizer: "rmsprop" }, /optimizer: must be adam or sgd/],
    [{ warp: 9 }, /warp: unknown hyperparameter/],
  ])("refuses %j, naming the option", (input, message) => {
    expect(() => resolveHyperparameters(input)).toThrow(message);
  });
});
