import type { Db } from "@retrain/db";
import type { Services } from "../context.js";
import { createHealthService } from "./health-service.js";

export function createServices(db: Db, info: { version: string; backend: string }): Services {
  return { health: createHealthService(db, info) };
}
