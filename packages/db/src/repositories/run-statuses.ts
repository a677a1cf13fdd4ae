import type { RunStatus } from "../generated/prisma/client.js";

/** A run in one of these is under way: it holds a worker or waits for one, and blocks deleting what it uses. */
export const ACTIVE_RUN_STATUSES = ["QUEUED", "EXTRACTING", "TRAINING"] as const satisfies readonly RunStatus[];

/** A run in one of these has ended for good. */
export const ENDED_RUN_STATUSES = ["SUCCEEDED", "FAILED", "CANCELLED"] as const satisfies readonly RunStatus[];

export const isRunActive = (status: RunStatus) => (ACTIVE_RUN_STATUSES as readonly RunStatus[]).includes(status);
