// Real child processes: a service that crashes comes back (with growing waits), the others are left alone.
import { afterEach, describe, expect, it } from "vitest";
import { type Supervisor, supervise } from "./supervisor.js";

const node = process.execPath;
const service = (name: string, code: string) => ({
  name,
  command: node,
  args: ["-e", code],
  cwd: process.cwd(),
  env: process.env,
});
const until = async (probe: () => boolean, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("supervise", () => {
  let supervisor: Supervisor | undefined;
  afterEach(() => supervisor?.stop(1000));

  it("restarts a crashed service with backoff, and leaves the others running", async () => {
    const lines: string[] = [];
    supervisor = supervise([service("steady", "setInterval(() => {}, 1000)"), service("crashy", "process.exit(3)")], {
      backoffMs: 50,
      maxBackoffMs: 200,
      log: (line) => lines.push(line),
    });
    const steady = supervisor.current()[0];
    await until(() => (supervisor?.restarts("crashy") ?? 0) >= 4);
    expect(supervisor.restarts("steady")).toBe(0);
    expect(steady?.process.exitCode).toBeNull();
    expect(lines[0]).toBe("[crashy] exited (code 3); restarting in 0.05 s");
    expect(lines.slice(0, 4).map((l) => l.match(/in ([\d.]+) s/)?.[1])).toEqual(["0.05", "0.1", "0.2", "0.2"]);
  });

  it("a process killed by a signal comes back; stop() ends everything for good", async () => {
    supervisor = supervise([service("victim", "setInterval(() => {}, 1000)")], { backoffMs: 20 });
    const first = supervisor.current()[0];
    first?.process.kill("SIGKILL");
    await until(() => supervisor?.restarts("victim") === 1);
    const second = supervisor.current()[0];
    expect(second?.process.pid).not.toBe(first?.process.pid);
    await supervisor.stop(1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(supervisor.restarts("victim")).toBe(1);
    expect(second?.process.exitCode !== null || second?.process.signalCode !== null).toBe(true);
  });
});
