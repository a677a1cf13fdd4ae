import { readFileSync } from "node:fs";

/** Clock ticks a second of /proc's CPU counters (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Busy and stolen ticks of the whole machine (every core), from /proc/stat's first line. */
function machineTicks() {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = (
    readFileSync("/proc/stat", "utf8").split("\n")[0] ?? ""
  )
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return {
    busy: (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0),
    steal: steal ?? 0,
    idle: (idle ?? 0) + (iowait ?? 0),
  };
}

/** User and system ticks of a process, every thread's (those that ended too). */
function processTicks(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Where the machine's cores went while `images` were extracted: milliseconds of a core an image in the
 * workers (every thread of theirs) and in everything else (the database, the API, the gateway, this
 * benchmark), and the share of the time the hypervisor gave to other machines (steal).
 */
export function cpuMeter(workerPids: number[]) {
  const machine = machineTicks();
  const workers = workerPids.map(processTicks);
  return (images: number) => {
    const now = machineTicks();
    const workerTicks = workerPids.map((pid, i) => processTicks(pid) - (workers[i] ?? 0)).reduce((a, b) => a + b, 0);
    const msPerImage = (ticks: number) => Math.round(((ticks * 1000) / TICKS_PER_SECOND / images) * 100) / 100;
    const total = now.busy + now.steal + now.idle - (machine.busy + machine.steal + machine.idle);
    return {
      workersMsPerImage: msPerImage(workerTicks),
      othersMsPerImage: msPerImage(now.busy - machine.busy - workerTicks),
      stealPercent: Math.round(((now.steal - machine.steal) / Math.max(1, total)) * 1000) / 10,
    };
  };
}
