import { type Db, imagesRepository } from "@retrain/db";
import { type Calibration, type ParityResult, parityCheck, type StoredEvaluation } from "@retrain/engine";
import type { ModelCache } from "../base-models/model-cache.js";

export interface ParityInput {
  checkpointId: string;
  workspaceId: string;
  labels: string[];
  evaluation: StoredEvaluation | null;
  calibration: Calibration | null;
}

/**
 * Before a checkpoint serves: its evaluation's reference images go through the serving path itself (the model
 * cache `predict` uses: same decoding, preprocessing and base model) and must give what training saw. Null
 * when the evaluation kept no reference images (runs trained before this check).
 */
export function createParityService(db: Db, models: ModelCache) {
  return {
    async check(input: ParityInput): Promise<ParityResult | null> {
      const reference = input.evaluation?.reference;
      if (!reference || reference.names.length === 0) return null;
      const bytes = await imagesRepository(db).bytesOfMany(reference.names, input.workspaceId);
      const images = reference.names.flatMap((name) => {
        const found = bytes.get(name);
        return found ? [{ name, bytes: found }] : [];
      });
      const { predictions } = await models.predict(input.checkpointId, images, input.labels.length);
      const served = new Map<string, number[]>();
      for (const p of predictions)
        if ("top" in p)
          served.set(
            p.name,
            input.labels.map((label) => p.top.find((t) => t.label === label)?.probability ?? 0),
          );
      return parityCheck(reference, served, input.labels, input.calibration ?? undefined);
    },
  };
}

export type ParityService = ReturnType<typeof createParityService>;
