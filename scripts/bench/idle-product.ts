// `npm run bench:idle`: starts the whole product as `npm start` does (embedded PostgreSQL in a temporary
// folder, API, worker, dashboard), measures the time until the API's health query answers ok and the
// dashboard answers, then the resident memory of every process of it after 30 s idle. Targets (issue 21):
// health ok within 15 s, the whole product idle within 600 MB. It runs the compiled product, as `npm start`
// does (the npm script runs `pnpm build` first). Memory is given as RSS summed (counts pages shared between processes, such as
// PostgreSQL's shared buffers and libraries, once per process) and as PSS summed (each shared page split
// between the processes sharing it: what the product takes from the machine).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "@retrain/testing";

const root = path.resolve(import.meta.dirname, "../..");
const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-idle-"));
const [apiPort, webPort, pgPort] = [await freePort(), await freePort(), await freePort()];
const started = performance.now();
const product = spawn(process.execPath, ["--conditions=compiled", "dist/start.js"], {
  cwd: root,
  detached: true,
  stdio: "ignore",
  env: {
    ...process.env,
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    POSTGRES_PORT: String(pgPort),
    POSTGRES_DATA_DIR: path.join(dir, "postgres"),
    MODEL_CACHE_DIR: path.join(dir, "models"),
    EXPORT_DIR: path.join(dir, "exports"),
  },
});

async function healthy(): Promise<boolean> {
  try {
    const answer = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health { ok } }" }),
    });
    const dashboard = await fetch(`http://127.0.0.1:${webPort}/healthz`);
    return JSON.stringify(await answer.json()).includes('"ok":true') && dashboard.ok;
  } catch {
    return false;
  }
}

/** Every process in the tree under `pid`, with its resident memory (from /proc: Linux only). */
function tree(pid: number): { pid: number; name: string; rssMb: number; pssMb: number }[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {} // ended meanwhile
  }
  const all: { pid: number; name: string; rssMb: number; pssMb: number }[] = [];
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      const pss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) / 1024;
      const cmd = readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
      all.push({ pid: p, name: cmd.slice(0, 90), rssMb: rss, pssMb: pss });
    } catch {}
    for (const child of parents.get(p) ?? []) visit(child);
  };
  visit(pid);
  return all;
}

let healthSeconds = Number.NaN;
while (performance.now() - started < 300_000) {
  if (await healthy()) {
    healthSeconds = (performance.now() - started) / 1000;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
try {
  if (Number.isNaN(healthSeconds)) throw new Error("the product did not answer within 300 s");
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  const processes = tree(product.pid ?? 0);
  const total = processes.reduce((sum, p) => sum + p.rssMb, 0);
  const proportional = processes.reduce((sum, p) => sum + p.pssMb, 0);
  console.log("   RSS     PSS");
  for (const p of processes.sort((a, b) => b.rssMb - a.rssMb))
    console.log(`${p.rssMb.toFixed(0).padStart(6)} ${p.pssMb.toFixed(0).padStart(6)} MB  ${p.name}`);
  console.log(
    `health ok after ${healthSeconds.toFixed(1)} s (target 15 s); idle after 30 s: ${total.toFixed(0)} MB RSS, ${proportional.toFixed(0)} MB PSS in ${processes.length} processes (target 600 MB)`,
  );
} finally {
  process.kill(-(product.pid ?? 0), "SIGTERM");
}
