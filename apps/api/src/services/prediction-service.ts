import {
  baseModelsRepository,
  checkpointsRepository,
  type Db,
  experimentsRepository,
  imagesRepository,
} from "@retrain/db";
import type { Classifier, Prediction } from "@retrain/engine";
import DataLoader from "dataloader";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { optionalText } from "../domain/validate.js";
import { type Access, type Caller, requireCaller } from "./access.js";
import type { ModelCache } from "./model-cache.js";

export interface PredictInput {
  checkpointId?: string | null;
  experimentId?: string | null;
  alias?: string | null;
  images?: { name?: string | null; base64: string }[] | null;
  imageIds?: string[] | null;
  topK?: number | null;
}

type Item = { name: string; bytes: Uint8Array; topK: number };
const MAX_IMAGES = 64;

export function createPredictionService(db: Db, access: Access, models: ModelCache) {
  const checkpoints = checkpointsRepository(db);
  const images = imagesRepository(db);
  // One batcher per checkpoint: requests arriving within 5 ms run through the model together.
  const batchers = new Map<string, DataLoader<Item, Prediction>>();
  const batcher = (checkpointId: string, classifier: Classifier) => {
    let loader = batchers.get(checkpointId);
    if (!loader) {
      loader = new DataLoader<Item, Prediction>(
        async (items) => {
          const topK = Math.max(...items.map((i) => i.topK));
          const out = await classifier.predict(
            items.map((i) => ({ name: i.name, bytes: i.bytes })),
            topK,
          );
          return out.map((p, i) => ("top" in p ? { ...p, top: p.top.slice(0, items[i]?.topK) } : p));
        },
        { cache: false, maxBatchSize: 32, batchScheduleFn: (run) => setTimeout(run, 5) },
      );
      batchers.set(checkpointId, loader);
    }
    return loader;
  };

  async function checkpointFor(caller: Caller | null, input: PredictInput) {
    requireCaller(caller, "predict"); // the credential's scope first: a READ token learns nothing of ids
    let id = input.checkpointId ?? undefined;
    if (!id && input.experimentId) {
      const experiment = await experimentsRepository(db).findById(input.experimentId);
      if (!experiment) throw new NotFoundError("Experiment");
      await access.require(caller, experiment.dataset.workspaceId, "predict", "Experiment");
      id = (await checkpoints.byAlias(input.experimentId, input.alias ?? "production"))?.checkpointId;
      if (!id) throw new NotFoundError(`Checkpoint alias "${input.alias ?? "production"}"`);
    }
    if (!id) throw new ValidationError("checkpointId", "Give a checkpointId, or an experimentId with an alias.");
    const checkpoint = await checkpoints.findById(id);
    if (!checkpoint) throw new NotFoundError("Checkpoint");
    await access.require(caller, checkpoint.run.experiment.dataset.workspaceId, "predict", "Checkpoint");
    return checkpoint;
  }

  return {
    async predict(caller: Caller | null, input: PredictInput) {
      const started = performance.now();
      // Counted first, from the arguments alone: 10,000 ids are refused before a row or a byte is read.
      const uploads = input.images ?? [];
      const ids = input.imageIds ?? [];
      if (uploads.length + ids.length === 0 || uploads.length + ids.length > MAX_IMAGES)
        throw new ValidationError("images", `Give 1 to ${MAX_IMAGES} images (uploaded and stored together).`);
      const checkpoint = await checkpointFor(caller, input);
      const workspaceId = checkpoint.run.experiment.dataset.workspaceId;
      const topK = Math.min(Math.max(input.topK ?? 5, 1), 100);
      const items: Item[] = uploads.map((img, i) => ({
        name: optionalText(`images.${i}.name`, img.name, 255) ?? `image ${i + 1}`,
        bytes: Buffer.from(img.base64, "base64"),
        topK,
      }));
      const unique = [...new Set(ids)];
      const stored = await images.bytesOfMany(unique, workspaceId);
      if (stored.size !== unique.length) throw new NotFoundError("Image");
      for (const id of ids) items.push({ name: id, bytes: stored.get(id) ?? new Uint8Array(), topK });
      const baseRow = await baseModelsRepository(db).findById(checkpoint.baseModelId);
      if (!baseRow) throw new NotFoundError("Base model");
      const classifier = await models.classifier(checkpoint, baseRow);
      const predictions = await batcher(checkpoint.id, classifier).loadMany(items);
      const latencyMs = performance.now() - started;
      const results = predictions.map((p) => (p instanceof Error ? { name: "?", error: p.message } : p));
      void Promise.all(
        results.map((r) =>
          checkpoints.logPrediction({
            workspaceId,
            checkpointId: checkpoint.id,
            userId: caller?.userId ?? null,
            topK: ("top" in r ? r.top : { error: r.error }) as object,
            latencyMs,
          }),
        ),
      ).catch((e: unknown) => console.error("prediction log:", e));
      return { checkpointId: checkpoint.id, labels: checkpoint.labels, latencyMs, results };
    },
  };
}

export type PredictionService = ReturnType<typeof createPredictionService>;
