import { bottlenecksRepository, bytesToVector, type Db } from "@retrain/db";
import { answer } from "@retrain/engine";
import { LRUCache } from "lru-cache";
import { ValidationError } from "../../domain/errors.js";
import type { ModelCache } from "../base-models/model-cache.js";
import type { Access, Caller } from "../workspaces/access.js";

/** A checkpoint's calibrated answer for one image: its top label (null when it would say don't know). */
export interface ImageConfidence {
  label: string | null;
  confidence: number;
}

/** Every image's answer, and the answered ids ranked by confidence (lowest first; ties by id). */
export interface RankedAnswers {
  answers: Map<string, ImageConfidence>;
  ranked: string[];
}

/** Vectors read and classified at a time: memory holds one batch, not a 100,000-image dataset. */
const BATCH = 2_000;

interface HeadOutput {
  labels: string[];
  calibrated: Parameters<typeof answer>[5];
  probabilities: Float32Array;
}

/** The checkpoint's answer for row `i` of a batch of vectors it classified. */
export function confidenceOf(head: HeadOutput, vectors: Float32Array, dim: number, i: number): ImageConfidence {
  const k = head.labels.length;
  const probabilities = head.probabilities.subarray(i * k, (i + 1) * k);
  const said = answer("", probabilities, vectors.subarray(i * dim, (i + 1) * dim), head.labels, 1, head.calibrated);
  if (!("top" in said)) return { label: null, confidence: Math.max(...probabilities) };
  const top = said.top[0];
  return { label: top && !said.unknown ? top.label : null, confidence: top?.probability ?? 0 };
}

/** A checkpoint the caller may read that belongs to the dataset's workspace (else a `checkpointId` error). */
export async function checkpointOfWorkspace(
  access: Access,
  caller: Caller | null,
  workspaceId: string,
  checkpointId: string,
) {
  const checkpoint = await access.checkpointFor(caller, checkpointId, "read");
  if (checkpoint.run.experiment.dataset.workspaceId !== workspaceId)
    throw new ValidationError("checkpointId", "That checkpoint is of another workspace.");
  return checkpoint;
}

/**
 * Every image's answer from one checkpoint, over the vectors cached for its base model (no image is decoded):
 * what the grid sorts by confidence and shows as pre-labels. Computed once per (checkpoint, dataset) and kept
 * while the dataset's vector count is unchanged (a run or health check that adds vectors makes it stale);
 * concurrent requests share one computation.
 */
export function createImageConfidences(db: Db, models: ModelCache) {
  const bottlenecks = bottlenecksRepository(db);
  const cache = new LRUCache<string, { vectors: number; answers: Promise<RankedAnswers> }>({ max: 8 });

  /** Adds the checkpoint's answers for these rows' vectors to `answers`. */
  async function classify(
    checkpointId: string,
    rows: { imageId: string; vector: Uint8Array; dim: number }[],
    answers: Map<string, ImageConfidence>,
  ) {
    const dim = rows[0]?.dim;
    if (!dim) return answers;
    const vectors = new Float32Array(rows.length * dim);
    for (const [i, row] of rows.entries()) vectors.set(bytesToVector(row.vector), i * dim);
    const head = await models.probabilities(checkpointId, vectors, dim);
    for (const [i, row] of rows.entries()) answers.set(row.imageId, confidenceOf(head, vectors, dim, i));
    return answers;
  }

  async function compute(checkpointId: string, datasetId: string, baseModelId: string): Promise<RankedAnswers> {
    const answers = new Map<string, ImageConfidence>();
    let after: string | null = null;
    for (;;) {
      const rows = await bottlenecks.vectorPage(datasetId, baseModelId, after, BATCH);
      if (rows.length === 0) return { answers, ranked: rankedByConfidence(answers) };
      await classify(checkpointId, rows, answers);
      after = rows.at(-1)?.imageId ?? null;
    }
  }

  return {
    /** The answers for a page of images only (a grid in another order needs no more than these). */
    forImages: async (checkpointId: string, imageIds: readonly string[], baseModelId: string) =>
      classify(checkpointId, await bottlenecks.vectorsOf(imageIds, baseModelId), new Map()),

    /**
     * Image id -> the checkpoint's answer, for the images of the dataset that have vectors for its base model,
     * and those ids ranked by confidence (sorted once here, not on every page a grid asks for).
     */
    async of(checkpointId: string, datasetId: string, baseModelId: string) {
      const key = `${checkpointId}:${datasetId}`;
      const vectors = await bottlenecks.count(datasetId, baseModelId);
      const held = cache.get(key);
      if (held && held.vectors === vectors) return held.answers;
      const answers = compute(checkpointId, datasetId, baseModelId);
      cache.set(key, { vectors, answers });
      answers.catch(() => cache.delete(key)); // a failure is not remembered
      return answers;
    },
  };
}

/** Ids by confidence, lowest first, ties by id (a total order: cursors into it are stable). */
function rankedByConfidence(answers: Map<string, ImageConfidence>): string[] {
  return [...answers].sort(([a, x], [b, y]) => x.confidence - y.confidence || (a < b ? -1 : 1)).map(([id]) => id);
}

export type ImageConfidences = ReturnType<typeof createImageConfidences>;
