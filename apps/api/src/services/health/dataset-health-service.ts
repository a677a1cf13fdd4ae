import { bytesToVector, type Db, healthRepository } from "@retrain/db";
import { ValidationError } from "../../domain/errors.js";
import type { DatasetService } from "../datasets/dataset-service.js";
import type { Caller } from "../workspaces/access.js";
import { type CurrentImage, healthView, isFindingKey, reviewKey } from "./health-view.js";

/** Dataset health reports, read against the dataset as it is now, and the findings members dismiss. */
export function createDatasetHealthService(db: Db, datasets: DatasetService) {
  const health = healthRepository(db);

  return {
    /** The report for a base model (the latest of any when none is named), or null before the first check. */
    async report(caller: Caller | null, datasetId: string, baseModelId?: string | null) {
      await datasets.datasetFor(caller, datasetId, "read");
      const row = await health.find(datasetId, baseModelId);
      if (!row) return null;
      const [current, reviewed, signature] = await Promise.all([
        health.currentImages(datasetId),
        health.reviewedKeys(datasetId),
        health.signature(datasetId),
      ]);
      const images = new Map<string, CurrentImage>(current.map((i) => [i.id, i]));
      const view = healthView(row.report, images, reviewed);
      const points = bytesToVector(row.mapPoints);
      // The map keeps the images that are still there, with their labels now.
      const map = row.mapImageIds.flatMap((id, i) => {
        const image = images.get(id);
        return image
          ? [
              {
                imageId: id,
                x: points[i * 2] ?? 0,
                y: points[i * 2 + 1] ?? 0,
                labelId: image.labelId,
                flagged: view.flagged.has(id),
              },
            ]
          : [];
      });
      return {
        datasetId,
        baseModelId: row.baseModelId,
        computedAt: row.computedAt,
        stale: signature !== row.signature,
        report: row.report,
        view,
        map,
      };
    },

    /** Dismisses a finding for good: later reports that find it again keep it hidden. */
    async markReviewed(caller: Caller | null, datasetId: string, key: string) {
      const dataset = await datasets.datasetFor(caller, datasetId, "write");
      if (!isFindingKey(key)) throw new ValidationError("key", "Not a health finding's key.");
      await health.markReviewed(dataset.id, reviewKey(key), caller?.userId ?? null);
      return true;
    },
  };
}

export type DatasetHealthService = ReturnType<typeof createDatasetHealthService>;
export type DatasetHealthReport = NonNullable<Awaited<ReturnType<DatasetHealthService["report"]>>>;
