import { baseModelsRepository, checkpointsRepository, datasetsRepository, experimentsRepository } from "@retrain/db";
import {
  createCheckpoint,
  createHeadModel,
  createOptimizer,
  EngineError,
  evaluate,
  predictVectors,
  resolveHyperparameters,
  toCheckpointRecord,
  trainHead,
  trainingPlan,
} from "@retrain/engine";
import { extractMissing, type WorkerDeps } from "./extract-missing.js";
import { loadTrainingData } from "./training-data.js";

/**
 * A training run: extract the missing vectors, train the head with per-epoch metrics, evaluate on the
 * test split (validation when there is none), and save the checkpoint. A rerun starts the run afresh.
 */
export async function runTrainJob(deps: WorkerDeps, runId: string): Promise<void> {
  const experiments = experimentsRepository(deps.db);
  const run = await experiments.findRun(runId);
  if (!run || run.status === "SUCCEEDED" || run.status === "CANCELLED") return;
  const { experiment } = run;
  const fail = (error: string) => experiments.setRunStatus(runId, "FAILED", { error, finishedAt: new Date() });
  try {
    const baseModel = await baseModelsRepository(deps.db).findById(experiment.baseModelId);
    if (!baseModel) return void (await fail("The base model was deleted."));
    await experiments.setRunStatus(runId, "EXTRACTING", { startedAt: new Date(), error: null });
    await extractMissing(deps, experiment.datasetId, baseModel);

    await experiments.setRunStatus(runId, "TRAINING");
    await experiments.clearEpochs(runId);
    await checkpointsRepository(deps.db).deleteOfRun(runId);
    const labels = await datasetsRepository(deps.db).labelsOf([experiment.datasetId]);
    const data = await loadTrainingData(
      deps.db,
      experiment.datasetId,
      baseModel.id,
      new Map(labels.map((l) => [l.id, l.name])),
    );
    if (data.labels.length < 2 || data.sets.TRAIN.y.length === 0) {
      return void (await fail("Training needs labelled TRAIN images of at least two labels."));
    }
    const hyperparameters = resolveHyperparameters(run.hyperparameters as Record<string, unknown>);
    const plan = trainingPlan(hyperparameters, data.dim, data.labels.length);
    const head = createHeadModel(plan.head);
    const optimizer = createOptimizer(plan.optimizer);
    const result = await trainHead(head, optimizer, data.sets.TRAIN, data.sets.VALIDATION, plan.training, async (m) => {
      await experiments.saveEpoch(runId, m);
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
    const weightsHash = (await baseModelsRepository(deps.db).findById(baseModel.id))?.weightsHash ?? "";
    const checkpoint = await createCheckpoint(head, optimizer, {
      step: result.bestEpoch,
      labels: data.labels,
      baseModel: {
        id: baseModel.key,
        url: baseModel.sourceUrl,
        format: baseModel.format === "GRAPH" ? "graph" : "layers",
        featureDim: data.dim,
        weightsHash,
      },
      preprocessing: {
        inputSize: baseModel.inputWidth,
        normalization: baseModel.normalization === "[0,1]" ? "[0,1]" : "[-1,1]",
        resize: "center-crop",
      },
      training: { head: plan.head, optimizer: plan.optimizer, options: plan.training },
      metrics,
    });
    await checkpointsRepository(deps.db).create({
      runId,
      ...toCheckpointRecord(checkpoint),
      baseModelId: baseModel.id,
      baseModelWeightsHash: weightsHash,
      metrics,
    });
    head.dispose();
    await experiments.setRunStatus(runId, "SUCCEEDED", {
      finishedAt: new Date(),
      metrics,
      evaluation: { ...evaluation, misclassified: evaluation.misclassified.slice(0, 100) } as object,
    });
  } catch (error) {
    if (error instanceof EngineError) return void (await fail(error.message));
    throw error;
  }
}
