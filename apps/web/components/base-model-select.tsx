"use client";

interface Choice {
  id: string;
  name: string;
  featureDim: number;
  cached: boolean;
  role?: "DEFAULT" | "FAST" | null;
  benchmark?: { imagesPerSecond: number; flowersValidationAccuracy: number } | null;
}

/** What a model costs and gives, from the committed benchmark, in the words of the option. */
function describe(m: Choice): string {
  const role = m.role === "DEFAULT" ? "recommended" : m.role === "FAST" ? "fastest" : null;
  const figures = m.benchmark
    ? `${Math.round(m.benchmark.imagesPerSecond)} images/s, ${(m.benchmark.flowersValidationAccuracy * 100).toFixed(0)}% on flowers`
    : null;
  const files = m.cached ? "downloaded" : "downloads on first use";
  return `${m.name} (${[role, figures, `${m.featureDim}-d`, files].filter(Boolean).join(", ")})`;
}

/**
 * The base model of a new experiment: the recommended one first chosen, each with its measured speed and
 * accuracy (npm run bench:models, on a 2-core machine) so the trade is visible before training.
 */
export function BaseModelSelect({ models }: { models: Choice[] }) {
  const preferred = models.find((m) => m.role === "DEFAULT") ?? models.find((m) => m.cached) ?? models[0];
  return (
    <label>
      Base model
      <select name="baseModel" defaultValue={preferred?.id}>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {describe(m)}
          </option>
        ))}
      </select>
      <small className="muted">
        Speed and accuracy measured by the benchmark on 2 cores; the fastest model trades some accuracy for speed.
      </small>
    </label>
  );
}
