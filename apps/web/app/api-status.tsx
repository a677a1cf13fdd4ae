import { headers } from "next/headers";
import { graphql } from "../gql";
import { serverGql } from "../lib/graphql-client";

const HealthQuery = graphql(`query Health { health { ok database version backend } }`);

/**
 * Server component: asks the API for its health, with the visitor's session cookie, and shows it. Anyone sees
 * whether it works and its version; the database and backend are shown to signed-in users only.
 */
export async function ApiStatus() {
  let content: React.ReactNode;
  try {
    const cookie = (await headers()).get("cookie");
    const { health } = await serverGql(HealthQuery, {}, cookie ? { cookie } : {});
    content = (
      <dl>
        <dt>API</dt>
        <dd className={health.ok ? "ok" : "bad"}>{health.ok ? "ready" : "not ready"}</dd>
        <dt>Version</dt>
        <dd>{health.version}</dd>
        {health.database && (
          <>
            <dt>Database</dt>
            <dd>{health.database}</dd>
          </>
        )}
        {health.backend && (
          <>
            <dt>TensorFlow.js backend</dt>
            <dd>{health.backend}</dd>
          </>
        )}
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
