import type { Db, Job, JobStatus } from "@retrain/db";
import { isDatabaseUnavailable, jobsRepository, pingDatabase } from "@retrain/db";
import type { JobKind, JobProgress, JobQueue, JobResult, StoredJobResult } from "@retrain/jobs";
import { inJobSpan } from "@retrain/telemetry";
import { log } from "../observability/log.js";
import { jobDuration } from "../observability/worker-metrics.js";
import { throttledProgress } from "./progress.js";

/** What a job handler works with: its row, a signal that stops it, and progress that is cheap to call. */
export interface JobContext<K extends JobKind = JobKind> {
  job: Job<K>;
  /** Aborted when the job is cancelled, taken over (lease lost) or the worker stops: stop at the next boundary. */
  signal: AbortSignal;
  /** Throttled; also notices a cancel request. `force` writes at once (at the end of a phase). */
  progress(done: number, result?: StoredJobResult<K>, force?: boolean): Promise<void>;
}

export interface JobOutcome<K extends JobKind = JobKind> {
  status: "SUCCEEDED" | "CANCELLED";
  result?: JobResult<K> & JobProgress;
  inputSha256?: null;
}

export interface RunnerOptions {
  db: Db;
  queue: JobQueue;
  workerId: string;
  leaseSeconds: number;
  /** Attempts (workers dying, unexpected errors) before a job fails for good. */
  maxAttempts: number;
  /** Errors that fail a job at once, with their message shown to users (bad model, unsafe archive...). */
  isFinal: (error: unknown) => boolean;
  /** Called once a job has ended, whoever ended it (to mirror it on a training run). */
  onEnded?: (job: Job, status: JobStatus, error?: string) => Promise<void>;
}

type StopReason = "cancel" | "lost" | "shutdown";
const isOfKind = <K extends JobKind>(job: Job, kind: K): job is Job<K> => job.kind === kind;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/**
 * The one place that owns a job's life on a worker, for every kind: taking it under a lease, renewing the
 * lease while working, throttled progress, cancellation, and a final state in every case. A job is never left
 * RUNNING: it ends SUCCEEDED, CANCELLED or FAILED (with the reason), or goes back to QUEUED for another worker
 * (this worker stopping, or an unexpected error with attempts left).
 */
export function createJobRunner(options: RunnerOptions) {
  const jobs = jobsRepository(options.db);
  const active = new Map<string, { abort: AbortController; reason?: StopReason }>();
  let stopping = false;

  async function end(
    job: Job,
    status: JobStatus,
    data: { result?: StoredJobResult; error?: string; inputSha256?: null } = {},
  ) {
    if (!(await jobs.finish(job.id, status, data))) return;
    const seconds = (Date.now() - (job.startedAt ?? job.createdAt).getTime()) / 1000;
    jobDuration.observe({ kind: job.kind, status }, seconds);
    log.info({ jobId: job.id, kind: job.kind, runId: job.runId, status, seconds, error: data.error }, "job ended");
    await options.onEnded?.(job, status, data.error);
  }

  async function handBack(job: Job, refund = false) {
    await jobs.release(job.id, options.workerId, { refund });
    await options.queue.send(job.kind, { jobId: job.id });
  }

  /** The database went away under a job: once it answers again, the job goes back to the queue, uncounted. */
  async function handBackWhenDatabaseReturns(job: Job) {
    const deadline = Date.now() + 10 * 60_000;
    while (Date.now() < deadline) {
      try {
        await pingDatabase(options.db);
        return await handBack(job, true);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    // Still away: the lease runs out meanwhile, and whichever worker sees the database first takes the job.
  }

  async function run<K extends JobKind>(
    kind: K,
    jobId: string,
    handler: (ctx: JobContext<K>) => Promise<JobOutcome<K>>,
  ): Promise<void> {
    if (stopping) throw new Error("this worker is stopping; the job goes to another");
    const claimed = await jobs.claim(jobId, options.workerId, options.leaseSeconds);
    if (!claimed) return; // ended already, or another worker holds it
    if (!isOfKind(claimed, kind))
      return void (await end(claimed, "FAILED", { error: `A ${kind} message named a ${claimed.kind} job.` }));
    const job = claimed;
    if (job.cancelRequested) return void (await end(job, "CANCELLED"));
    const state: { abort: AbortController; reason?: StopReason } = { abort: new AbortController() };
    const stop = (reason: StopReason) => {
      state.reason ??= reason;
      state.abort.abort();
    };
    active.set(job.id, state);
    const renewal = setInterval(
      () => {
        jobs.renew(job.id, options.workerId, options.leaseSeconds).then(
          (held) => held || stop("lost"),
          () => {}, // the database is away: keep working, the next renewal will say
        );
      },
      (options.leaseSeconds * 1000) / 3,
    );
    const ctx: JobContext<K> = {
      job,
      signal: state.abort.signal,
      progress: throttledProgress(options.db, job.id, async () => {
        if (await jobs.cancelRequested(job.id)) stop("cancel");
      }),
    };
    try {
      const outcome = await inJobSpan(
        `job ${job.kind}`,
        job.traceparent,
        {
          "job.id": job.id,
          "job.kind": job.kind,
          "job.attempt": job.attempts,
          "run.id": job.runId,
          "dataset.id": job.datasetId,
        },
        () => handler(ctx),
      );
      if (state.reason === "lost") return;
      if (state.reason === "shutdown") return void (await handBack(job));
      await end(job, state.reason === "cancel" ? "CANCELLED" : outcome.status, outcome);
    } catch (error) {
      if (state.reason === "lost") return;
      if (state.reason === "shutdown") return void (await handBack(job));
      if (state.reason === "cancel") return void (await end(job, "CANCELLED"));
      if (isDatabaseUnavailable(error)) {
        log.warn(
          { jobId: job.id, kind: job.kind },
          "the database went away during the job; it goes back to the queue on return",
        );
        return void (await handBackWhenDatabaseReturns(job));
      }
      if (options.isFinal(error)) return void (await end(job, "FAILED", { error: message(error), inputSha256: null }));
      if (job.attempts >= options.maxAttempts)
        return void (await end(job, "FAILED", { error: `Failed ${job.attempts} times; the last: ${message(error)}` }));
      await jobs.release(job.id, options.workerId).catch(() => {});
      throw error; // the queue tries again, here or on another worker
    } finally {
      clearInterval(renewal);
      active.delete(job.id);
    }
  }

  return {
    run,
    end,
    /** Running jobs stop at their next boundary and go back to the queue; waits up to `timeoutMs`. */
    async shutdown(timeoutMs: number) {
      stopping = true;
      for (const state of active.values()) {
        state.reason ??= "shutdown";
        state.abort.abort();
      }
      const deadline = Date.now() + timeoutMs;
      while (active.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
    activeJobs: () => active.size,
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
