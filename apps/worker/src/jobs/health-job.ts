import {
  baseModelsRepository,
  datasetsRepository,
  healthRepository,
  jobsRepository,
  labelledVectors,
  type StoredHealthReport,
  vectorToBytes,
} from "@retrain/db";
import { datasetHealth, type HealthSplit, type HealthStage } from "@retrain/engine";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import { extractMissing } from "./extract-missing.js";
import type { WorkerDeps } from "./worker-deps.js";

/** Fewer labelled images than this give folds too small to say anything about a label. */
const MIN_IMAGES = 10;

/** Progress out of 100: where each stage starts and how much of the bar it takes. */
const BAR: Record<HealthStage | "extract", [start: number, span: number]> = {
  extract: [0, 40],
  neighbours: [40, 5],
  folds: [45, 35],
  map: [80, 20],
  done: [100, 0],
};

/**
 * HEALTH: the dataset's missing vectors first, then duplicates and leakage, likely wrong labels, strays,
 * balance and the map, stored whole per (dataset, base model) with the signature of what it looked at.
 */
export async function healthJob(deps: WorkerDeps, ctx: JobContext<"HEALTH">): Promise<JobOutcome<"HEALTH">> {
  const { job } = ctx;
  if (!job.datasetId || !job.baseModelId) throw new JobFailure("The job names no dataset or base model.");
  const datasetId = job.datasetId;
  const baseModel = await baseModelsRepository(deps.db).findById(job.baseModelId);
  if (!baseModel) throw new JobFailure("The base model was deleted.");
  await jobsRepository(deps.db).start(job.id, 100);
  const at = (stage: keyof typeof BAR, fraction = 0) => {
    const [start, span] = BAR[stage];
    void ctx.progress(Math.round(start + span * fraction), { stage });
  };
  const health = healthRepository(deps.db);
  // Taken before reading: a change made while the report computes leaves it marked stale, never wrongly fresh.
  const signature = await health.signature(datasetId);
  await extractMissing(deps, datasetId, baseModel, {
    signal: ctx.signal,
    onProgress: async (p) => at("extract", p.total ? p.done / p.total : 1),
  });
  if (ctx.signal.aborted) return { status: "CANCELLED" };

  const { images: rows, x, dim } = await labelledVectors(deps.db, datasetId, baseModel.id);
  const labelIds = [...new Set(rows.map((r) => r.labelId as string))].sort();
  if (rows.length < MIN_IMAGES || labelIds.length < 2)
    throw new JobFailure(`A health check needs at least ${MIN_IMAGES} labelled images of two labels or more.`);
  const ids = rows.map((r) => r.id);
  const names = new Map((await datasetsRepository(deps.db).labelsOf([datasetId])).map((l) => [l.id, l.name]));
  const report = await datasetHealth({
    vectors: { x, y: Int32Array.from(rows, (r) => labelIds.indexOf(r.labelId as string)), dim },
    splits: rows.map((r) => r.split.toLowerCase() as HealthSplit),
    labelNames: labelIds.map((id) => names.get(id) ?? id),
    options: { map: true, threads: deps.threads },
    onStage: (stage, fraction) => at(stage, fraction),
  });
  const id = (index: number) => ids[index] ?? "";
  const label = (index: number) => labelIds[index] ?? "";
  const stored: StoredHealthReport = {
    images: rows.length,
    duplicates: report.duplicates.map((g) => ({
      imageIds: g.members.map(id),
      maxDistance: g.maxDistance,
      crossesSplits: g.crossesSplits,
    })),
    mislabeled: report.mislabeled.map((m) => ({
      imageId: id(m.index),
      givenLabelId: label(m.givenLabel),
      suggestedLabelId: label(m.suggestedLabel),
      givenProbability: m.givenProbability,
      suggestedProbability: m.suggestedProbability,
    })),
    strays: report.strays.map((s) => ({ imageId: id(s.index), score: s.score })),
    balance: report.balance,
    seconds: report.seconds,
  };
  await health.save(datasetId, baseModel.id, {
    signature,
    report: stored,
    mapImageIds: ids,
    mapPoints: vectorToBytes(report.map ?? new Float32Array()),
  });
  const result = {
    images: rows.length,
    duplicateGroups: stored.duplicates.length,
    leakingGroups: stored.duplicates.filter((g) => g.crossesSplits).length,
    mislabeled: stored.mislabeled.length,
    strays: stored.strays.length,
  };
  await ctx.progress(100, result, true);
  return { status: "SUCCEEDED", result };
}
