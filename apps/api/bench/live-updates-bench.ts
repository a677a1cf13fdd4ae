// `pnpm bench:live`: what live updates cost. A throw-away product (embedded PostgreSQL, one API process);
// 500 datasetUpdates subscriptions (over 50 WebSockets, as graphql-ws multiplexes them) watch one dataset.
// Measures the database's statements per second while they sit idle (issue 21's target: none while nothing
// changes), then the delay from a change (a label created) to its update at every subscriber, 20 times:
// p50 and p95 (target: p95 <= 200 ms).
import { createPrismaClient, transactionCount } from "@retrain/db";
import { graphqlRequest, signUpAt, startThrowawayProduct } from "@retrain/testing";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

const SUBSCRIPTIONS = Number(process.env.LIVE_SUBSCRIPTIONS ?? 500);
const SOCKETS = 50; // the API takes at most 10 subscriptions a connection
const IDLE_SECONDS = 10;
const CHANGES = 20;

// The services as they ship: compiled by `pnpm build`, which the npm script runs first.
const product = await startThrowawayProduct("live", { compiled: true });
try {
  const api = await product.startApi({
    WS_CONNECTIONS_PER_USER: String(SOCKETS),
    WS_CONNECTIONS_PER_ADDRESS: String(SOCKETS),
  });
  const token = await signUpAt(api.url, "owner@live.test");
  const workspace = await graphqlRequest<{ createWorkspace: { id: string } }>(
    api.url,
    'mutation { createWorkspace(name: "Live") { id } }',
    {},
    token,
  );
  const dataset = await graphqlRequest<{ createDataset: { id: string } }>(
    api.url,
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "watched") { id } }',
    { w: workspace.data?.createWorkspace.id },
    token,
  );
  const datasetId = dataset.data?.createDataset.id ?? "";
  const clients: Client[] = Array.from({ length: SOCKETS }, () =>
    createClient({
      url: api.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    }),
  );
  // Each subscriber: when each update arrived (the first one is the dataset as it is now).
  const arrivals: number[][] = [];
  const seen = Array.from({ length: SUBSCRIPTIONS }, (_, i) => {
    arrivals[i] = [];
    return new Promise<void>((resolve, reject) => {
      clients[i % SOCKETS]?.subscribe(
        { query: "subscription($d: ID!) { datasetUpdates(id: $d) { id } }", variables: { d: datasetId } },
        {
          next: () => {
            arrivals[i]?.push(performance.now());
            resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
  });
  await Promise.all(seen);
  console.log(`${SUBSCRIPTIONS} subscriptions open over ${SOCKETS} WebSockets`);

  // Statements the database ran while nothing changed: pg_stat_database's transactions (each statement
  // outside a transaction is one), less the one this measurement makes.
  const db = createPrismaClient(product.databaseUrl);
  const transactions = () => transactionCount(db);
  // PostgreSQL reports an idle connection's transactions up to 10 s late: let the setup's reach the counters.
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  const before = await transactions();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const after = await transactions();
  const idlePerSecond = Math.max(0, after - before - 1) / IDLE_SECONDS;

  const delays: number[] = [];
  for (let change = 0; change < CHANGES; change++) {
    const counts = arrivals.map((a) => a.length);
    const at = performance.now();
    await graphqlRequest(
      api.url,
      "mutation($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }",
      { d: datasetId, n: `label-${change}` },
      token,
    );
    const deadline = at + 10_000;
    while (arrivals.some((a, i) => a.length <= (counts[i] ?? 0)) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    for (const [i, a] of arrivals.entries()) {
      const arrived = a[counts[i] ?? 0];
      delays.push(arrived === undefined ? Number.POSITIVE_INFINITY : arrived - at);
    }
  }
  delays.sort((a, b) => a - b);
  const quantile = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? Number.NaN;
  console.log(
    `idle: ${idlePerSecond.toFixed(1)} database statements/s with ${SUBSCRIPTIONS} subscriptions (target 0); change to every subscriber: p50 ${quantile(0.5).toFixed(0)} ms, p95 ${quantile(0.95).toFixed(0)} ms over ${CHANGES} changes x ${SUBSCRIPTIONS} (target p95 <= 200 ms)`,
  );
  await db.$disconnect();
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await product.stop();
}
