// There is no docker engine here, so the Dockerfile's runtime stage is rebuilt by following its own COPY
// lines: production dependencies installed from the manifests it copies, then the compiled output it takes
// from the build stage (this checkout, after `pnpm build` and `pnpm build:web`). The services must then
// migrate an empty database and answer their probes from that folder alone, without development packages.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, until, useEmptyDatabase } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const image = mkdtempSync(path.join(os.tmpdir(), "retrain-image-"));
// The pnpm running the tests (`npm test` may have fetched it through npx), else the one on PATH.
const execPath = process.env.npm_execpath;
// pnpm may be a script for Node or a native executable (pnpm 12's standalone build).
const pnpm = execPath?.includes("pnpm")
  ? /\.[cm]?js$/.test(execPath)
    ? [process.execPath, execPath]
    : [execPath]
  : ["pnpm"];

/** The Dockerfile's instructions by stage name (`FROM ... AS name`), continuation lines joined. */
function stages(): Map<string, string[]> {
  const text = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const byStage = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim())) {
    const from = /^FROM \S+ AS (\S+)$/.exec(line);
    if (from?.[1]) {
      current = [];
      byStage.set(from[1], current);
    } else if (line && !line.startsWith("#")) current.push(line);
  }
  return byStage;
}

/** `COPY [--from=stage] [--chown=...] source... dest`, sources relative to the context or to /app. */
function copies(lines: string[]) {
  return lines
    .filter((line) => line.startsWith("COPY "))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
      const paths = words.filter((w) => !w.startsWith("--"));
      return { from, sources: paths.slice(0, -1).map((p) => p.replace(/^\/app\/?/, "")), dest: paths.at(-1) ?? "" };
    });
}

function copy(source: string, dest: string) {
  const target = dest.endsWith("/") ? path.join(image, dest, path.basename(source)) : path.join(image, dest);
  cpSync(path.join(root, source), target, { recursive: true });
}

const running: ReturnType<typeof spawn>[] = [];
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: image,
    env: { PATH: process.env.PATH, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: "ignore",
  });
  running.push(child);
}
afterAll(async () => {
  await Promise.all(running.map((child) => new Promise((resolve) => child.kill() && child.once("exit", resolve))));
  rmSync(image, { recursive: true, force: true });
});

describe("the runtime image (Dockerfile's runtime stage, rebuilt without docker)", () => {
  const plan = stages();
  beforeAll(() => {
    for (const step of copies(plan.get("prod-deps") ?? [])) for (const source of step.sources) copy(source, step.dest);
    expect(plan.get("prod-deps")?.some((line) => /^RUN pnpm install --prod --frozen-lockfile$/.test(line))).toBe(true);
    execFileSync(pnpm[0] ?? "pnpm", [...pnpm.slice(1), "install", "--prod", "--frozen-lockfile"], {
      cwd: image,
      env: { ...process.env, CI: "true" },
      stdio: "pipe",
    });
    const runtime = copies(plan.get("runtime") ?? []);
    expect(runtime[0]).toMatchObject({ from: "prod-deps", sources: [""] });
    for (const step of runtime.slice(1)) {
      expect(step.from).toBe("build");
      for (const source of step.sources) copy(source, step.dest);
    }
  }, 180_000);

  it("holds production dependencies only, runs as node, and starts the compiled API", () => {
    for (const devOnly of ["tsx", "typescript", "vitest", "prisma", "esbuild"])
      expect(existsSync(path.join(image, "node_modules", devOnly)), devOnly).toBe(false);
    const runtime = plan.get("runtime") ?? [];
    expect(runtime).toContain("USER node");
    expect(runtime.find((line) => line.startsWith("CMD "))).toContain("apps/api/dist/main.js");
    expect(runtime.some((line) => line.startsWith("HEALTHCHECK "))).toBe(true);
  });

  it("migrates an empty database, then the API, worker and dashboard answer their probes", async () => {
    const databaseUrl = await useEmptyDatabase();
    execFileSync(process.execPath, ["--conditions=compiled", "dist/migrate.js"], {
      cwd: image,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
    });
    const [apiPort, workerPort, webPort] = [await freePort(), await freePort(), await freePort()];
    const compiled = ["--enable-source-maps", "--conditions=compiled"];
    const common = { DATABASE_URL: databaseUrl, MODEL_CACHE_DIR: path.join(image, ".data/models") };
    start([...compiled, "apps/api/dist/main.js"], { ...common, API_PORT: String(apiPort) });
    start([...compiled, "apps/worker/dist/main.js"], { ...common, WORKER_HEALTH_PORT: String(workerPort) });
    start([...compiled, "apps/web/dist/server.js"], {
      PORT: String(webPort),
      API_URL: `http://127.0.0.1:${apiPort}/graphql`,
    });
    const ok = (url: string) => () =>
      fetch(url).then(
        (r) => r.ok,
        () => false,
      );
    await until("the API to be ready", ok(`http://127.0.0.1:${apiPort}/readyz`));
    await until("the worker's probe", ok(`http://127.0.0.1:${workerPort}/healthz`));
    await until("the dashboard's probe", ok(`http://127.0.0.1:${webPort}/healthz`));
    const health = await fetch(`http://127.0.0.1:${webPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok } }" }),
    });
    expect(await health.json()).toEqual({ data: { health: { ok: true } } });
  }, 120_000);
});
