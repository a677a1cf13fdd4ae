// The HTTP side of the load benchmark: one autocannon instance per operation, all at once, each checking
// every GraphQL answer (autocannon sees only statuses; a GraphQL error comes with 200).
import autocannon from "autocannon";

export interface OperationReport {
  operation: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** GraphQL error codes, HTTP statuses (`http 5xx`) and connection errors, with their counts. */
  errors: Record<string, number>;
  serverErrors: number;
}

export interface Scenario {
  operation: string;
  connections: number;
  /** The GraphQL operation of the next request, and whose token sends it. */
  next(): { query: string; variables: Record<string, unknown>; token: string };
  /** Sees each answer's data (to count what was accepted, for instance). */
  onData?(data: unknown, variables: Record<string, unknown>): void;
}

/** Runs every scenario against the API at `url` at once for `seconds`. */
export async function runScenarios(url: string, scenarios: Scenario[], seconds: number): Promise<OperationReport[]> {
  return Promise.all(scenarios.map((scenario) => runScenario(url, scenario, seconds)));
}

async function runScenario(url: string, scenario: Scenario, seconds: number): Promise<OperationReport> {
  const errors: Record<string, number> = {};
  const count = (key: string) => {
    errors[key] = (errors[key] ?? 0) + 1;
  };
  // autocannon reuses each connection's request object: the variables of the request in flight ride along.
  const sent = new Map<object, Record<string, unknown>>();
  const result = await autocannon({
    url,
    connections: scenario.connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const next = scenario.next();
          sent.set(context, next.variables);
          return {
            ...request,
            path: new URL(url).pathname,
            headers: { "content-type": "application/json", authorization: `Bearer ${next.token}` },
            body: JSON.stringify({ query: next.query, variables: next.variables }),
          };
        },
        onResponse: (status, body, context) => {
          if (status >= 400) return count(`http ${status}`);
          try {
            const answer = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
            const code = answer.errors?.[0]?.extensions?.code;
            if (code) count(code);
            else scenario.onData?.(answer.data, sent.get(context) ?? {});
          } catch {
            count("unreadable answer");
          }
        },
      },
    ],
  });
  if (result.errors > 0) errors["connection errors"] = result.errors;
  return {
    operation: scenario.operation,
    connections: scenario.connections,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors,
    serverErrors: result["5xx"],
  };
}

export function printReports(reports: OperationReport[]): void {
  console.log(
    `${"operation".padEnd(18)}${"conns".padStart(6)}${"requests".padStart(10)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}  errors`,
  );
  for (const r of reports) {
    const errors = Object.entries(r.errors).map(([code, n]) => `${code} ${n}`);
    console.log(
      `${r.operation.padEnd(18)}${String(r.connections).padStart(6)}${String(r.requests).padStart(10)}` +
        `${r.perSecond.toFixed(1).padStart(9)}${String(r.p50Ms).padStart(9)}${String(r.p99Ms).padStart(9)}  ${errors.join(", ") || "none"}`,
    );
  }
}
