import type { Loaders } from "./loaders.js";
import type { BaseModelService } from "./services/base-models/base-model-service.js";
import type { DatasetExport } from "./services/datasets/dataset-export.js";
import type { DatasetService } from "./services/datasets/dataset-service.js";
import type { DirectUploads } from "./services/datasets/direct-uploads.js";
import type { ImageService } from "./services/datasets/image-service.js";
import type { ImportService } from "./services/datasets/import-service.js";
import type { LabelSuggestions } from "./services/datasets/label-suggestions.js";
import type { DatasetHealthService } from "./services/health/dataset-health-service.js";
import type { AccountService } from "./services/identity/account-service.js";
import type { ApiTokenService } from "./services/identity/api-token-service.js";
import type { AuthService } from "./services/identity/auth-service.js";
import type { PasswordResetService } from "./services/identity/password-reset-service.js";
import type { SignUpPolicy } from "./services/identity/sign-up-policy.js";
import type { SingleSignOn } from "./services/identity/single-sign-on.js";
import type { JobService } from "./services/jobs/job-service.js";
import type { ExportService } from "./services/serving/export-service.js";
import type { PredictionService } from "./services/serving/prediction-service.js";
import type { ServingService } from "./services/serving/serving-service.js";
import type { HealthService } from "./services/system/health-service.js";
import type { CalibrationService } from "./services/training/calibration-service.js";
import type { ExperimentHousekeeping } from "./services/training/experiment-housekeeping.js";
import type { ExperimentService } from "./services/training/experiment-service.js";
import type { PromotionService } from "./services/training/promotion-service.js";
import type { RunService } from "./services/training/run-service.js";
import type { Caller } from "./services/workspaces/access.js";
import type { WebhookService } from "./services/workspaces/webhook-service.js";
import type { WorkspaceHousekeeping } from "./services/workspaces/workspace-housekeeping.js";
import type { WorkspaceService } from "./services/workspaces/workspace-service.js";

/** Domain services the resolvers call; resolvers hold no logic of their own. */
export interface Services {
  health: HealthService;
  auth: AuthService;
  signUpPolicy: SignUpPolicy;
  sso: SingleSignOn;
  apiTokens: ApiTokenService;
  passwordResets: PasswordResetService;
  account: AccountService;
  workspaces: WorkspaceService;
  workspaceHousekeeping: WorkspaceHousekeeping;
  datasets: DatasetService;
  images: ImageService;
  directUploads: DirectUploads;
  datasetExports: DatasetExport;
  baseModels: BaseModelService;
  jobs: JobService;
  datasetHealth: DatasetHealthService;
  calibration: CalibrationService;
  promotion: PromotionService;
  serving: ServingService;
  imports: ImportService;
  experiments: ExperimentService;
  experimentHousekeeping: ExperimentHousekeeping;
  runs: RunService;
  exports: ExportService;
  predictions: PredictionService;
  webhooks: WebhookService;
  labelSuggestions: LabelSuggestions;
}

/** How a resolver sets or clears the session cookie of the HTTP response. */
export interface SessionCookieAccess {
  set(token: string, expiresAt: Date): void;
  clear(): void;
  current: string | undefined;
}

export interface ApiContext {
  services: Services;
  caller: Caller | null;
  loaders: Loaders;
  cookie: SessionCookieAccess;
  /** The client's address (through trusted proxies), for the limits on sign-in and sign-up. */
  address: string;
  /** The HTTP request's id (x-request-id), named in its log lines; none for subscriptions. */
  requestId?: string;
  /** For long-lived contexts (subscriptions): the caller as of now, the credential checked again. */
  reauthenticate?: () => Promise<Caller | null>;
}

/** The caller as of now: checked again where a context outlives a request (a subscription's updates). */
export const currentCaller = (ctx: ApiContext): Promise<Caller | null> =>
  ctx.reauthenticate ? ctx.reauthenticate() : Promise.resolve(ctx.caller);
