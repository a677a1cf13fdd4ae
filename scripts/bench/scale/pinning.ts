import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

/** Every core of the machine, as `taskset` lists them (unpinning: not only the two the pinned runs use). */
export const everyCore = `0-${os.availableParallelism() - 1}`;

/** Pins every thread of a process to these cores (`taskset`, util-linux); threads it starts later inherit it. */
export function pinTo(pid: number, cores: string) {
  execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", cores, String(pid)], { stdio: "ignore" });
}

/** A process's peak resident memory so far (VmHWM), in MB. */
export function peakRssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** The middle value (of an odd count; the lower middle of an even one). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

export const ratioOf = (two: number, one: number) => Math.round((two / one) * 100) / 100;
