import { activityRepository, checkpointsRepository, type Db } from "@retrain/db";
import { type Calibration, withTargetPrecision } from "@retrain/engine";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { Access, Caller } from "./access.js";
import type { ModelCache } from "./model-cache.js";

/** Moving a checkpoint along its precision/coverage curve: the precision its answers keep, and so its threshold. */
export function createCalibrationService(db: Db, access: Access, models: ModelCache) {
  const checkpoints = checkpointsRepository(db);

  return {
    async setTargetPrecision(caller: Caller | null, checkpointId: string, targetPrecision: number) {
      const checkpoint = await checkpoints.findById(checkpointId);
      if (!checkpoint) throw new NotFoundError("Checkpoint");
      const workspaceId = checkpoint.run.experiment.dataset.workspaceId;
      await access.require(caller, workspaceId, "train", "Checkpoint");
      if (!(targetPrecision >= 0.5 && targetPrecision <= 0.999))
        throw new ValidationError("targetPrecision", "Give a target precision from 0.5 to 0.999.");
      if (!checkpoint.calibration)
        throw new ValidationError("checkpointId", "This checkpoint was trained before calibration; train a new run.");
      const calibration = withTargetPrecision(checkpoint.calibration as unknown as Calibration, targetPrecision);
      const updated = await checkpoints.setCalibration(checkpointId, calibration);
      models.forget(checkpointId); // the next prediction reloads it with the new threshold
      await activityRepository(db).record({
        workspaceId,
        actorId: caller?.userId ?? null,
        verb: "checkpoint.threshold_changed",
        subjectType: "Checkpoint",
        subjectId: checkpointId,
      });
      return updated;
    },
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
