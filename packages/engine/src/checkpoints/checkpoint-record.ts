import { calibrationSchema, readStored } from "../records/stored-records.js";
import { CHECKPOINT_FORMAT, type Checkpoint, type Preprocessing } from "./checkpoint.js";

/**
 * A checkpoint as a database row holds it: the JSON parts in `topology` and `preprocessing`, the weights
 * and optimizer state as bytes. The worker writes it and the API reads it back: this is their contract.
 */
export interface CheckpointRecord {
  step: number;
  labels: string[];
  topology: object;
  preprocessing: object;
  weights: Uint8Array<ArrayBuffer>;
  optimizerState: Uint8Array<ArrayBuffer> | null;
  /** Absent for checkpoints saved before calibration. */
  calibration?: object;
}

type StoredTopology = Pick<Checkpoint, "weightSpecs" | "training" | "baseModel"> & {
  modelTopology: object;
  optimizerSpecs: NonNullable<Checkpoint["optimizerState"]>["specs"] | null;
};

export function toCheckpointRecord(checkpoint: Checkpoint): CheckpointRecord {
  const topology: StoredTopology = {
    modelTopology: checkpoint.topology,
    weightSpecs: checkpoint.weightSpecs,
    optimizerSpecs: checkpoint.optimizerState?.specs ?? null,
    training: checkpoint.training,
    baseModel: checkpoint.baseModel,
  };
  return {
    step: checkpoint.step,
    labels: checkpoint.labels,
    topology,
    preprocessing: checkpoint.preprocessing,
    weights: new Uint8Array(checkpoint.weights),
    optimizerState: checkpoint.optimizerState ? new Uint8Array(checkpoint.optimizerState.data) : null,
    ...(checkpoint.calibration ? { calibration: checkpoint.calibration } : {}),
  };
}

export function fromCheckpointRecord(record: {
  step: number;
  labels: string[];
  topology: unknown;
  preprocessing: unknown;
  weights: Uint8Array;
  optimizerState: Uint8Array | null;
  calibration?: unknown;
}): Checkpoint {
  // Read by its schema, as the database reads it: a calibration this release cannot read is none.
  const calibration = readStored(calibrationSchema, record.calibration);
  const topology = record.topology as StoredTopology;
  return {
    format: CHECKPOINT_FORMAT,
    step: record.step,
    labels: record.labels,
    baseModel: topology.baseModel,
    preprocessing: record.preprocessing as Preprocessing,
    training: topology.training,
    topology: topology.modelTopology,
    weightSpecs: topology.weightSpecs,
    ...(calibration ? { calibration } : {}),
    weights: new Uint8Array(record.weights),
    optimizerState:
      record.optimizerState && topology.optimizerSpecs
        ? { specs: topology.optimizerSpecs, data: new Uint8Array(record.optimizerState) }
        : undefined,
  };
}
