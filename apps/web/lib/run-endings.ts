/** A run as the notifier sees it. */
export interface WatchedRun {
  id: string;
  status: string;
  error?: string | null;
  metrics?: { validationAccuracy?: number | null; stoppedEarly?: boolean | null } | null;
}

const ACTIVE = new Set(["QUEUED", "EXTRACTING", "TRAINING"]);

/**
 * The runs that ended since the last look. `known` holds the ended runs already told of, or that had ended
 * when watching began (null before the first look: nothing then is news). A run queued and finished between
 * two looks is news too. Gives the news and what to remember.
 */
export function endedSince(known: ReadonlySet<string> | null, runs: readonly WatchedRun[]) {
  const endedNow = runs.filter((r) => !ACTIVE.has(r.status));
  const ended = known === null ? [] : endedNow.filter((r) => !known.has(r.id));
  return { ended, known: new Set([...(known ?? []), ...endedNow.map((r) => r.id)]) };
}

/** What a notification says of an ended run. */
export function endingMessage(run: WatchedRun): string {
  if (run.status === "SUCCEEDED") {
    const accuracy = run.metrics?.validationAccuracy;
    const figure = accuracy == null ? "" : `: validation ${(accuracy * 100).toFixed(1)}%`;
    return `Your run finished${run.metrics?.stoppedEarly ? " (stopped early, no better epochs)" : ""}${figure}.`;
  }
  if (run.status === "FAILED") return `Your run failed: ${run.error ?? "no reason given"}.`;
  return "Your run was cancelled.";
}

export const anyActive = (runs: readonly WatchedRun[]) => runs.some((r) => ACTIVE.has(r.status));
