import os from "node:os";
import { type Db, heartbeatsRepository } from "@retrain/db";

/** Announces this worker in the database every `everyMs`, so health counts workers on every machine. */
export function startHeartbeat(db: Db, worker: { id: string; inferenceBackend: string }, everyMs = 5000) {
  const heartbeats = heartbeatsRepository(db);
  const beat = () =>
    heartbeats
      .beat({ id: worker.id, hostname: os.hostname(), pid: process.pid, inferenceBackend: worker.inferenceBackend })
      .catch(() => {}); // the database is away: the next beat will say
  void beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await heartbeats.remove(worker.id).catch(() => {});
    },
  };
}
