// The Grafana dashboard in docs/ asks only for metrics the API and the worker export (a renamed metric
// would leave an empty panel nobody notices).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registry as apiRegistry } from "../apps/api/src/observability/api-metrics.js";
import { registry as workerRegistry } from "../apps/worker/src/observability/worker-metrics.js";

const dashboard = readFileSync(path.join(import.meta.dirname, "../docs/grafana-dashboard.json"), "utf8");
const asked = new Set(
  [...dashboard.matchAll(/\b(retrain_[a-z_]+|process_[a-z_]+|nodejs_[a-z0-9_]+)/g)].map((m) =>
    (m[1] ?? "").replace(/_(bucket|count|sum)$/, ""),
  ),
);

describe("the Grafana dashboard", () => {
  it("has a panel for each metric of ours, and asks for none that is not exported", async () => {
    const exported = new Set(
      [...(await apiRegistry.getMetricsAsJSON()), ...(await workerRegistry.getMetricsAsJSON())].map((m) => m.name),
    );
    expect(asked.size).toBeGreaterThan(10);
    for (const name of asked) expect(exported, name).toContain(name);
    for (const name of exported) if (name.startsWith("retrain_")) expect(asked, name).toContain(name);
  });
});
