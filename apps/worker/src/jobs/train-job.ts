import {
  baseModelsRepository,
  checkpointsRepository,
  datasetsRepository,
  experimentsRepository,
  jobsRepository,
} from "@retrain/db";
import {
  createHeadModel,
  createOptimizer,
  EngineError,
  evaluate,
  predictVectors,
  resolveHyperparameters,
  trainHead,
  trainingPlan,
} from "@retrain/engine";
import { extractMissing, type WorkerDeps } from "./extract-missing.js";
import { restoreRunCheckpoint, saveRunCheckpoint } from "./run-checkpoint.js";
import { loadTrainingData } from "./training-data.js";

/** Thrown from the epoch callback when the run was cancelled, to stop training between epochs. */
class RunCancelled extends Error {}

/**
 * A training run: extract the missing vectors (as a job row the run page shows), train the head with
 * per-epoch metrics (from a checkpoint when the run resumes one), evaluate on the test split (validation when
 * there is none), and save the checkpoint. A rerun starts the run afresh; a cancelled run stops between
 * batches of extraction or between epochs.
 */
export async function runTrainJob(deps: WorkerDeps, runId: string): Promise<void> {
  const experiments = experimentsRepository(deps.db);
  const jobs = jobsRepository(deps.db);
  const run = await experiments.findRun(runId);
  if (!run || ["SUCCEEDED", "CANCELLED"].includes(run.status)) return;
  const { experiment } = run;
  const fail = (error: string) => experiments.advanceRun(runId, "FAILED", { error, finishedAt: new Date() });
  try {
    const baseModel = await baseModelsRepository(deps.db).findById(experiment.baseModelId);
    if (!baseModel) return void (await fail("The base model was deleted."));
    if (!(await experiments.advanceRun(runId, "EXTRACTING", { startedAt: new Date(), error: null }))) return;
    const job = await jobs.create({
      workspaceId: experiment.dataset.workspaceId,
      kind: "EXTRACT",
      datasetId: experiment.datasetId,
      baseModelId: baseModel.id,
      runId,
    });
    const abort = new AbortController();
    let lastWrite = 0;
    const extraction = await extractMissing(deps, experiment.datasetId, baseModel, {
      signal: abort.signal,
      onStart: (total) => jobs.start(job.id, total),
      onProgress: async (p) => {
        if (Date.now() - lastWrite < 250) return;
        lastWrite = Date.now();
        await jobs.progress(job.id, p.done, { imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds ?? null });
        if (await experiments.isCancelled(runId)) abort.abort();
      },
    });
    await jobs.progress(job.id, extraction.computed + extraction.failed);
    await jobs.finish(job.id, abort.signal.aborted ? "CANCELLED" : "SUCCEEDED", { result: extraction });
    if (!(await experiments.advanceRun(runId, "TRAINING"))) return;

    await experiments.clearEpochs(runId);
    await checkpointsRepository(deps.db).deleteOfRun(runId);
    const model = (await baseModelsRepository(deps.db).findById(baseModel.id)) ?? baseModel; // now with its hash
    const labels = await datasetsRepository(deps.db).labelsOf([experiment.datasetId]);
    const data = await loadTrainingData(
      deps.db,
      experiment.datasetId,
      model.id,
      new Map(labels.map((l) => [l.id, l.name])),
    );
    if (data.labels.length < 2 || data.sets.TRAIN.y.length === 0) {
      return void (await fail("Training needs labelled TRAIN images of at least two labels."));
    }
    const hyperparameters = resolveHyperparameters(run.hyperparameters as Record<string, unknown>);
    const plan = trainingPlan(hyperparameters, data.dim, data.labels.length);
    const resumed = run.resumedFromId
      ? await restoreRunCheckpoint(deps.db, run.resumedFromId, model, data.labels)
      : null;
    const head = resumed?.head ?? createHeadModel(plan.head);
    const optimizer = resumed?.optimizer ?? createOptimizer(plan.optimizer);
    const training = { ...plan.training, initialEpoch: resumed?.step ?? 0 };
    const result = await trainHead(head, optimizer, data.sets.TRAIN, data.sets.VALIDATION, training, async (m) => {
      await experiments.saveEpoch(runId, m);
      if (await experiments.isCancelled(runId)) throw new RunCancelled();
    });

    const held = data.sets.TEST.y.length > 0 ? data.sets.TEST : data.sets.VALIDATION;
    const probs = await predictVectors(head, held.x, data.dim);
    const evaluation = evaluate(probs, held.y, data.labels, held.imageIds, 5);
    const last = result.history.find((h) => h.epoch === result.bestEpoch) ?? result.history.at(-1);
    const metrics = {
      trainAccuracy: last?.trainAccuracy ?? null,
      validationAccuracy: last?.validationAccuracy ?? null,
      testAccuracy: evaluation.accuracy,
      topKAccuracy: evaluation.topKAccuracy,
      epochs: result.history.length,
      bestEpoch: result.bestEpoch,
      trainingSeconds: result.seconds,
    };
    await saveRunCheckpoint(deps.db, runId, model, {
      head,
      optimizer,
      step: result.bestEpoch,
      labels: data.labels,
      dim: data.dim,
      plan: { ...plan, training },
      metrics,
    });
    head.dispose();
    await experiments.advanceRun(runId, "SUCCEEDED", {
      finishedAt: new Date(),
      metrics,
      evaluation: { ...evaluation, misclassified: evaluation.misclassified.slice(0, 100) } as object,
    });
  } catch (error) {
    if (error instanceof RunCancelled) return;
    if (error instanceof EngineError) return void (await fail(error.message));
    throw error;
  }
}
