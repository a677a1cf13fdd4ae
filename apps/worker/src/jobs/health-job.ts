import {
  baseModelsRepository,
  datasetsRepository,
  healthRepository,
  jobsRepository,
  type StoredHealthReport,
  vectorToBytes,
} from "@retrain/db";
import { datasetHealth, type HealthSplit, type HealthStage } from "@retrain/engine";
import { log } from "../observability/log.js";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import { extractMissing } from "./extract-missing.js";
import { type HealthData, loadHealthData } from "./health-data.js";
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

  const data = await loadHealthData(deps.db, datasetId, baseModel.id, deps.trainingMemoryBytes);
  if ("rows" in data.set)
    log.info({ jobId: job.id, vectors: data.images.length }, "health: the vectors are streamed from a local file");
  // A streamed set is a file in TMPDIR: deleted whatever happens.
  try {
    const stored = await checkedReport(deps, data, datasetId, at);
    await health.save(datasetId, baseModel.id, { signature, ...stored });
    const { report } = stored;
    const result = {
      images: report.images,
      duplicateGroups: report.duplicates.length,
      leakingGroups: report.duplicates.filter((g) => g.crossesSplits).length,
      mislabeled: report.mislabeled.length,
      strays: report.strays.length,
    };
    await ctx.progress(100, result, true);
    return { status: "SUCCEEDED", result };
  } finally {
    data.close();
  }
}

/** The engine's report on the loaded vectors, its row numbers turned into image and label ids. */
async function checkedReport(
  deps: WorkerDeps,
  data: HealthData,
  datasetId: string,
  at: (stage: HealthStage, fraction?: number) => void,
) {
  const { images, labelIds, set } = data;
  if (images.length < MIN_IMAGES || labelIds.length < 2)
    throw new JobFailure(`A health check needs at least ${MIN_IMAGES} labelled images of two labels or more.`);
  const names = new Map((await datasetsRepository(deps.db).labelsOf([datasetId])).map((l) => [l.id, l.name]));
  const report = await datasetHealth({
    vectors: set,
    splits: images.map((image) => image.split.toLowerCase() as HealthSplit),
    labelNames: labelIds.map((id) => names.get(id) ?? id),
    options: { map: true, threads: deps.threads },
    onStage: at,
  });
  const id = (index: number) => images[index]?.id ?? "";
  const label = (index: number) => labelIds[index] ?? "";
  const stored: StoredHealthReport = {
    images: images.length,
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
  return {
    report: stored,
    mapImageIds: (report.map?.rows ?? []).map(id),
    mapPoints: vectorToBytes(report.map?.points ?? new Float32Array()),
  };
}
