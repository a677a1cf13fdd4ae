import type { JobKind } from "@retrain/jobs";
import type { JobContext, JobOutcome } from "../runner/job-runner.js";
import { extractJob } from "./extract-job.js";
import { healthJob } from "./health-job.js";
import { importArchiveJob } from "./import-archive-job.js";
import { prepareBaseModelJob } from "./prepare-base-model-job.js";
import { trainJob } from "./train-job.js";
import type { WorkerDeps } from "./worker-deps.js";

/**
 * The handler of every kind in the job registry (packages/jobs): the worker works each kind's queue with
 * its handler. A kind added to the registry without one here fails the typecheck.
 */
export const HANDLERS: { [K in JobKind]: (deps: WorkerDeps, ctx: JobContext<K>) => Promise<JobOutcome<K>> } = {
  EXTRACT: extractJob,
  IMPORT_ARCHIVE: importArchiveJob,
  TRAIN: trainJob,
  HEALTH: healthJob,
  PREPARE_BASE_MODEL: prepareBaseModelJob,
};
