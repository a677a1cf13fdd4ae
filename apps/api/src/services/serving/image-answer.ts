import type { Prediction } from "@retrain/engine";

/** One image's prediction as the service returns it: the engine's answer with its checkpoint, or why not. */
export type ImageResult =
  | (Exclude<Prediction, { error: string }> & { checkpointId: string })
  | { name: string; error: string };

/**
 * What a client is told of one image, over GraphQL and REST alike: its top labels, or why it could not be
 * read; whether the model would rather not answer, and why; whether the probabilities are calibrated.
 */
export function imageAnswer(r: ImageResult) {
  const answered = "top" in r;
  return {
    name: r.name,
    top: answered ? r.top.map(({ label, probability }) => ({ label, probability })) : [],
    error: answered ? null : r.error,
    unknown: answered && r.unknown !== null,
    unknownReason: answered ? r.unknown : null,
    calibrated: answered && r.calibrated,
  };
}
