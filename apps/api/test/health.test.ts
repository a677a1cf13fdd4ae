import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { printedSchema } from "../src/schema/index.js";
import type { ApiServer } from "../src/server.js";
import { createHealthService } from "../src/services/system/health-service.js";
import { startTestApi, type TestApi } from "./api-client.js";

describe("health over HTTP", () => {
  let api: ApiServer;
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
    ({ api } = t);
  });

  it("answers ok and the version to anyone, the database and backend to signed-in users only", async () => {
    const ask = async (token?: string) => {
      const response = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({
          query: "{ health { ok database version backend inferenceBackend workers { hostname pid } } }",
        }),
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    expect(await ask()).toEqual({
      data: {
        health: { ok: true, database: null, version: "test", backend: null, inferenceBackend: null, workers: null },
      },
    });
    expect(await ask((await t.signUp("health@example.com")).token)).toEqual({
      data: {
        health: {
          ok: true,
          database: expect.stringMatching(/^PostgreSQL \d+/),
          version: "test",
          backend: "wasm",
          inferenceBackend: "onnxruntime",
          workers: [],
        },
      },
    });
  });
});

describe("workers in health", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });

  it("lists the workers whose heartbeat is fresh, on any machine, and forgets silent ones", async () => {
    const { token } = await t.signUp("workers@example.com");
    const seen = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    await t.db.workerHeartbeat.createMany({
      data: [
        { id: "a", hostname: "gpu-box", pid: 11, inferenceBackend: "onnxruntime", seenAt: seen(2) },
        { id: "b", hostname: "laptop", pid: 12, inferenceBackend: "wasm", seenAt: seen(60) },
      ],
    });
    const answer = await t.gql<{ health: { workers: { hostname: string }[] } }>(
      "{ health { workers { hostname pid inferenceBackend } } }",
      {},
      token,
    );
    expect(answer.data?.health.workers).toEqual([{ hostname: "gpu-box", pid: 11, inferenceBackend: "onnxruntime" }]);
  });
});

describe("health without a database", () => {
  it("answers ok: false and says why, instead of failing", async () => {
    const { createPrismaClient } = await import("@retrain/db");
    const db = createPrismaClient("postgresql://nobody:none@127.0.0.1:1/none");
    const report = await createHealthService(db, { version: "test", backend: "cpu", inferenceBackend: "cpu" }).check(
      true,
    );
    expect(report.ok).toBe(false);
    expect(report.database).toMatch(/^unreachable: /);
    await db.$disconnect();
  });
});

describe("committed schema", () => {
  it("apps/api/schema.graphql is the schema the code builds (run `pnpm --filter @retrain/api print-schema`)", () => {
    expect(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8")).toBe(printedSchema());
  });
});
