"use client";
import { useQuery } from "../lib/api";

interface Workers {
  health: { workers: { hostname: string }[] | null };
}

/**
 * Says so when no worker process is alive (none has sent a heartbeat lately): extraction, training and
 * imports are queued but nothing runs them until one starts. Checked every 10 s, so it goes away by itself.
 */
export function WorkerBanner() {
  const { data } = useQuery<Workers>("{ health { workers { hostname } } }", {}, { refreshInterval: 10_000 });
  if (!data?.health.workers || data.health.workers.length > 0) return null;
  return (
    <p className="banner warning" role="status">
      No worker is running, so extraction, training and imports wait in the queue. They start as soon as a worker does:{" "}
      <code>npm start</code> runs one, or start more with <code>pnpm --filter @retrain/worker start</code>.
    </p>
  );
}
