// The dashboard's proxy in front of the API (its real server process): the client address it vouches for,
// and the Origin it passes on, decide the API's limits and cross-site checks for everyone using port 3000.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { freePort, type ServiceProcess, startDashboardProcess, zipOf } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startTestApi, type TestApi } from "../api-client.js";
import { workspaceWithDataset } from "../fixtures.js";

const SIGN_IN = 'mutation($e: String!) { signIn(email: $e, password: "not the password") { sessionToken } }';

describe("the dashboard's proxy", () => {
  let t: TestApi;
  let web: ServiceProcess & { origin: string };
  let origin: string;
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // The API allows the dashboard's origin, as `npm start` sets it up.
    t = await startTestApi({ settings: { SIGN_IN_ATTEMPTS_PER_ADDRESS: "5", WEB_ORIGINS: origin } });
    web = await startDashboardProcess(t.api.url, { PORT: String(port) });
  });
  // At the describe's level: a hook registered inside beforeAll is never run, and the dashboard outlived the tests.
  afterAll(async () => {
    web?.kill("SIGTERM");
    await web?.exited;
  });

  const throughDashboard = (route: string, init: RequestInit) => fetch(new URL(route, web.origin), init);

  it("names the client by its connection: a forged X-Forwarded-For does not escape the per-address limit", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await throughDashboard("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i + 1}` },
        body: JSON.stringify({ query: SIGN_IN, variables: { e: `nobody${i}@example.com` } }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      codes.push(body.errors?.[0]?.extensions?.code ?? "none");
    }
    expect(codes).toEqual([...Array(5).fill("UNAUTHENTICATED"), "RATE_LIMITED", "RATE_LIMITED"]);
  }, 60_000);

  it("passes the browser's Origin on: an upload from another site's page is refused, the dashboard's own taken", async () => {
    const owner = await workspaceWithDataset(t, "uploader@example.com");
    const zip = await zipOf({ "daisy/a.txt": Buffer.from("not an image") });
    const post = (origin: string) =>
      throughDashboard(`/uploads/archive/${owner.datasetId}`, {
        method: "POST",
        headers: { cookie: `rs_session=${owner.token}`, origin, "content-type": "application/zip" },
        body: zip,
      });
    const foreign = await post("http://evil.example");
    expect(foreign.status).toBe(403);
    expect(await t.db.job.count()).toBe(0);
    const own = await post(origin);
    expect(own.status).toBe(202);
  }, 60_000);
});

describe("docker-compose", () => {
  it("has the API trust exactly the dashboard's container to name clients", async () => {
    const compose = parse(await readFile(path.resolve(import.meta.dirname, "../../../../docker-compose.yml"), "utf8"));
    const webAddress = compose.services.web.networks.default.ipv4_address;
    expect(compose.services.api.environment.TRUST_PROXY).toBe(webAddress);
    expect(compose.networks.default.ipam.config[0].subnet).toBe("172.28.0.0/24");
    expect(webAddress).toMatch(/^172\.28\.0\.\d+$/);
    // Nothing else in the stack is trusted, and the other services do not override it.
    for (const name of ["worker", "web", "migrate"])
      expect(compose.services[name].environment?.TRUST_PROXY).toBeUndefined();
  });
});
