import type { Db } from "@retrain/db";
import type { DownloadOptions, InferenceChoice } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { createPasswordHasher } from "../auth/passwords.js";
import { type AuthLimitSettings, createAuthLimits } from "../auth/rate-limits.js";
import type { Services } from "../context.js";
import { createAccess } from "./access.js";
import { createAccountService } from "./account-service.js";
import { createAuthService } from "./auth-service.js";
import { createBaseModelService } from "./base-model-service.js";
import { createCalibrationService } from "./calibration-service.js";
import { createDatasetHealthService } from "./dataset-health-service.js";
import { createDatasetService } from "./dataset-service.js";
import { createExperimentHousekeeping } from "./experiment-housekeeping.js";
import { createExperimentService } from "./experiment-service.js";
import { createExportService } from "./export-service.js";
import { createExtractionService } from "./extraction-service.js";
import { createHealthService } from "./health-service.js";
import { createImageService } from "./image-service.js";
import { createImportService } from "./import-service.js";
import { createModelCache } from "./model-cache.js";
import { createParityService } from "./parity-service.js";
import { createPredictionService } from "./prediction-service.js";
import { createPromotionService } from "./promotion-service.js";
import { createRunService } from "./run-service.js";
import { createServingService } from "./serving-service.js";
import { createWorkspaceHousekeeping } from "./workspace-housekeeping.js";
import { createWorkspaceService } from "./workspace-service.js";

export interface ServiceOptions {
  version: string;
  /** The TensorFlow.js backend of this process. */
  backend: string;
  /** What runs base models here (onnxruntime, or the TensorFlow.js backend). */
  inferenceBackend?: string;
  queue: JobQueue;
  /** Where base models are kept (model.json and shards, a folder each). */
  modelCacheDir: string;
  /** Where built model downloads (zips) are kept. */
  exportDir: string;
  /** How base models are fetched from URLs: the guarded fetch and the size limits. */
  modelDownloads: DownloadOptions;
  /** Where base models run for predictions, and on how many worker threads. */
  inference: InferenceChoice;
  predictionThreads?: number;
  predictionIntraOpThreads?: number;
  auth: AuthLimitSettings & { hashConcurrency: number };
}

export function createServices(db: Db, options: ServiceOptions): Services {
  const info = {
    version: options.version,
    backend: options.backend,
    inferenceBackend: options.inferenceBackend ?? options.backend,
  };
  const modelOptions = { modelCacheDir: options.modelCacheDir, download: options.modelDownloads };
  const access = createAccess(db);
  const datasets = createDatasetService(db, access);
  const experiments = createExperimentService(db, access, datasets);
  const passwords = createPasswordHasher({ concurrency: options.auth.hashConcurrency, queue: 32 });
  const limits = createAuthLimits(db, options.auth);
  const models = createModelCache(db, {
    ...modelOptions,
    inference: options.inference,
    threads: options.predictionThreads,
    intraOpThreads: options.predictionIntraOpThreads,
  });
  return {
    health: createHealthService(db, info),
    auth: createAuthService(db, passwords, limits),
    account: createAccountService(db, passwords, limits),
    workspaces: createWorkspaceService(db, access),
    workspaceHousekeeping: createWorkspaceHousekeeping(db, access, options.modelCacheDir),
    datasets,
    images: createImageService(db, access, datasets),
    baseModels: createBaseModelService(db, access, modelOptions),
    extraction: createExtractionService(db, access, datasets, options.queue),
    datasetHealth: createDatasetHealthService(db, datasets),
    imports: createImportService(db, access, datasets, options.queue),
    experiments,
    experimentHousekeeping: createExperimentHousekeeping(db, access, experiments, options.exportDir),
    runs: createRunService(db, access, experiments, options.queue),
    exports: createExportService(db, access, { ...modelOptions, exportDir: options.exportDir }),
    predictions: createPredictionService(db, access, models),
    calibration: createCalibrationService(db, access, models),
    promotion: createPromotionService(db, access, createParityService(db, models)),
    serving: createServingService(db, access),
  };
}
