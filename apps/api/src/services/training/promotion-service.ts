import { checkpointsRepository, type Db } from "@retrain/db";
import type { ParityResult } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { publishEvent } from "@retrain/webhooks";
import { ConflictError, ValidationError } from "../../domain/errors.js";
import { requireName } from "../../domain/validate.js";
import type { Access, Caller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";
import type { ParityService } from "./parity-service.js";

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function refusal(parity: ParityResult): string {
  const listed = parity.differences
    .slice(0, 5)
    .map(
      (d) =>
        `image ${d.name}: ${d.expectedLabel} in evaluation, ${d.servedLabel} served (off by ${pct(d.maxDifference)})`,
    )
    .join("; ");
  return `Not promoted: ${parity.differences.length} of ${parity.checked} held-out images answer differently through serving than in its evaluation (tolerance ${pct(parity.tolerance)}) — ${listed}. The base model file or the preprocessing changed since training; retrain on the model as it is now.`;
}

/** Pointing an alias at a checkpoint, once serving is shown to answer what its evaluation saw (the parity gate). */
export function createPromotionService(
  db: Db,
  access: Access,
  parity: ParityService,
  queue: Pick<JobQueue, "sendDelivery">,
) {
  const checkpoints = checkpointsRepository(db);
  const log = activityLog(db);

  return {
    async promote(caller: Caller | null, checkpointId: string, alias: string) {
      const checkpoint = await access.checkpointFor(caller, checkpointId, "train");
      const workspaceId = checkpoint.run.experiment.dataset.workspaceId;
      const name = requireName("alias", alias, 40);
      if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
        throw new ValidationError("alias", "alias uses lower-case letters, digits, - and _");
      const result = await parity.check({
        checkpointId,
        workspaceId,
        labels: checkpoint.labels,
        evaluation: checkpoint.run.evaluation,
        calibration: checkpoint.calibration,
      });
      const parityData = result
        ? {
            checked: result.checked,
            passed: result.passed,
            differences: result.differences.slice(0, 20).map((d) => ({ ...d })),
          }
        : { checked: 0, passed: true, note: "no reference images in its evaluation (trained before the check)" };
      const recordParity = (verb: string) =>
        log.record(caller, workspaceId, verb, ["Checkpoint", checkpoint.id], { alias: name, parity: parityData });
      if (result && !result.passed) {
        await recordParity("checkpoint.parity_failed");
        throw new ConflictError(refusal(result));
      }
      await checkpoints.promote(checkpoint.run.experimentId, name, checkpoint.id);
      await recordParity("checkpoint.promoted");
      await publishEvent(db, queue, workspaceId, "alias.promoted", {
        experimentId: checkpoint.run.experimentId,
        alias: name,
        checkpointId: checkpoint.id,
        runId: checkpoint.runId,
      });
      return checkpoint;
    },
  };
}

export type PromotionService = ReturnType<typeof createPromotionService>;
