// What an operator's tools ask of the API: probes for an orchestrator, request ids for the logs, and
// Prometheus metrics on a port of their own.
import { freePort, startApiProcess, startWorkerProcess } from "@retrain/testing";
import { afterAll, describe, expect, it } from "vitest";
import { startTestApi } from "./api-client.js";

describe("probes", () => {
  it("says alive at /healthz, and ready at /readyz once the database answers with every migration applied", async () => {
    const t = await startTestApi();
    const base = t.api.url.replace(/\/graphql$/, "");
    const alive = await fetch(`${base}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, missing: [] });
    expect(ready.status).toBe(200);
  });

  it("is not ready without a live worker when READY_NEEDS_WORKER=1, nor without its migrations", async () => {
    const t = await startTestApi({ settings: { READY_NEEDS_WORKER: "1" } });
    const base = t.api.url.replace(/\/graphql$/, "");
    let ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, missing: ["no live worker"] });
    await t.db.workerHeartbeat.create({
      data: { id: "w1", hostname: "h", pid: 1, inferenceBackend: "onnxruntime", seenAt: new Date() },
    });
    await t.db
      .$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`;
    ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ ok: false, missing: ["1 migration(s) not applied"] });
  });
});

describe("request ids", () => {
  it("echoes a plain x-request-id, and makes one when the client's is absent or not plain", async () => {
    const t = await startTestApi();
    const ask = (headers: Record<string, string>) =>
      fetch(t.api.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ health { ok } }" }),
      });
    expect((await ask({ "x-request-id": "trace-42" })).headers.get("x-request-id")).toBe("trace-42");
    const made = (await ask({ "x-request-id": `${"x".repeat(200)} forged` })).headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ask({})).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("metrics", () => {
  it("serves Prometheus metrics on loopback, on their own port: requests, operations, jobs, memory (compiled API)", async () => {
    const metricsPort = await freePort();
    const t = await startTestApi();
    const api = await startApiProcess(
      { DATABASE_URL: t.url, METRICS_PORT: String(metricsPort), LOG_FORMAT: "json" },
      { compiled: true },
    );
    afterAll(() => api.kill());
    const answered = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok } }" }),
    });
    expect(await answered.json()).toEqual({ data: { health: { ok: true } } });
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(text).toMatch(/retrain_graphql_operation_duration_seconds_count\{[^}]*operation="health"[^}]*\} 1/);
    expect(text).toMatch(/retrain_http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} 1/);
    expect(text).toContain("# TYPE retrain_jobs gauge");
    expect(text).toMatch(/retrain_db_pool_connections\{[^}]*state="max"[^}]*\} 10/);
    expect(text).toMatch(/retrain_db_pool_connections\{[^}]*state="open"[^}]*\} [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes\{service="api"\} \d+/);
    // The API's own port does not serve them.
    expect((await fetch(api.url.replace(/\/graphql$/, "/metrics"))).status).toBe(404);
    // Its log lines are JSON, the start line naming where metrics are.
    const start = api
      .output()
      .split("\n")
      .find((line) => line.includes("GraphQL at"));
    expect(JSON.parse(start ?? "{}")).toMatchObject({
      service: "api",
      metrics: `http://127.0.0.1:${metricsPort}/metrics`,
    });
  });
});

describe("the worker's operations ports", () => {
  it("answers /healthz while it takes jobs, and serves its metrics (jobs, takeovers, extraction; compiled)", async () => {
    const [healthPort, metricsPort] = [await freePort(), await freePort()];
    const t = await startTestApi();
    const worker = await startWorkerProcess(
      { DATABASE_URL: t.url, WORKER_HEALTH_PORT: String(healthPort), METRICS_PORT: String(metricsPort) },
      { compiled: true },
    );
    afterAll(() => worker.kill());
    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, activeJobs: 0 });
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    for (const name of [
      "retrain_job_duration_seconds",
      "retrain_job_lease_takeovers_total",
      "retrain_extracted_images_total",
      "retrain_db_pool_connections",
    ])
      expect(text).toContain(`# TYPE ${name}`);
    expect(text).toMatch(/process_resident_memory_bytes\{service="worker"\} \d+/);
  });
});
