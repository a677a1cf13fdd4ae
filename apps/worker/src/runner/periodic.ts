import { log } from "../observability/log.js";

/**
 * Runs `round` every `everyMs`, never two at once (a slow round skips the ticks it overlaps); a failed round
 * is logged under `what` and the next one runs as usual.
 */
export function every(what: string, everyMs: number, round: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    round()
      .catch((error: unknown) => log.error({ err: error }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  return { stop: () => clearInterval(timer) };
}
