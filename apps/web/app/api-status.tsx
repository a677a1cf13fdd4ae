import { graphql } from "../lib/graphql-client";

interface HealthData {
  health: { ok: boolean; database: string; version: string; backend: string };
}

/** Server component: asks the API for its health and shows it. */
export async function ApiStatus() {
  let content: React.ReactNode;
  try {
    const { health } = await graphql<HealthData>("{ health { ok database version backend } }");
    content = (
      <dl>
        <dt>API</dt>
        <dd className={health.ok ? "ok" : "bad"}>{health.ok ? "ready" : "not ready"}</dd>
        <dt>Database</dt>
        <dd>{health.database}</dd>
        <dt>TensorFlow.js backend</dt>
        <dd>{health.backend}</dd>
        <dt>Version</dt>
        <dd>{health.version}</dd>
      </dl>
    );
  } catch (error) {
    content = <p className="bad">{(error as Error).message}</p>;
  }
  return (
    <section className="status" aria-labelledby="status-title">
      <h2 id="status-title">System status</h2>
      {content}
    </section>
  );
}
