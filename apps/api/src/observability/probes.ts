import { type Db, heartbeatsRepository, pendingMigrations, pingDatabase } from "@retrain/db";
import express from "express";
import { WORKER_SILENCE_MS } from "../services/system/health-service.js";

export interface ProbeOptions {
  /** READY_NEEDS_WORKER: not ready until a worker's heartbeat is fresh (jobs would wait otherwise). */
  needsWorker: boolean;
}

/**
 * The probes an orchestrator asks: /healthz says the process answers (restart it when it does not);
 * /readyz says it can serve (route traffic to it): the database answers, every migration is applied, and a
 * worker is alive when that is required. Both public and cheap; they name what is missing, nothing more.
 */
export function probeRoutes(db: Db, options: ProbeOptions): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => void res.set("cache-control", "no-store").json({ ok: true }));
  router.get("/readyz", async (_req, res) => {
    const missing: string[] = [];
    try {
      await pingDatabase(db);
      const pending = await pendingMigrations(db);
      if (pending.length > 0) missing.push(`${pending.length} migration(s) not applied`);
      if (options.needsWorker) {
        const workers = await heartbeatsRepository(db).alive(new Date(Date.now() - WORKER_SILENCE_MS));
        if (workers.length === 0) missing.push("no live worker");
      }
    } catch {
      missing.push("database not answering");
    }
    res
      .set("cache-control", "no-store")
      .status(missing.length === 0 ? 200 : 503)
      .json({ ok: missing.length === 0, missing });
  });
  return router;
}
