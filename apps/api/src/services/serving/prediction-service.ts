import { createHash } from "node:crypto";
import {
  checkpointsRepository,
  type Db,
  imagesRepository,
  type PageRequest,
  type Prisma,
  servedPredictionsRepository,
} from "@retrain/db";
import { inspectImage, type Prediction } from "@retrain/engine";
import { blobOf, IMAGE_LIMITS } from "@retrain/ingest";
import DataLoader from "dataloader";
import { NotFoundError, ValidationError } from "../../domain/errors.js";
import { optionalText } from "../../domain/validate.js";
import { predictedImages, predictionDuration } from "../../observability/api-metrics.js";
import type { ModelCache } from "../base-models/model-cache.js";
import { type Access, type Caller, checkRole, requireCaller } from "../workspaces/access.js";
import { createEvidence } from "./evidence.js";
import { createWriteBehind } from "./write-behind.js";

export interface PredictInput {
  checkpointId?: string | null;
  experimentId?: string | null;
  alias?: string | null;
  /** Uploaded images: base64 from GraphQL, bytes from the REST route. */
  images?: ({ name?: string | null; base64: string } | { name?: string | null; bytes: Uint8Array })[] | null;
  /** The REST route's body: read only once the caller may predict with the target (a stranger sends nothing). */
  readImages?: () => Promise<{ name: string; bytes: Uint8Array }[]>;
  imageIds?: string[] | null;
  topK?: number | null;
  /** Keep uploaded images for the review queue (only where the workspace allows it). */
  keep?: boolean | null;
}

type Item = { name: string; bytes: Uint8Array; topK: number };
/** What the log keeps of an answer: the top label, how sure, its lead over the runner-up, and "unknown". */
type Summary = { label: string | null; confidence: number | null; margin: number | null; unknown: boolean };
type Answer = { labels: string[]; prediction: Prediction; summary: Summary };

function summaryOf(p: Prediction): Summary {
  if (!("top" in p)) return { label: null, confidence: null, margin: null, unknown: false };
  const [first, second] = p.top;
  return {
    label: first?.label ?? null,
    confidence: first?.probability ?? null,
    margin: first && second ? first.probability - second.probability : null,
    unknown: p.unknown !== null,
  };
}
/** Images one prediction request may carry (uploaded and stored together), over GraphQL and REST alike. */
export const MAX_IMAGES = 64;

