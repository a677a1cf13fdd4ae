import { type BaseModel, checkpointsRepository, type Db } from "@retrain/db";
import {
  createCheckpoint,
  EngineError,
  fromCheckpointRecord,
  type HeadOptions,
  type OptimizerConfig,
  restoreCheckpoint,
  type TrainOptions,
  toCheckpointRecord,
} from "@retrain/engine";

/** Restores the head and optimizer a run resumes from; refuses a checkpoint of other labels or another base. */
export async function restoreRunCheckpoint(db: Db, checkpointId: string, baseModel: BaseModel, labels: string[]) {
  const row = await checkpointsRepository(db).findById(checkpointId);
  if (!row) throw new EngineError("The checkpoint to resume from was deleted.");
  if (row.baseModelId !== baseModel.id || (baseModel.weightsHash && row.baseModelWeightsHash !== baseModel.weightsHash))
    throw new EngineError("The checkpoint to resume from was trained on another base model.");
  if (row.labels.join("\n") !== labels.join("\n"))
    throw new EngineError(
      `The dataset's labels changed since the checkpoint (${row.labels.join(", ")}); start a fresh run instead.`,
    );
  const checkpoint = fromCheckpointRecord(row);
  return { ...(await restoreCheckpoint(checkpoint)), step: checkpoint.step };
}

/** Saves a run's trained head as a checkpoint row, with everything needed to restore, export and serve it. */
export async function saveRunCheckpoint(
  db: Db,
  runId: string,
  baseModel: BaseModel,
  trained: {
    head: Parameters<typeof createCheckpoint>[0];
    optimizer: NonNullable<Parameters<typeof createCheckpoint>[1]>;
    step: number;
    labels: string[];
    dim: number;
    plan: { head: HeadOptions; optimizer: OptimizerConfig; training: TrainOptions };
    metrics: Record<string, unknown>;
  },
) {
  const weightsHash = baseModel.weightsHash ?? "";
  const checkpoint = await createCheckpoint(trained.head, trained.optimizer, {
    step: trained.step,
    labels: trained.labels,
    baseModel: {
      id: baseModel.key,
      url: baseModel.sourceUrl,
      format: baseModel.format === "GRAPH" ? "graph" : "layers",
      featureDim: trained.dim,
      weightsHash,
    },
    preprocessing: {
      inputSize: baseModel.inputWidth,
      normalization: baseModel.normalization === "[0,1]" ? "[0,1]" : "[-1,1]",
      resize: "center-crop",
    },
    training: { head: trained.plan.head, optimizer: trained.plan.optimizer, options: trained.plan.training },
    metrics: trained.metrics,
  });
  return checkpointsRepository(db).create({
    runId,
    ...toCheckpointRecord(checkpoint),
    baseModelId: baseModel.id,
    baseModelWeightsHash: weightsHash,
    metrics: trained.metrics as object,
  });
}
