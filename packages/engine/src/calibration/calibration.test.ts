import { describe, expect, it } from "vitest";
import { seededRandom } from "../data/random.js";
import { precisionCoverageCurve, thresholdFor } from "./abstention.js";
import { calibrationOf, decide, withTargetPrecision } from "./calibration.js";
import { classCentroids } from "./class-centroids.js";
import { reliability } from "./reliability.js";
import { applyTemperature, fitTemperature } from "./temperature-scaling.js";

const K = 3;
const random = seededRandom(5);
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

/** Labels drawn from well-calibrated logits, then reported three times too sure (logits x 3). */
function overconfident(n: number) {
  const labels = new Int32Array(n);
  const probabilities = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    const logits = Array.from({ length: K }, () => 1.2 * gaussian());
    const honest = logits.map(Math.exp);
    const sum = honest.reduce((a, b) => a + b, 0);
    let u = random() * sum;
    let label = 0;
    while (label < K - 1 && u > (honest[label] ?? 0)) u -= honest[label++] ?? 0;
    labels[i] = label;
    const sharp = logits.map((z) => Math.exp(3 * z));
    const total = sharp.reduce((a, b) => a + b, 0);
    for (let j = 0; j < K; j++) probabilities[i * K + j] = (sharp[j] ?? 0) / total;
  }
  return { probabilities, labels };
}

describe("calibration", () => {
  it("finds the temperature that undoes overconfidence, and the calibration error drops", () => {
    const { probabilities, labels } = overconfident(4000);
    const t = fitTemperature(probabilities, labels, K);
    expect(t).toBeGreaterThan(2.5);
    expect(t).toBeLessThan(3.5);
    const before = reliability(probabilities, labels, K).ece;
    const after = reliability(applyTemperature(probabilities, K, t), labels, K).ece;
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.03);
  });

  it("picks the threshold with the most coverage that reaches the target precision", () => {
    const { probabilities, labels } = overconfident(2000);
    const curve = precisionCoverageCurve(applyTemperature(probabilities, K, 3), labels, K);
    const point = thresholdFor(curve, 0.8);
    expect(point?.precision).toBeGreaterThanOrEqual(0.8);
    expect(point?.coverage).toBeGreaterThan(0.1);
    expect(point?.coverage).toBeLessThan(1);
    // Lower thresholds on the curve all miss the target.
    for (const p of curve.filter((c) => c.threshold < (point?.threshold ?? 0))) expect(p.precision).toBeLessThan(0.8);
  });

  it("says LOW_CONFIDENCE under the threshold and FAR_FROM_TRAINING away from every class", () => {
    const dim = 8;
    const train = { x: new Float32Array(3 * 20 * dim), y: new Int32Array(60), dim };
    for (let i = 0; i < 60; i++) {
      train.y[i] = i % 3;
      for (let d = 0; d < dim; d++) train.x[i * dim + d] = (d === i % 3 ? 5 : 0) + 0.3 * gaussian();
    }
    const { probabilities, labels } = overconfident(600);
    const calibration = calibrationOf({
      k: K,
      train,
      fit: { probabilities, labels, split: "validation" },
      evaluation: { probabilities, labels, split: "test" },
      fitVectors: train,
      targetPrecision: 0.7,
    });
    const centroids = classCentroids(train.x, train.y, dim, K);
    const near = train.x.slice(0, dim);
    const far = Float32Array.from({ length: dim }, (_, d) => (d === 7 ? 5 : 0));
    const sure = Float32Array.of(0.99998, 0.00001, 0.00001);
    expect(decide(sure, near, calibration, centroids).unknown).toBeNull();
    expect(decide(Float32Array.of(0.4, 0.35, 0.25), near, calibration, centroids).unknown).toBe("LOW_CONFIDENCE");
    expect(decide(sure, far, calibration, centroids).unknown).toBe("FAR_FROM_TRAINING");
    const lenient = withTargetPrecision(calibration, 0.5);
    expect(lenient.threshold).toBeLessThan(calibration.threshold);
  });
});
