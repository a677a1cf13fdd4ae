// There is no docker engine here: what compose promises an operator is checked by reading the file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Service {
  restart?: string;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(path.join(import.meta.dirname, "../docker-compose.yml"), "utf8"), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;

describe("docker-compose.yml", () => {
  it("restarts the long-running services, and probes each of them on its own health route", () => {
    for (const [name, route] of [
      ["api", "4000/readyz"],
      ["worker", "9100/healthz"],
      ["web", "3000/healthz"],
    ] as const) {
      expect(services[name]?.restart, name).toBe("unless-stopped");
      expect(services[name]?.healthcheck?.test.join(" "), name).toContain(`127.0.0.1:${route}`);
    }
    expect(services.worker?.environment?.WORKER_HEALTH_PORT).toBe("9100");
    expect(services.migrate?.restart).toBe("no");
  });

  it("starts the dashboard once the API is healthy, and the API once migrations ran", () => {
    expect(services.web?.depends_on?.api?.condition).toBe("service_healthy");
    expect(services.api?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(services.postgres?.healthcheck).toBeDefined();
  });

  it("trusts the dashboard's address, and only it, to name clients", () => {
    expect(services.api?.environment?.TRUST_PROXY).toBe("172.28.0.10");
  });
});

describe("the image", () => {
  it("runs as a user that is not root, and its build context leaves out the repository, data and installs", () => {
    const dockerfile = readFileSync(path.join(import.meta.dirname, "../Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^USER node$/m);
    const ignored = readFileSync(path.join(import.meta.dirname, "../.dockerignore"), "utf8").split("\n");
    for (const entry of [".git", ".data", "node_modules"]) expect(ignored).toContain(entry);
  });
});
