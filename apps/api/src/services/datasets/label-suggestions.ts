import { bottlenecksRepository, bytesToVector, type Db, datasetsRepository, imagesRepository } from "@retrain/db";
import { labelNext } from "@retrain/engine";
import { ValidationError } from "../../domain/errors.js";
import type { ModelCache } from "../base-models/model-cache.js";
import type { Access, Caller } from "../workspaces/access.js";
import type { DatasetService } from "./dataset-service.js";
import { checkpointOfWorkspace, confidenceOf } from "./image-confidences.js";

/** Bounds on the vectors read per request: a 100,000-image dataset is sampled, not read whole into memory. */
const MAX_CANDIDATES = 20_000;
const MAX_LABELLED = 5_000;

export interface LabelSuggestion {
  imageId: string;
  /** 1 - the head's margin between its two best classes (1 without a checkpoint). */
  doubt: number;
  /** The checkpoint's calibrated top label and its probability; null without a checkpoint, or when it abstains. */
  label: string | null;
  confidence: number | null;
}

const packed = (rows: { vector: Uint8Array; dim: number }[], dim: number) => {
  const x = new Float32Array(rows.length * dim);
  for (const [i, row] of rows.entries()) x.set(bytesToVector(row.vector), i * dim);
  return x;
};

/**
 * The unlabelled images of a dataset as labelling work: in the order that should help the head most (engine's
 * labelNext: the checkpoint's doubt weighed by distance to what is labelled), each with the checkpoint's
 * suggested label (pre-labels), which can be accepted in bulk above a confidence. Only images whose vectors
 * exist for the base model take part (a run or a health check computes them).
 */
export function createLabelSuggestions(db: Db, access: Access, datasets: DatasetService, models: ModelCache) {
  const bottlenecks = bottlenecksRepository(db);

  /** The checkpoint (it must be of this dataset's workspace) or the base model the vectors are read for. */
  async function sourceOf(
    caller: Caller | null,
    datasetId: string,
    input: { checkpointId?: string | null; baseModelId?: string | null },
    action: "read" | "write" = "read",
  ) {
    const dataset = await datasets.datasetFor(caller, datasetId, action);
    if (input.checkpointId) {
      const checkpoint = await checkpointOfWorkspace(access, caller, dataset.workspaceId, input.checkpointId);
      return { dataset, checkpointId: checkpoint.id, baseModelId: checkpoint.baseModelId };
    }
    if (!input.baseModelId)
      throw new ValidationError("baseModelId", "Name a checkpoint, or a base model whose vectors to use.");
    return { dataset, checkpointId: null, baseModelId: input.baseModelId };
  }

  /** The unlabelled images' vectors, the labelled ones', and the checkpoint's probabilities for the former. */
  async function workOf(source: Awaited<ReturnType<typeof sourceOf>>) {
    const unlabelled = await bottlenecks.labellingVectors(source.dataset.id, source.baseModelId, false, MAX_CANDIDATES);
    const dim = unlabelled[0]?.dim ?? 0;
    const candidates = packed(unlabelled, dim);
    const head =
      source.checkpointId && unlabelled.length > 0
        ? await models.probabilities(source.checkpointId, candidates, dim)
        : null;
    const k = head?.labels.length ?? 1;
    /** The checkpoint's calibrated top label for candidate `i`, unless it would rather not say. */
    const suggestionOf = (i: number) => {
      const said = head ? confidenceOf(head, candidates, dim, i) : null;
      return { label: said?.label ?? null, confidence: said?.label ? said.confidence : null };
    };
    return { unlabelled, candidates, dim, head, k, suggestionOf };
  }

  async function suggest(
    caller: Caller | null,
    datasetId: string,
    input: { checkpointId?: string | null; baseModelId?: string | null; first: number },
  ): Promise<LabelSuggestion[]> {
    const source = await sourceOf(caller, datasetId, input);
    const work = await workOf(source);
    if (work.unlabelled.length === 0) return [];
    const labelled = await bottlenecks.labellingVectors(datasetId, source.baseModelId, true, MAX_LABELLED);
    const picks = labelNext({
      candidates: work.candidates,
      labelled: packed(labelled, work.dim),
      dim: work.dim,
      probabilities: work.head?.probabilities ?? null,
      k: work.k,
      count: Math.min(Math.max(input.first, 1), 500),
    });
    return picks.map((pick) => ({
      imageId: work.unlabelled[pick.index]?.imageId ?? "",
      doubt: pick.doubt,
      ...work.suggestionOf(pick.index),
    }));
  }

  return {
    suggest,

    /**
     * Labels every unlabelled image (with a vector) whose checkpoint answer is at least `minConfidence` and not
     * "don't know", with that answer; labels the dataset lacks are made. How many were labelled, per label.
     */
    async acceptAbove(caller: Caller | null, datasetId: string, checkpointId: string, minConfidence: number) {
      // Access first: someone who may not write learns nothing from a bad confidence either.
      const source = await sourceOf(caller, datasetId, { checkpointId }, "write");
      if (!(minConfidence > 0 && minConfidence <= 1))
        throw new ValidationError("minConfidence", "Give a confidence above 0 and at most 1.");
      const work = await workOf(source);
      const sure = work.unlabelled
        .map((row, i) => ({ imageId: row.imageId, ...work.suggestionOf(i) }))
        .filter((s) => s.label !== null && (s.confidence ?? 0) >= minConfidence);
      const labels = datasetsRepository(db);
      const byLabel = new Map<string, string[]>();
      for (const s of sure) byLabel.set(s.label as string, [...(byLabel.get(s.label as string) ?? []), s.imageId]);
      for (const [name, ids] of byLabel) {
        const label = await labels.ensureLabel(datasetId, name);
        await imagesRepository(db).update(ids, { labelId: label.id });
      }
      return [...byLabel].map(([label, ids]) => ({ label, count: ids.length }));
    },
  };
}

export type LabelSuggestions = ReturnType<typeof createLabelSuggestions>;
