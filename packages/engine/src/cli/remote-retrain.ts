import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type HyperparametersInput, RetrainApiError, RetrainClient, type Run } from "@retrain/client";
import type { RetrainOptions } from "../pipeline/retrain-options.js";
import { createProgressDisplay, type ProgressLine } from "./progress.js";
import type { RemoteTarget } from "./retrain-args.js";

/** The head's options as the server takes them (splits, augmentation and caches are the server's business). */
function hyperparametersOf(options: RetrainOptions): HyperparametersInput {
  const { training, optimizer, head } = options;
  return {
    epochs: training?.epochs ?? null,
    batchSize: training?.batchSize ?? null,
    l2: training?.l2 ?? null,
    labelSmoothing: training?.labelSmoothing ?? null,
    classWeights: training?.classWeights === "none" ? "NONE" : "BALANCED",
    earlyStoppingPatience: training?.earlyStoppingPatience ?? 0,
    seed: training?.seed ?? null,
    learningRate: optimizer?.learningRate ?? null,
    optimizer: optimizer?.name === "sgd" ? "SGD" : "ADAM",
    momentum: optimizer?.name === "sgd" ? (optimizer.momentum ?? null) : null,
    hiddenUnits: head?.hiddenUnits ?? null,
    dropout: head?.dropout ?? null,
  };
}

/**
 * retrain on a Retrain Studio server: the image folder becomes a dataset (class folders its labels), an
 * experiment trains on the named catalog model with these options, and the finished model's export is
 * downloaded to the output folder. Progress as the local run shows it: a bar for uploads, extraction, epochs.
 */
export async function remoteRetrain(options: RetrainOptions, target: RemoteTarget) {
  const client = new RetrainClient(target.server, target.token);
  const name = `${path.basename(options.imageDir)} ${new Date().toISOString().slice(0, 19).replace("T", " ")}`;
  const workspaceId = target.workspaceId ?? (await client.createWorkspace("retrain CLI"));
  const datasetId = await client.createDataset(workspaceId, name);
  const baseModelId = await client.baseModelId(options.baseModel);
  const progress = createProgressDisplay();
  let run: Run;
  let uploads = { accepted: 0, duplicate: 0, rejected: 0 };
  try {
    const uploadLine = progress.line("upload");
    const results = await client.uploadFolder(datasetId, options.imageDir, 50, (done, total) =>
      uploadLine.update(done, total, ""),
    );
    uploads = {
      accepted: results.filter((r) => r.status === "ACCEPTED").length,
      duplicate: results.filter((r) => r.status === "DUPLICATE").length,
      rejected: results.filter((r) => r.status === "REJECTED").length,
    };
    const experimentId = await client.createExperiment({
      datasetId,
      baseModelId,
      name: "retrain CLI",
      hyperparameters: hyperparametersOf(options),
    });
    let extractLine: ProgressLine | undefined;
    let trainLine: ProgressLine | undefined;
    run = await client.waitForRun(await client.startRun(experimentId), {
      onProgress: (r) => {
        const extraction = r.extraction?.progress;
        if (extraction && extraction.total > 0) {
          extractLine ??= progress.line("extract");
          extractLine.update(extraction.done, extraction.total, "");
        }
        const last = r.epochs.at(-1);
        if (last) {
          trainLine ??= progress.line("train");
          const val = last.validationAccuracy == null ? "" : ` val acc ${last.validationAccuracy.toFixed(3)}`;
          trainLine.update(last.epoch, r.hyperparameters.epochs, `| acc ${last.trainAccuracy.toFixed(3)}${val}`);
        }
      },
    });
  } finally {
    progress.stop();
  }
  if (run.status !== "SUCCEEDED")
    throw new RetrainApiError(`The run ${run.status.toLowerCase()}: ${run.error ?? "no reason given"}.`, run.status);
  const checkpoint = run.checkpoints.at(-1);
  await mkdir(options.outputDir, { recursive: true });
  const model = checkpoint
    ? await client.downloadExport(checkpoint.id, path.join(options.outputDir, "model.zip"))
    : null;
  return { server: client.url, workspaceId, datasetId, runId: run.id, uploads, metrics: run.metrics, model };
}
