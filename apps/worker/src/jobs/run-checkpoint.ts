import { type BaseModel, type Checkpoint as CheckpointRow, checkpointsRepository, type Db } from "@retrain/db";
import { type Checkpoint, fromCheckpointRecord, toCheckpointRecord } from "@retrain/engine";
import { JobFailure } from "../runner/job-failure.js";

/** The checkpoint a run resumes from; refused when it was trained on another base or on other labels. */
export async function checkpointToResume(db: Db, checkpointId: string, baseModel: BaseModel, labels: string[]) {
  const row = await checkpointsRepository(db).withBaseModel(checkpointId);
  if (!row) throw new JobFailure("The checkpoint to resume from was deleted.");
  if (row.baseModelId !== baseModel.id || (baseModel.weightsHash && row.baseModelWeightsHash !== baseModel.weightsHash))
    throw new JobFailure("The checkpoint to resume from was trained on another base model.");
  if (row.labels.join("\n") !== labels.join("\n"))
    throw new JobFailure(
      `The dataset's labels changed since the checkpoint (${row.labels.join(", ")}); start a fresh run instead.`,
    );
  return fromCheckpointRecord(row);
}

/** A run's checkpoint as a row: everything needed to restore, export and serve it. */
export function saveRunCheckpoint(
  db: Db,
  runId: string,
  baseModel: BaseModel,
  checkpoint: Checkpoint,
): Promise<Omit<CheckpointRow, never>> {
  return checkpointsRepository(db).create({
    runId,
    ...toCheckpointRecord(checkpoint),
    baseModelId: baseModel.id,
    baseModelWeightsHash: checkpoint.baseModel.weightsHash,
    metrics: checkpoint.metrics ?? {},
  });
}
