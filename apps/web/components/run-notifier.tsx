"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";
import { anyActive, endedSince, endingMessage } from "../lib/run-endings";

const MyRuns = graphql(`query MyRecentRuns($ws: ID!) { workspace(id: $ws) { id myRecentRuns {
  id status error metrics { validationAccuracy stoppedEarly } } } }`);

/**
 * Tells you when a run you started ends, on whichever page you are: a note here (read out by screen readers),
 * and the browser's notification when you allowed them. Checks every 5 s while one of your runs is under way,
 * every 30 s otherwise (a run started from the CLI or another tab).
 */
export function RunNotifier({ workspaceId }: { workspaceId: string }) {
  const known = useRef<Set<string> | null>(null);
  const [notes, setNotes] = useState<{ runId: string; text: string }[]>([]);
  // Read in the browser only (the server has no Notification), after the first render matched the server's.
  const [permission, setPermission] = useState<NotificationPermission | "unsupported">("unsupported");
  useEffect(() => {
    if (typeof Notification !== "undefined") setPermission(Notification.permission);
  }, []);
  useQuery(
    MyRuns,
    { ws: workspaceId },
    {
      refreshInterval: (data) => (data && anyActive(data.workspace.myRecentRuns) ? 5000 : 30_000),
      onSuccess: (data) => {
        const { ended, known: now } = endedSince(known.current, data.workspace.myRecentRuns);
        known.current = now;
        if (ended.length === 0) return;
        const fresh = ended.map((r) => ({ runId: r.id, text: endingMessage(r) }));
        setNotes((n) => [...fresh, ...n].slice(0, 3));
        if (permission === "granted") for (const note of fresh) new Notification("Retrain Studio", { body: note.text });
      },
    },
  );
  return (
    <div className="notifier">
      <div role="status" aria-live="polite">
        {notes.map((n) => (
          <p key={n.runId} className="card note">
            {n.text} <Link href={`/w/${workspaceId}/runs/${n.runId}`}>Open the run</Link>{" "}
            <button type="button" className="link" onClick={() => setNotes((all) => all.filter((x) => x !== n))}>
              Dismiss
            </button>
          </p>
        ))}
      </div>
      {permission === "default" && (
        <button
          type="button"
          className="link"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          Notify me in the browser when my runs end
        </button>
      )}
    </div>
  );
}