export function createPredictionService(db: Db, access: Access, models: ModelCache) {
  const checkpoints = checkpointsRepository(db);
  const images = imagesRepository(db);
  const evidence = createEvidence(db);
  const served = servedPredictionsRepository(db);

  /** Stores a served image once per content hash (with its thumbnail, for the review queue). */
  async function keepImage(item: Item): Promise<string | null> {
    // The same limit as uploads: a prediction may classify a larger image, but it is not stored.
    if (item.bytes.length > IMAGE_LIMITS.bytesPerFile) return null;
    try {
      const info = await inspectImage(Buffer.from(item.bytes), item.name);
      const sha256 = createHash("sha256").update(item.bytes).digest("hex");
      await images.saveBlob(blobOf(sha256, item.bytes, info));
      return sha256;
    } catch {
      return null; // unreadable: its prediction already says why
    }
  }
  const log = createWriteBehind((rows: Prisma.PredictionCreateManyInput[]) => checkpoints.logPredictions(rows));
  // One batcher per checkpoint: requests arriving together run through the model as one batch. It waits
  // only for the current turn of the event loop, so one client alone waits for nothing.
  const batchers = new Map<string, DataLoader<Item, Answer>>();
  const batcher = (checkpointId: string) => {
    let loader = batchers.get(checkpointId);
    if (!loader) {
      loader = new DataLoader<Item, Answer>(
        async (items) => {
          // At least two labels, so the log knows each answer's lead over the runner-up.
          const topK = Math.max(2, ...items.map((i) => i.topK));
          const { labels, predictions } = await models.predict(checkpointId, [...items], topK);
          return predictions.map((p, i) => ({
            labels,
            prediction: "top" in p ? { ...p, top: p.top.slice(0, items[i]?.topK) } : p,
            summary: summaryOf(p),
          }));
        },
        { cache: false, maxBatchSize: 32, batchScheduleFn: (run) => setImmediate(run) },
      );
      batchers.set(checkpointId, loader);
    }
    return loader;
  };

  /**
   * The checkpoint to use, its workspace and the caller's role there, in one query: predictions are the hot
   * path, so the access rule is applied to a role read with the rest (same answers as everywhere else).
   */
  async function target(caller: Caller | null, input: PredictInput) {
    const { userId } = requireCaller(caller, "predict"); // the scope first: a READ token learns nothing of ids
    if (input.checkpointId) {
      const found = await checkpoints.workspaceOf(input.checkpointId, userId);
      checkRole(found?.role, "predict", "Checkpoint");
      return found as NonNullable<typeof found>;
    }
    if (!input.experimentId)
      throw new ValidationError("checkpointId", "Give a checkpointId, or an experimentId with an alias.");
    const alias = input.alias ?? "production";
    const found = await checkpoints.aliasTarget(input.experimentId, alias, userId);
    checkRole(found?.role, "predict", "Experiment");
    if (!found?.checkpointId) throw new NotFoundError(`Checkpoint alias "${alias}"`);
    return { checkpointId: found.checkpointId, workspaceId: found.workspaceId };
  }

  return {
    /** What a workspace served, newest first (members and viewers). */
    async history(caller: Caller | null, workspaceId: string, page: PageRequest) {
      await access.require(caller, workspaceId, "read");
      return checkpoints.predictionsPage(workspaceId, page);
    },

    async predict(caller: Caller | null, input: PredictInput) {
      const started = performance.now();
      // Counted first, from the arguments alone: 10,000 ids are refused before a row or a byte is read.
      const ids = input.imageIds ?? [];
      const requireCount = (n: number) => {
        if (n === 0 || n > MAX_IMAGES)
          throw new ValidationError("images", `Give 1 to ${MAX_IMAGES} images (uploaded and stored together).`);
      };
      if (!input.readImages) requireCount((input.images?.length ?? 0) + ids.length);
      const { checkpointId, workspaceId } = await target(caller, input);
      const uploads = input.readImages ? await input.readImages() : (input.images ?? []);
      requireCount(uploads.length + ids.length);
      const alias = input.checkpointId ? null : (input.alias ?? "production");
      const keep = input.keep === true && uploads.length > 0 && (await served.keepAllowed(workspaceId));
      const topK = Math.min(Math.max(input.topK ?? 5, 1), 100);
      const items: Item[] = uploads.map((img, i) => ({
        name: optionalText(`images.${i}.name`, img.name, 255) ?? `image ${i + 1}`,
        bytes: "bytes" in img ? img.bytes : Buffer.from(img.base64, "base64"),
        topK,
      }));
      const unique = [...new Set(ids)];
      const stored = unique.length ? await images.bytesOfMany(unique, workspaceId) : new Map<string, Uint8Array>();
      if (stored.size !== unique.length) throw new NotFoundError("Image");
      for (const id of ids) items.push({ name: id, bytes: stored.get(id) ?? new Uint8Array(), topK });
      const answers = await batcher(checkpointId).loadMany(items);
      const latencyMs = performance.now() - started;
      const results = answers.map((a) =>
        a instanceof Error ? { name: "?", error: a.message } : { ...a.prediction, checkpointId },
      );
      predictionDuration.observe(
        { outcome: results.some((r) => "error" in r) ? "some_failed" : "ok" },
        latencyMs / 1000,
      );
      predictedImages.inc(items.length);
      const labels = answers.find((a): a is Answer => !(a instanceof Error))?.labels ?? [];
      for (const [i, r] of results.entries()) {
        const answer = answers[i];
        const summary = answer && !(answer instanceof Error) ? answer.summary : summaryOf(r);
        const item = items[i];
        const kept = keep && item && i < uploads.length && "top" in r ? await keepImage(item) : null;
        log.add({
          workspaceId,
          checkpointId,
          userId: caller?.userId ?? null,
          topK: "top" in r ? r.top : { error: r.error },
          latencyMs,
          alias,
          ...summary,
          keptSha256: kept,
        });
      }
      return { checkpointId, labels, latencyMs, results, kept: keep };
    },
    /** The training images nearest a predicted image (asked for by the `evidence` field only). */
    evidence: (checkpointId: string, vector: Float32Array) => evidence.nearest(checkpointId, vector),

    /** At shutdown: writes the buffered prediction logs and frees the models (worker threads, tensors). */
    close: async () => {
      await log.flush();
      await models.close();
    },
  };
}

export type PredictionService = ReturnType<typeof createPredictionService>;
