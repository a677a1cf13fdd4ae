/** PSI above this is a shift worth acting on (the usual reading: under 0.1 none, 0.1-0.2 some, above 0.2 major). */
export const DRIFT_THRESHOLD = 0.2;

/**
 * Population stability index between two label distributions (counts per label): the sum over labels of
 * (served share - training share) * ln(served share / training share), each share floored at 0.5% so a label
 * missing from one side counts as large, not infinite.
 */
export function populationStability(training: ReadonlyMap<string, number>, served: ReadonlyMap<string, number>) {
  const labels = [...new Set([...training.keys(), ...served.keys()])];
  const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) || 1;
  const [t, s] = [total(training), total(served)];
  const FLOOR = 0.005;
  let psi = 0;
  const shares = labels.map((label) => {
    const expected = Math.max((training.get(label) ?? 0) / t, FLOOR);
    const observed = Math.max((served.get(label) ?? 0) / s, FLOOR);
    psi += (observed - expected) * Math.log(observed / expected);
    return { label, training: (training.get(label) ?? 0) / t, served: (served.get(label) ?? 0) / s };
  });
  return { psi, shares };
}

/** Drift is judged on the last week of served answers, and only with enough of them to mean anything. */
export const DRIFT_DAYS = 7;
export const DRIFT_MIN_PREDICTIONS = 30;

/** Whether the labels an alias answered (`recent`, the last week) drifted from the TRAIN split's labels. */
export function judgeDrift(training: ReadonlyMap<string, number>, recent: ReadonlyMap<string, number>) {
  const answered = [...recent.values()].reduce((a, b) => a + b, 0);
  const { psi, shares } = populationStability(training, recent);
  const enough = answered >= DRIFT_MIN_PREDICTIONS;
  return { psi: enough ? psi : null, shares, answered, drift: enough && psi > DRIFT_THRESHOLD };
}
