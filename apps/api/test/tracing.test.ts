// Traces as an operator's collector sees them: an OTLP/HTTP receiver on loopback (JSON, as the exporter
// sends), the compiled API and worker pointed at it. A mutation that queues a job must arrive as one trace:
// the HTTP request, its GraphQL operation, its SQL, and the worker's job span as a child of the request.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { compiledServices, graphqlRequest, signUpAt, until } from "@retrain/testing";
import { afterAll, describe, expect, it } from "vitest";

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP trace receiver: every span posted to /v1/traces, flattened with its service's name. */
async function startReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const parsed = JSON.parse(body);
      for (const resourceSpans of parsed.resourceSpans ?? []) {
        const service = resourceSpans.resource.attributes.find((a: { key: string }) => a.key === "service.name")?.value
          .stringValue;
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              attributes: Object.fromEntries(
                (span.attributes ?? []).map((a: { key: string; value: Record<string, unknown> }) => [
                  a.key,
                  Object.values(a.value)[0],
                ]),
              ),
            });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

describe("OpenTelemetry traces (compiled API and worker)", async () => {
  const receiver = await startReceiver();
  const { api } = await compiledServices({
    SIGN_UP: "open",
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    // Export spans every 100 ms rather than every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });

  it("links the worker's job span to the request that queued it, with HTTP, GraphQL and SQL spans", async () => {
    const token = await signUpAt(api.url, "tracer@example.com");
    const workspace = await graphqlRequest<{ createWorkspace: { id: string } }>(
      api.url,
      'mutation { createWorkspace(name: "Traced") { id } }',
      {},
      token,
    );
    const models = await graphqlRequest<{ baseModels: { id: string; key: string }[] }>(
      api.url,
      "{ baseModels { id key } }",
      {},
      token,
    );
    const mobilenet = models.data?.baseModels.find((m) => m.key === "mobilenet_v2_035_224");
    const queued = await graphqlRequest<{ prepareBaseModel: { id: string } }>(
      api.url,
      "mutation PrepareModel($w: ID!, $id: ID!) { prepareBaseModel(workspaceId: $w, id: $id) { id } }",
      { w: workspace.data?.createWorkspace.id, id: mobilenet?.id },
      token,
    );
    const jobId = queued.data?.prepareBaseModel.id;
    expect(jobId).toBeTypeOf("string");

    const jobSpan = await until("the worker's job span", async () =>
      receiver.spans.find((s) => s.service === "retrain-worker" && s.attributes["job.id"] === jobId),
    );
    expect(jobSpan).toMatchObject({ name: "job PREPARE_BASE_MODEL", attributes: { "job.kind": "PREPARE_BASE_MODEL" } });
    // Its parent is a span of the API's trace for that mutation.
    const apiTrace = await until("the API's spans of that trace", async () => {
      const spans = receiver.spans.filter((s) => s.service === "retrain-api" && s.traceId === jobSpan.traceId);
      return spans.some((s) => s.spanId === jobSpan.parentSpanId) && spans.some((s) => !s.parentSpanId) && spans;
    });
    const names = apiTrace.map((s) => s.name);
    expect(names.find((name) => !apiTrace.find((s) => s.name === name)?.parentSpanId)).toBe("POST /graphql");
    expect(names).toEqual(expect.arrayContaining(["graphql.parse", "graphql.validate", "mutation PrepareModel"]));
    expect(apiTrace.some((s) => s.attributes["express.type"] === "middleware")).toBe(true);
    expect(apiTrace.some((s) => s.name.startsWith("pg.query:INSERT"))).toBe(true);
  }, 120_000);
});
