import type { Db } from "@retrain/db";
import type { Services } from "../context.js";
import { createAccess } from "./access.js";
import { createAuthService } from "./auth-service.js";
import { createDatasetService } from "./dataset-service.js";
import { createHealthService } from "./health-service.js";
import { createWorkspaceService } from "./workspace-service.js";

export function createServices(db: Db, info: { version: string; backend: string }): Services {
  const access = createAccess(db);
  return {
    health: createHealthService(db, info),
    auth: createAuthService(db),
    workspaces: createWorkspaceService(db, access),
    datasets: createDatasetService(db, access),
  };
}
