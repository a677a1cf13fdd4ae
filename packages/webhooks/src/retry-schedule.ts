/** How deliveries are retried: exponential backoff from `baseSeconds`, each wait at most `maxWaitSeconds`. */
export interface RetryPolicy {
  baseSeconds: number;
  /** A delivery not through this long after its event is given up. */
  giveUpAfterSeconds: number;
  maxWaitSeconds?: number;
}

/** The default: 30 s, 1 min, 2 min... up to 6 h between tries, given up 24 h after the event. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseSeconds: 30,
  giveUpAfterSeconds: 24 * 3600,
  maxWaitSeconds: 6 * 3600,
};

/**
 * When to try again after `attempts` failed tries of an event raised at `createdAt`: the date, or null when
 * that would be past the give-up time (the delivery fails for good).
 */
export function nextAttemptAt(attempts: number, createdAt: Date, now: Date, policy: RetryPolicy): Date | null {
  const wait = Math.min(policy.baseSeconds * 2 ** Math.max(attempts - 1, 0), policy.maxWaitSeconds ?? Infinity);
  const next = new Date(now.getTime() + wait * 1000);
  return next.getTime() - createdAt.getTime() > policy.giveUpAfterSeconds * 1000 ? null : next;
}
