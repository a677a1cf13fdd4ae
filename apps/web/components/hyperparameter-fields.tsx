"use client";

/** The head's hyperparameters with their defaults and what each does, for the create form. */
export const HYPERPARAMETERS = [
  { name: "epochs", value: 50, help: "Passes over the training vectors. Training is fast: tens are fine." },
  { name: "batchSize", value: 100, help: "Vectors per gradient step (retrain.py uses 100)." },
  { name: "learningRate", value: 0.001, help: "Adam step size. Lower it if the loss jumps around." },
  { name: "hiddenUnits", value: 0, help: "0 = softmax only (retrain.py). Add e.g. 128 for one hidden layer." },
  { name: "dropout", value: 0, help: "Dropout before the output, for a hidden layer (0 to 0.9)." },
  { name: "l2", value: 0, help: "Weight decay against overfitting small datasets." },
  { name: "labelSmoothing", value: 0, help: "Softens targets (e.g. 0.1); helps calibration." },
  { name: "earlyStoppingPatience", value: 0, help: "Stop after this many epochs without validation gain (0 = never)." },
] as const;

export function HyperparameterFields() {
  return (
    <fieldset className="hyper">
      <legend>Hyperparameters (sensible defaults: Adam, balanced class weights)</legend>
      {HYPERPARAMETERS.map((h) => (
        <label key={h.name}>
          {h.name}
          <input name={h.name} type="number" step="any" defaultValue={h.value} />
          <small>{h.help}</small>
        </label>
      ))}
    </fieldset>
  );
}

export const readHyperparameters = (form: FormData) =>
  Object.fromEntries(HYPERPARAMETERS.map((h) => [h.name, Number(form.get(h.name))]));
