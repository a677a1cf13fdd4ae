import { type Db, experimentsRepository, type PageRequest, servedPredictionsRepository } from "@retrain/db";
import { DRIFT_DAYS, DRIFT_THRESHOLD, judgeDrift } from "@retrain/engine";
import { createImageIngest } from "@retrain/ingest";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import type { Access, Caller } from "../workspaces/access.js";

/** Served answers with a lead over the runner-up below this go to the review queue too. */
export const REVIEW_MARGIN = 0.2;

/** What an alias served (per day, drift against training) and the review queue of what it was unsure of. */
export function createServingService(db: Db, access: Access) {
  const served = servedPredictionsRepository(db);
  const experiments = experimentsRepository(db);

  return {
    async summary(caller: Caller | null, experimentId: string, alias: string, days: number) {
      const experiment = await experiments.findById(experimentId);
      if (!experiment) throw new NotFoundError("Experiment");
      await access.require(caller, experiment.dataset.workspaceId, "read", "Experiment");
      const span = Math.min(Math.max(Math.round(days), 1), 90);
      const since = new Date(Date.now() - span * 86_400_000);
      const rows = await served.daily(experimentId, alias, since);
      const byDay = new Map<
        string,
        { date: string; count: number; confidenceSum: number; unknown: number; labels: Map<string, number> }
      >();
      for (const r of rows) {
        const date = r.day.toISOString().slice(0, 10);
        const day = byDay.get(date) ?? { date, count: 0, confidenceSum: 0, unknown: 0, labels: new Map() };
        day.count += r.count;
        day.confidenceSum += (r.meanConfidence ?? 0) * r.count;
        if (r.label === null) day.unknown += r.count;
        else day.labels.set(r.label, (day.labels.get(r.label) ?? 0) + r.count);
        byDay.set(date, day);
      }
      // Drift: the last week's answered labels against the TRAIN split's labels.
      const recent = new Map<string, number>();
      const weekAgo = new Date(Date.now() - DRIFT_DAYS * 86_400_000).toISOString().slice(0, 10);
      for (const day of byDay.values())
        if (day.date >= weekAgo) for (const [label, n] of day.labels) recent.set(label, (recent.get(label) ?? 0) + n);
      const training = await served.trainingDistribution(experiment.datasetId);
      const { psi, shares, answered, drift } = judgeDrift(training, recent);
      return {
        alias,
        days: [...byDay.values()].map((d) => ({
          date: d.date,
          count: d.count,
          unknown: d.unknown,
          meanConfidence: d.count ? d.confidenceSum / d.count : 0,
          labels: [...d.labels].map(([label, count]) => ({ label, count })),
        })),
        shares,
        psi,
        threshold: DRIFT_THRESHOLD,
        drift,
        recentPredictions: answered,
      };
    },

    async reviewQueue(caller: Caller | null, workspaceId: string, page: PageRequest) {
      await access.require(caller, workspaceId, "read");
      return served.reviewQueue(workspaceId, REVIEW_MARGIN, page);
    },

    /** A member's label for a kept image: it joins the dataset the checkpoint was trained on, for the next run. */
    async label(caller: Caller | null, predictionId: string, label: string, split: "TRAIN" | "VALIDATION" | "TEST") {
      const prediction = await served.forReview(predictionId);
      if (!prediction) throw new NotFoundError("Prediction");
      await access.require(caller, prediction.workspaceId, "write", "Prediction");
      if (prediction.reviewedAt) throw new ValidationError("predictionId", "Already reviewed.");
      // Read only now that the caller may write here: the image can be megabytes.
      const bytes = prediction.keptSha256 ? await served.keptBytes(prediction.keptSha256) : null;
      if (!bytes) throw new ValidationError("predictionId", "Its image was not kept: nothing to add.");
      const datasetId = prediction.checkpoint.run.experiment.datasetId;
      const ingest = createImageIngest(db, datasetId, caller?.userId ?? null);
      const result = await ingest({
        name: `served-${prediction.id}.${bytes[0] === 0x89 ? "png" : "jpg"}`,
        bytes: Buffer.from(bytes),
        label,
        split,
      });
      if (result.status === "REJECTED") throw new ValidationError("label", result.reason ?? "The image was refused.");
      await served.markReviewed(prediction.id, caller?.userId ?? null);
      return { imageId: result.imageId ?? null, status: result.status };
    },

    async dismiss(caller: Caller | null, predictionId: string) {
      const prediction = await served.forReview(predictionId);
      if (!prediction) throw new NotFoundError("Prediction");
      await access.require(caller, prediction.workspaceId, "write", "Prediction");
      await served.markReviewed(prediction.id, caller?.userId ?? null);
      return true;
    },

    async thumbnail(caller: Caller | null, predictionId: string, workspaceId: string) {
      await access.require(caller, workspaceId, "read");
      const thumbnail = await served.keptThumbnail(predictionId);
      return thumbnail && `data:${thumbnail.mimeType};base64,${Buffer.from(thumbnail.bytes).toString("base64")}`;
    },

    async setKeepServedImages(caller: Caller | null, workspaceId: string, keep: boolean) {
      await access.require(caller, workspaceId, "manageWorkspace");
      return served.setKeepServedImages(workspaceId, keep);
    },
  };
}

export type ServingService = ReturnType<typeof createServingService>;
