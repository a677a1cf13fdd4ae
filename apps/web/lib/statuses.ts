import type { JobStatus, RunStatus } from "../gql/graphql";

/** A run in one of these is under way: pages refresh while they see one, and hide what needs it ended. */
const ACTIVE_RUN: readonly RunStatus[] = ["QUEUED", "EXTRACTING", "TRAINING"];
const ACTIVE_JOB: readonly JobStatus[] = ["QUEUED", "RUNNING"];

export const isRunActive = (status: RunStatus) => ACTIVE_RUN.includes(status);
export const isJobActive = (status: JobStatus | undefined) => status !== undefined && ACTIVE_JOB.includes(status);
