import { checkpointsRepository, type Db } from "@retrain/db";
import { withTargetPrecision } from "@retrain/engine";
import { ValidationError } from "../../domain/errors.js";
import type { ModelCache } from "../base-models/model-cache.js";
import type { Access, Caller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";

/** Moving a checkpoint along its precision/coverage curve: the precision its answers keep, and so its threshold. */
export function createCalibrationService(db: Db, access: Access, models: ModelCache) {
  const checkpoints = checkpointsRepository(db);
  const log = activityLog(db);

  return {
    async setTargetPrecision(caller: Caller | null, checkpointId: string, targetPrecision: number) {
      const checkpoint = await access.checkpointFor(caller, checkpointId, "train");
      const workspaceId = checkpoint.run.experiment.dataset.workspaceId;
      if (!(targetPrecision >= 0.5 && targetPrecision <= 0.999))
        throw new ValidationError("targetPrecision", "Give a target precision from 0.5 to 0.999.");
      if (!checkpoint.calibration)
        throw new ValidationError("checkpointId", "This checkpoint was trained before calibration; train a new run.");
      const calibration = withTargetPrecision(checkpoint.calibration, targetPrecision);
      const updated = await checkpoints.setCalibration(checkpointId, calibration);
      models.forget(checkpointId); // the next prediction reloads it with the new threshold
      await log.record(caller, workspaceId, "checkpoint.threshold_changed", ["Checkpoint", checkpointId]);
      return updated;
    },
  };
}

export type CalibrationService = ReturnType<typeof createCalibrationService>;
