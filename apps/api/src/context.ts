import type { Loaders } from "./loaders.js";
import type { Caller } from "./services/access.js";
import type { AccountService } from "./services/account-service.js";
import type { ApiTokenService } from "./services/api-token-service.js";
import type { AuthService } from "./services/auth-service.js";
import type { BaseModelService } from "./services/base-model-service.js";
import type { CalibrationService } from "./services/calibration-service.js";
import type { DatasetHealthService } from "./services/dataset-health-service.js";
import type { DatasetService } from "./services/dataset-service.js";
import type { ExperimentHousekeeping } from "./services/experiment-housekeeping.js";
import type { ExperimentService } from "./services/experiment-service.js";
import type { ExportService } from "./services/export-service.js";
import type { HealthService } from "./services/health-service.js";
import type { ImageService } from "./services/image-service.js";
import type { ImportService } from "./services/import-service.js";
import type { JobService } from "./services/job-service.js";
import type { PasswordResetService } from "./services/password-reset-service.js";
import type { PredictionService } from "./services/prediction-service.js";
import type { PromotionService } from "./services/promotion-service.js";
import type { RunService } from "./services/run-service.js";
import type { ServingService } from "./services/serving-service.js";
import type { SignUpPolicy } from "./services/sign-up-policy.js";
import type { SingleSignOn } from "./services/single-sign-on.js";
import type { WorkspaceHousekeeping } from "./services/workspace-housekeeping.js";
import type { WorkspaceService } from "./services/workspace-service.js";

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
  /** For long-lived contexts (subscriptions): the caller as of now, the credential checked again. */
  reauthenticate?: () => Promise<Caller | null>;
}

/** The caller as of now: checked again where a context outlives a request (a subscription's updates). */
export const currentCaller = (ctx: ApiContext): Promise<Caller | null> =>
  ctx.reauthenticate ? ctx.reauthenticate() : Promise.resolve(ctx.caller);
