"use client";
import { graphql } from "../gql";
import { useQuery } from "../lib/api";

const WorkersQuery = graphql(`query Workers { health { workers { hostname } } }`);

/**
 * Says so when no worker process is alive (none has sent a heartbeat lately): extraction, training and
 * imports are queued but nothing runs them until one starts. Checked every 10 s, so it goes away by itself.
 */
export function WorkerBanner() {
  const { data } = useQuery(WorkersQuery, {}, { refreshInterval: 10_000 });
  if (!data?.health.workers || data.health.workers.length > 0) return null;
  return (
    <p className="banner warning" role="status">
      No worker is running, so extraction, training and imports wait in the queue. They start as soon as a worker does:{" "}
      <code>npm start</code> runs one, or start more with <code>npm run worker</code>.
    </p>
  );
}
