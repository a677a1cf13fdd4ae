/**
 * Temperature scaling (Guo et al., 2017): one number T divides the logits before the softmax, fitted to
 * minimise the negative log-likelihood on held-out images. It changes no prediction's rank, only how sure
 * it claims to be. The head outputs probabilities; their logs are its logits up to a constant, which the
 * softmax ignores, so T applies to stored probabilities too.
 */
const FLOOR = 1e-12;

/** Probabilities [n, k] with temperature T applied. */
export function applyTemperature(probabilities: Float32Array, k: number, temperature: number): Float32Array {
  const out = new Float32Array(probabilities.length);
  for (let row = 0; row < probabilities.length / k; row++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.log(Math.max(probabilities[row * k + j] ?? 0, FLOOR)));
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp((Math.log(Math.max(probabilities[row * k + j] ?? 0, FLOOR)) - max) / temperature);
      out[row * k + j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) out[row * k + j] = (out[row * k + j] ?? 0) / sum;
  }
  return out;
}

/** Mean negative log-likelihood of the true labels. */
export function negativeLogLikelihood(probabilities: Float32Array, labels: Int32Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++)
    sum -= Math.log(Math.max(probabilities[i * k + (labels[i] ?? 0)] ?? 0, FLOOR));
  return labels.length ? sum / labels.length : 0;
}

/** Below this many held-out images, or with none of them wrong, a fitted temperature says nothing. */
export const MIN_FIT_IMAGES = 20;

function anyWrong(probabilities: Float32Array, labels: Int32Array, k: number): boolean {
  for (let i = 0; i < labels.length; i++) {
    const given = probabilities[i * k + (labels[i] ?? 0)] ?? 0;
    for (let j = 0; j < k; j++) if ((probabilities[i * k + j] ?? 0) > given) return true;
  }
  return false;
}

/**
 * The temperature minimising the NLL, by golden-section search on log T in [1/4, 10] (the NLL is unimodal
 * in T). 1 (no change) when the images cannot support a fit: too few, or none wrong, where the NLL would
 * only fall by sharpening without end and make the model more overconfident, not less.
 */
export function fitTemperature(probabilities: Float32Array, labels: Int32Array, k: number): number {
  if (labels.length < MIN_FIT_IMAGES || !anyWrong(probabilities, labels, k)) return 1;
  const loss = (logT: number) => negativeLogLikelihood(applyTemperature(probabilities, k, Math.exp(logT)), labels, k);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [Math.log(1 / 4), Math.log(10)];
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let [fc, fd] = [loss(c), loss(d)];
  for (let i = 0; i < 40; i++) {
    if (fc < fd) {
      [b, d, fd] = [d, c, fc];
      c = b - ratio * (b - a);
      fc = loss(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + ratio * (b - a);
      fd = loss(d);
    }
  }
  return Math.exp((a + b) / 2);
}
