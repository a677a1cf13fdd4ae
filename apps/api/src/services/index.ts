import type { ChangeFeed, Db } from "@retrain/db";
import type { DownloadOptions, InferenceChoice } from "@retrain/engine";
import type { JobQueue } from "@retrain/jobs";
import { createMailer } from "../auth/mailer.js";
import { createPasswordHasher } from "../auth/passwords.js";
import { type AuthLimitSettings, createAuthLimits } from "../auth/rate-limits.js";
import type { Services } from "../context.js";
import { createBaseModelService } from "./base-models/base-model-service.js";
import { createModelCache } from "./base-models/model-cache.js";
import { createDatasetExport } from "./datasets/dataset-export.js";
import { createDatasetService } from "./datasets/dataset-service.js";
import { createDirectUploads } from "./datasets/direct-uploads.js";
import { createImageConfidences } from "./datasets/image-confidences.js";
import { createImageService } from "./datasets/image-service.js";
import { createImportService } from "./datasets/import-service.js";
import { createLabelSuggestions } from "./datasets/label-suggestions.js";
import { createDatasetHealthService } from "./health/dataset-health-service.js";
import { createAccountService } from "./identity/account-service.js";
import { createApiTokenService } from "./identity/api-token-service.js";
import { createAuthService } from "./identity/auth-service.js";
import { createPasswordResetService } from "./identity/password-reset-service.js";
import { createSignUpPolicy, type SignUpMode } from "./identity/sign-up-policy.js";
import { createSingleSignOn, type SingleSignOnSettings } from "./identity/single-sign-on.js";
import { createJobService } from "./jobs/job-service.js";
import { createExportService } from "./serving/export-service.js";
import { createPredictionService } from "./serving/prediction-service.js";
import { createServingService } from "./serving/serving-service.js";
import { createHealthService } from "./system/health-service.js";
import { createCalibrationService } from "./training/calibration-service.js";
import { createExperimentHousekeeping } from "./training/experiment-housekeeping.js";
import { createExperimentService } from "./training/experiment-service.js";
import { createParityService } from "./training/parity-service.js";
import { createPromotionService } from "./training/promotion-service.js";
import { createRunService } from "./training/run-service.js";
import { createAccess } from "./workspaces/access.js";
import { createJobQuota } from "./workspaces/job-quota.js";
import { createWebhookService } from "./workspaces/webhook-service.js";
import { createWorkspaceHousekeeping } from "./workspaces/workspace-housekeeping.js";
import { createWorkspaceService } from "./workspaces/workspace-service.js";

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
  /** Hosts webhook URLs may use although they are not public (WEBHOOK_URL_ALLOW). */
  webhookUrlAllow?: readonly string[];
  /** Work one workspace may have queued or running at once. */
  maxActiveJobsPerWorkspace?: number;
  /** The dashboard's pages may PUT to upload URLs (the bucket's CORS rule is set: S3_BROWSER_UPLOADS). */
  browserUploads?: boolean;
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
    images: createImageService(db, access, datasets, createImageConfidences(db, models)),
    directUploads: createDirectUploads(db, datasets, options.browserUploads ?? false),
    datasetExports: createDatasetExport(db, datasets),
    baseModels: createBaseModelService(db, access, modelOptions),
    jobs: createJobService(db, access, datasets, options.queue, options.changes, quota),
    datasetHealth: createDatasetHealthService(db, datasets),
    imports: createImportService(db, access, datasets, options.queue, quota),
    experiments,
    experimentHousekeeping: createExperimentHousekeeping(db, access, experiments, options.exportDir),
    runs: createRunService(db, access, experiments, options.queue, options.changes, quota),
    exports: createExportService(db, access, { ...modelOptions, exportDir: options.exportDir }),
    predictions: createPredictionService(db, access, models),
    labelSuggestions: createLabelSuggestions(db, access, datasets, models),
    calibration: createCalibrationService(db, access, models),
    promotion: createPromotionService(db, access, createParityService(db, models), options.queue),
    webhooks: createWebhookService(db, access, options.queue, options.webhookUrlAllow ?? []),
    serving: createServingService(db, access),
  };
}
