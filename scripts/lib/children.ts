import { type ChildProcess, spawn } from "node:child_process";

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts a service with its output prefixed by its name, so one terminal shows all of them. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Child {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      process.stderr.write(`[${name}] could not start: ${error.message}\n`);
      resolve(null);
    });
  });
  return { name, process: child, exited };
}

/** Asks every child to stop (SIGTERM) and waits; one that is still running after `graceMs` is killed. */
export async function stopChildren(children: Child[], graceMs = 10_000): Promise<void> {
  for (const c of children) if (c.process.exitCode === null) c.process.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const c of children) if (c.process.exitCode === null) c.process.kill("SIGKILL");
  }, graceMs);
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(timer);
}
