import { describe, expect, it } from "vitest";
import type { Checkpoint } from "./checkpoint.js";
import { fromCheckpointRecord, toCheckpointRecord } from "./checkpoint-record.js";

const checkpoint: Checkpoint = {
  format: "retrain-studio-checkpoint/1",
  step: 7,
  labels: ["a", "b"],
  baseModel: { id: "m", url: "file:///m", format: "layers", weightsHash: "h", featureDim: 4 },
  preprocessing: { inputSize: 224, normalization: "[-1,1]", resize: "center-crop" },
  training: {
    head: { featureDim: 4, numClasses: 2 },
    optimizer: { name: "adam", learningRate: 0.01 },
    options: { epochs: 7, batchSize: 8 },
  },
  topology: { class_name: "Sequential" },
  weightSpecs: [{ name: "k", shape: [4, 2], dtype: "float32" }],
  weights: new Uint8Array([1, 2, 3]),
  optimizerState: { specs: [{ name: "iter", shape: [], dtype: "float32" }], data: new Uint8Array([9, 8]) },
};

describe("checkpoint records", () => {
  it("round-trip every part, optimizer state included, through JSON as a database stores it", () => {
    const record = toCheckpointRecord(checkpoint);
    const stored = {
      ...record,
      topology: JSON.parse(JSON.stringify(record.topology)),
      preprocessing: JSON.parse(JSON.stringify(record.preprocessing)),
    };
    expect(fromCheckpointRecord(stored)).toEqual(checkpoint);
  });

  it("a record without optimizer state restores without one", () => {
    const { optimizerState: _, ...rest } = checkpoint;
    expect(fromCheckpointRecord(toCheckpointRecord(rest)).optimizerState).toBeUndefined();
  });
});
