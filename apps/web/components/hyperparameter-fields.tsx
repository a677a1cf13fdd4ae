"use client";
import { graphql } from "../gql";
import type { HyperparametersInput } from "../gql/graphql";
import { useQuery } from "../lib/api";

const DefaultsQuery = graphql(`query HyperparameterDefaults { hyperparameterDefaults {
  epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing earlyStoppingPatience } }`);

type NumericField = Exclude<keyof HyperparametersInput, "optimizer" | "classWeights">;

/** The fields the create form offers, with what each does; their defaults come from the API. */
export const HYPERPARAMETERS: { name: NumericField; help: string }[] = [
  { name: "epochs", help: "Passes over the training vectors. Training is fast: tens are fine." },
  { name: "batchSize", help: "Vectors per gradient step (retrain.py uses 100)." },
  { name: "learningRate", help: "Adam step size. Lower it if the loss jumps around." },
  { name: "hiddenUnits", help: "0 = softmax only (retrain.py). Add e.g. 128 for one hidden layer." },
  { name: "dropout", help: "Dropout before the output (0 to 0.9)." },
  { name: "l2", help: "Weight decay against overfitting small datasets." },
  { name: "labelSmoothing", help: "Softens targets (e.g. 0.1); helps calibration." },
  { name: "earlyStoppingPatience", help: "Stop after this many epochs without validation gain (0 = never)." },
];

export function HyperparameterFields() {
  const { data } = useQuery(DefaultsQuery);
  if (!data) return null;
  const defaults = data.hyperparameterDefaults as Record<NumericField, number | undefined>;
  return (
    <fieldset className="hyper">
      <legend>Hyperparameters (sensible defaults: Adam, balanced class weights)</legend>
      {HYPERPARAMETERS.map((h) => (
        <label key={h.name}>
          {h.name}
          <input name={h.name} type="number" step="any" defaultValue={defaults[h.name]} />
          <small>{h.help}</small>
        </label>
      ))}
    </fieldset>
  );
}

export const readHyperparameters = (form: FormData): HyperparametersInput =>
  Object.fromEntries(HYPERPARAMETERS.map((h) => [h.name, Number(form.get(h.name))]));
