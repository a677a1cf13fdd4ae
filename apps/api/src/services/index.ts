import path from "node:path";
import type { Db } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import type { Services } from "../context.js";
import { createAccess } from "./access.js";
import { createAuthService } from "./auth-service.js";
import { createBaseModelService } from "./base-model-service.js";
import { createDatasetService } from "./dataset-service.js";
import { createExperimentService } from "./experiment-service.js";
import { createExportService } from "./export-service.js";
import { createExtractionService } from "./extraction-service.js";
import { createHealthService } from "./health-service.js";
import { createImageService } from "./image-service.js";
import { createImportService } from "./import-service.js";
import { createModelCache } from "./model-cache.js";
import { createPredictionService } from "./prediction-service.js";
import { createRunService } from "./run-service.js";
import { createWorkspaceService } from "./workspace-service.js";

export interface ServiceOptions {
  version: string;
  backend: string;
  queue: JobQueue;
  modelCacheDir: string;
}

export function createServices(db: Db, options: ServiceOptions): Services {
  const info = { version: options.version, backend: options.backend };
  const access = createAccess(db);
  const datasets = createDatasetService(db, access);
  const experiments = createExperimentService(db, access, datasets);
  return {
    health: createHealthService(db, info),
    auth: createAuthService(db),
    workspaces: createWorkspaceService(db, access),
    datasets,
    images: createImageService(db, access, datasets),
    baseModels: createBaseModelService(db, access, options.modelCacheDir),
    extraction: createExtractionService(db, access, datasets, options.queue),
    imports: createImportService(db, access, datasets, options.queue),
    experiments,
    runs: createRunService(db, access, experiments, options.queue),
    exports: createExportService(db, access, {
      modelCacheDir: options.modelCacheDir,
      exportDir: path.join(options.modelCacheDir, "..", "exports"),
    }),
    predictions: createPredictionService(db, access, createModelCache(db, options.modelCacheDir)),
  };
}
