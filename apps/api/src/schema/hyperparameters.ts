import { DEFAULT_HYPERPARAMETERS, HYPERPARAMETER_BOUNDS, type Hyperparameters } from "@retrain/engine";
import { builder } from "./builder.js";
import { ClassWeightsEnum, OptimizerEnum } from "./enums.js";

type NumericKey = {
  [K in keyof Hyperparameters]: Hyperparameters[K] extends number ? K : never;
}[keyof Hyperparameters];

/** What a field does, with its default and bounds taken from the engine's own rules (one source of truth). */
function describe(key: keyof Hyperparameters, what: string): string {
  const bounds = HYPERPARAMETER_BOUNDS[key];
  const range = bounds ? ` From ${bounds[0]} to ${bounds[1]}${bounds[2] ? ", whole" : ""}.` : "";
  const value = DEFAULT_HYPERPARAMETERS[key];
  return `${what} Default ${typeof value === "string" ? value.toUpperCase() : value}.${range}`;
}

const WHAT: Record<keyof Hyperparameters, string> = {
  epochs: "Passes over the training split.",
  batchSize: "Images per gradient step.",
  learningRate: "Step size of the optimizer.",
  optimizer: "Adam or SGD.",
  momentum: "SGD's momentum (ignored by Adam).",
  l2: "L2 penalty on the new layer's weights.",
  labelSmoothing: "Share of each target spread over the other classes.",
  hiddenUnits: "Units of an optional hidden layer before the softmax (0: none, as retrain.py).",
  dropout: "Dropout before the softmax.",
  classWeights: "Whether small classes weigh as much as large ones.",
  earlyStoppingPatience: "Epochs without a better validation loss before stopping (0: never stop early).",
  seed: "Seed of the initial weights, shuffling and dropout: the same seed and data give the same head.",
};

const NUMERIC_KEYS = Object.keys(HYPERPARAMETER_BOUNDS) as NumericKey[];
/** Whole-number options are Int in the schema, the others Float: the engine's bounds say which. */
const isWhole = (key: NumericKey) => HYPERPARAMETER_BOUNDS[key]?.[2] === true;

export const HyperparametersRef = builder.objectRef<Hyperparameters>("Hyperparameters").implement({
  description: "Every training option, with the defaults filled in.",
  fields: (t) => ({
    ...Object.fromEntries(
      NUMERIC_KEYS.map((key) => [
        key,
        isWhole(key)
          ? t.exposeInt(key, { description: describe(key, WHAT[key]) })
          : t.exposeFloat(key, { description: describe(key, WHAT[key]) }),
      ]),
    ),
    optimizer: t.field({
      type: OptimizerEnum,
      description: describe("optimizer", WHAT.optimizer),
      resolve: (h) => h.optimizer,
    }),
    classWeights: t.field({
      type: ClassWeightsEnum,
      description: describe("classWeights", WHAT.classWeights),
      resolve: (h) => h.classWeights,
    }),
  }),
});

export const HyperparametersInput = builder.inputType("HyperparametersInput", {
  description:
    "Training options to set; those left out keep their default. Out of bounds: BAD_USER_INPUT naming the field.",
  fields: (t) => ({
    ...Object.fromEntries(
      NUMERIC_KEYS.map((key) => [
        key,
        isWhole(key)
          ? t.int({ description: describe(key, WHAT[key]) })
          : t.float({ description: describe(key, WHAT[key]) }),
      ]),
    ),
    optimizer: t.field({ type: OptimizerEnum, description: describe("optimizer", WHAT.optimizer) }),
    classWeights: t.field({ type: ClassWeightsEnum, description: describe("classWeights", WHAT.classWeights) }),
  }),
});

/** An input with its unset (null) fields dropped, as the engine's resolver expects. */
export function hyperparameterOverrides(input: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined));
}

builder.queryField("hyperparameterDefaults", (t) =>
  t.field({
    type: HyperparametersRef,
    description: "What a run is trained with when nothing is set (forms start from it).",
    resolve: () => DEFAULT_HYPERPARAMETERS,
  }),
);
