import {
  baseModelsRepository,
  checkpointsRepository,
  datasetsRepository,
  experimentsRepository,
  jobsRepository,
} from "@retrain/db";
import { resolveHyperparameters, trainClassifier, trainingPlan } from "@retrain/engine";
import { storedModel } from "@retrain/models";
import { log } from "../observability/log.js";
import { JobFailure } from "../runner/job-failure.js";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import { throttledProgress } from "../runner/progress.js";
import { extractMissing } from "./extract-missing.js";
import { checkpointToResume, saveRunCheckpoint } from "./run-checkpoint.js";
import { loadTrainingData } from "./training-data.js";
import type { WorkerDeps } from "./worker-deps.js";

/** Stops training between epochs when the job is cancelled or handed back. */
class Stopped extends Error {}

/**
 * TRAIN, a run: extract the missing vectors (progress on the run's extraction row, which a retry reuses),
 * train the head with per-epoch metrics (from a checkpoint when the run resumes one), evaluate, save the
 * checkpoint. A retry starts training afresh: epochs are overwritten, never duplicated; extraction computes
 * only what is still missing.
 */
export async function trainJob(deps: WorkerDeps, ctx: JobContext<"TRAIN">): Promise<JobOutcome<"TRAIN">> {
  const experiments = experimentsRepository(deps.db);
  const jobs = jobsRepository(deps.db);
  const runId = ctx.job.runId;
  const run = runId ? await experiments.findRun(runId) : null;
  if (!runId || !run) throw new JobFailure("The run was deleted.");
  if (run.status === "SUCCEEDED") return { status: "SUCCEEDED" };
  if (run.status === "CANCELLED") return { status: "CANCELLED" };
  const { experiment } = run;
  const baseModel = await baseModelsRepository(deps.db).findById(experiment.baseModelId);
  if (!baseModel) throw new JobFailure("The base model was deleted.");
  if (!(await experiments.advanceRun(runId, "EXTRACTING", { startedAt: run.startedAt ?? new Date(), error: null })))
    return { status: "CANCELLED" };

  const unfinished = await jobs.ofRun(runId, "EXTRACT");
  const extractionRow =
    unfinished && !unfinished.finishedAt
      ? unfinished
      : await jobs.create({
          workspaceId: experiment.dataset.workspaceId,
          kind: "EXTRACT",
          datasetId: experiment.datasetId,
          baseModelId: baseModel.id,
          runId,
        });
  const extractionProgress = throttledProgress(deps.db, extractionRow.id);
  const extraction = await extractMissing(deps, experiment.datasetId, baseModel, {
    signal: ctx.signal,
    onStart: (total) => jobs.start(extractionRow.id, total),
    onProgress: async (p) => {
      await extractionProgress(p.done, { imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds ?? null });
      await ctx.progress(p.done);
    },
  });
  if (ctx.signal.aborted) throw new Stopped();
  await jobs.progress(extractionRow.id, extraction.computed + extraction.failed);
  await jobs.finish(extractionRow.id, "SUCCEEDED", { result: extraction });
  if (!(await experiments.advanceRun(runId, "TRAINING"))) return { status: "CANCELLED" };

  await experiments.clearEpochs(runId);
  await checkpointsRepository(deps.db).deleteOfRun(runId);
  const model = (await baseModelsRepository(deps.db).findById(baseModel.id)) ?? baseModel; // now with its hash
  const labels = await datasetsRepository(deps.db).labelsOf([experiment.datasetId]);
  const data = await loadTrainingData(
    deps.db,
    experiment.datasetId,
    model.id,
    new Map(labels.map((l) => [l.id, l.name])),
    deps.trainingMemoryBytes,
  );
  if ("rows" in data.sets.TRAIN)
    log.info({ runId, vectors: data.sets.TRAIN.y.length }, "training: the split is streamed from a local file");
  // A streamed training split is a file in TMPDIR: deleted whatever happens.
  try {
    if (data.labels.length < 2 || data.sets.TRAIN.y.length === 0)
      throw new JobFailure("Training needs labelled TRAIN images of at least two labels.");
    const stored = storedModel(model);
    const hyperparameters = resolveHyperparameters(run.hyperparameters);
    const plan = trainingPlan(hyperparameters, data.dim, data.labels.length);
    const trained = await trainClassifier({
      labels: data.labels,
      train: data.sets.TRAIN,
      validation: data.sets.VALIDATION,
      test: data.sets.TEST,
      plan,
      // The same identity and preprocessing the CLI records for this model (the cut point included).
      baseModel: { ...stored.identity, featureDim: data.dim },
      preprocessing: stored.preprocessing,
      resumeFrom: run.resumedFromId
        ? await checkpointToResume(deps.db, run.resumedFromId, model, data.labels)
        : undefined,
      onEpoch: async (m) => {
        await experiments.saveEpoch(runId, m);
        await ctx.progress(m.epoch);
        if (ctx.signal.aborted) throw new Stopped();
      },
    }).catch((error: unknown) => {
      if (error instanceof Stopped || ctx.signal.aborted) throw new Stopped();
      throw error;
    });
    await saveRunCheckpoint(deps.db, runId, model, trained.checkpoint);
    const evaluation = trained.evaluation
      ? { ...trained.evaluation, misclassified: trained.evaluation.misclassified.slice(0, 100) }
      : null;
    await experiments.advanceRun(runId, "SUCCEEDED", {
      finishedAt: new Date(),
      metrics: trained.metrics,
      evaluation,
    });
    return { status: "SUCCEEDED", result: { checkpointStep: trained.checkpoint.step } };
  } finally {
    data.close();
  }
}
