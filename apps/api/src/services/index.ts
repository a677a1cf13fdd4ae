import type { ChangeFeed, Db } from "@retrain/db";
import type { DownloadOptions, InferenceChoice } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { createMailer } from "../auth/mailer.js";
import { createPasswordHasher } from "../auth/passwords.js";
import { type AuthLimitSettings, createAuthLimits } from "../auth/rate-limits.js";
import type { Services } from "../context.js";
import { createAccess } from "./access.js";
import { createAccountService } from "./account-service.js";
import { createApiTokenService } from "./api-token-service.js";
import { createAuthService } from "./auth-service.js";
import { createBaseModelService } from "./base-model-service.js";
import { createCalibrationService } from "./calibration-service.js";
import { createDatasetHealthService } from "./dataset-health-service.js";
import { createDatasetService } from "./dataset-service.js";
import { createExperimentHousekeeping } from "./experiment-housekeeping.js";
import { createExperimentService } from "./experiment-service.js";
import { createExportService } from "./export-service.js";
import { createHealthService } from "./health-service.js";
import { createImageService } from "./image-service.js";
import { createImportService } from "./import-service.js";
import { createJobQuota } from "./job-quota.js";
import { createJobService } from "./job-service.js";
import { createModelCache } from "./model-cache.js";
import { createParityService } from "./parity-service.js";
import { createPasswordResetService } from "./password-reset-service.js";
import { createPredictionService } from "./prediction-service.js";
import { createPromotionService } from "./promotion-service.js";
import { createRunService } from "./run-service.js";
import { createServingService } from "./serving-service.js";
import { createSignUpPolicy, type SignUpMode } from "./sign-up-policy.js";
import { createSingleSignOn, type SingleSignOnSettings } from "./single-sign-on.js";
import { createWorkspaceHousekeeping } from "./workspace-housekeeping.js";
import { createWorkspaceService } from "./workspace-service.js";

export interface ServiceOptions {
  version: string;
  /** The TensorFlow.js backend of this process. */
  backend: string;
  /** What runs base models here (onnxruntime, or the TensorFlow.js backend). */
  inferenceBackend?: string;
  queue: JobQueue;
  /** The database's change announcements: live updates read rows only when told something changed. */
  changes: ChangeFeed;
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
  /** Who may create an account (default invite-only). */
  signUp?: SignUpMode;
  singleSignOn?: SingleSignOnSettings | null;
  /** The mail server for reset links by e-mail, if any. */
  smtp?: { url: string; from: string } | null;
  /** Where users reach the dashboard (links in e-mails). */
  dashboardUrl?: string;
  /** Work one workspace may have queued or running at once. */
  maxActiveJobsPerWorkspace?: number;
}

export function createServices(db: Db, options: ServiceOptions): Services {
  const info = {
    version: options.version,
    backend: options.backend,
    inferenceBackend: options.inferenceBackend ?? options.backend,
  };
  const modelOptions = { modelCacheDir: options.modelCacheDir, download: options.modelDownloads };
  const access = createAccess(db);
  const datasets = createDatasetService(db, access, options.changes, options.exportDir);
  const experiments = createExperimentService(db, access, datasets);
  const quota = createJobQuota(db, options.maxActiveJobsPerWorkspace ?? 20);
  const passwords = createPasswordHasher({ concurrency: options.auth.hashConcurrency, queue: 32 });
  const limits = createAuthLimits(db, options.auth);
  const policy = createSignUpPolicy(db, options.signUp ?? "invite-only");
  const workspaces = createWorkspaceService(db, access);
  const auth = createAuthService(db, passwords, limits, policy, workspaces);
  const models = createModelCache(db, {
    ...modelOptions,
    inference: options.inference,
    threads: options.predictionThreads,
    intraOpThreads: options.predictionIntraOpThreads,
  });
  return {
    health: createHealthService(db, info),
    auth,
    signUpPolicy: policy,
    sso: createSingleSignOn(db, options.singleSignOn ?? null, auth, policy, limits),
    apiTokens: createApiTokenService(db),
    passwordResets: createPasswordResetService(db, access, passwords, limits, {
      mailer: options.smtp ? createMailer(options.smtp.url, options.smtp.from) : null,
      dashboardUrl: options.dashboardUrl ?? "http://localhost:3000",
    }),
    account: createAccountService(db, passwords, limits),
    workspaces,
    workspaceHousekeeping: createWorkspaceHousekeeping(db, access, options.modelCacheDir),
    datasets,
    images: createImageService(db, access, datasets),
    baseModels: createBaseModelService(db, access, modelOptions),
    jobs: createJobService(db, access, datasets, options.queue, options.changes, quota),
    datasetHealth: createDatasetHealthService(db, datasets),
    imports: createImportService(db, access, datasets, options.queue, quota),
    experiments,
    experimentHousekeeping: createExperimentHousekeeping(db, access, experiments, options.exportDir),
    runs: createRunService(db, access, experiments, options.queue, options.changes, quota),
    exports: createExportService(db, access, { ...modelOptions, exportDir: options.exportDir }),
    predictions: createPredictionService(db, access, models),
    calibration: createCalibrationService(db, access, models),
    promotion: createPromotionService(db, access, createParityService(db, models)),
    serving: createServingService(db, access),
  };
}
