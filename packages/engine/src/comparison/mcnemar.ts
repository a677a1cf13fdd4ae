/**
 * McNemar's exact test on paired outcomes: of the images exactly one of two classifiers got right, `b` went
 * to the first and `c` to the second; with no real difference each is a fair coin flip. Two-sided p-value of
 * the binomial, summed in log space so that thousands of discordant images stay exact.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let logTerm = -n * Math.LN2; // log of C(n, 0) / 2^n
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}
