import { describe, expect, it } from "vitest";
import { createRegistry, metricsAnswer } from "./metrics.js";
import { startOpsServer } from "./ops-server.js";

describe("the operations server", () => {
  it("answers its routes on loopback, metrics in Prometheus's format, anything else 404", async () => {
    const registry = createRegistry("test");
    const server = await startOpsServer(
      { "/healthz": () => ({ status: 200, body: { ok: true } }), "/metrics": () => metricsAnswer(registry) },
      { port: 0 },
    );
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.headers.get("content-type")).toContain("text/plain");
      expect(await metrics.text()).toMatch(/process_resident_memory_bytes\{service="test"\} \d+/);
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
