import { type Db, experimentsRepository, jobsRepository } from "@retrain/db";
import type { JobQueue } from "@retrain/jobs";
import { log } from "../observability/log.js";
import { leaseTakeovers } from "../observability/worker-metrics.js";
import type { JobRunner } from "./job-runner.js";

/**
 * What keeps jobs from getting stuck when workers die, run by every worker (they race harmlessly: each row is
 * taken back by one of them). A job whose lease ran out goes back to the queue, or fails for good once its
 * workers have died `maxAttempts` times; a waiting job whose queue message was lost gets a new one; a training
 * run left without a job gets one.
 */
export function startReaper(options: {
  db: Db;
  queue: JobQueue;
  runner: JobRunner;
  maxAttempts: number;
  everyMs: number;
}) {
  const jobs = jobsRepository(options.db);
  const experiments = experimentsRepository(options.db);
  let rounds = 0;

  async function reclaimExpired() {
    const now = new Date();
    for (const job of await jobs.expired(now)) {
      if (!(await jobs.reclaimExpired(job.id, now))) continue;
      if (job.attempts >= options.maxAttempts) {
        await options.runner.end(job, "FAILED", {
          error: `Its worker stopped ${job.attempts === 1 ? "once" : `${job.attempts} times`} (out of memory, or killed); it was not tried again.`,
        });
        continue;
      }
      leaseTakeovers.inc({ kind: job.kind });
      log.warn({ jobId: job.id, kind: job.kind }, "the job lost its worker; queued again");
      await options.queue.send(job.kind, { jobId: job.id });
    }
  }

  /** Slower checks: waiting jobs without a queue message, runs without a job (a crash between two writes). */
  async function requeueOrphans() {
    const before = new Date(Date.now() - 60_000);
    for (const job of await jobs.waitingSince(before)) {
      if (!(await options.queue.hasMessage(job.kind, job.id))) await options.queue.send(job.kind, { jobId: job.id });
    }
    for (const run of await experiments.unfinishedRunsWithoutJob(before)) {
      const job = await jobs.create({ workspaceId: run.workspaceId, kind: "TRAIN", runId: run.id });
      await options.queue.send("TRAIN", { jobId: job.id });
    }
  }

  const timer = setInterval(() => {
    rounds++;
    reclaimExpired()
      .then(() => (rounds % 12 === 0 ? requeueOrphans() : undefined))
      .catch((error: unknown) => log.error({ err: error }, "reaper failed"));
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), reclaimExpired, requeueOrphans };
}
