import type { PixelTransform } from "../images/normalization.js";

/** The README of a graph model's TensorFlow.js export: what is in it, and the loader in three lines. */
export function graphLoader(bottleneck: string, pixels: PixelTransform): string {
  const reverse = pixels.order[0] === 2 ? "tf.reverse(pixels.toFloat(), 3)" : "pixels.toFloat()";
  const offset = pixels.offset.every((o) => o === pixels.offset[0])
    ? String(pixels.offset[0])
    : `[${pixels.offset.join(", ")}]`;
  return `# Retrained classifier for TensorFlow.js

- \`base/\`: the pretrained network, a TensorFlow.js graph model, cut at node \`${bottleneck}\`.
- \`head/\`: the trained final layer, a layers model: bottleneck vectors in, class probabilities out.
- \`labels.json\`: the classes, in the order of the probabilities.
- \`retrained.json\`: preprocessing (input size, resize), the pixel transform, the cut point, and the
  calibration (temperature, abstention threshold) the API serves with.

Give it RGB pixels 0..255, \`[n, size, size, 3]\`, resized as \`retrained.json\` says (center-crop: the
largest centered square, then resized):

\`\`\`js
const base = await tf.loadGraphModel("base/model.json"), head = await tf.loadLayersModel("head/model.json");
const features = base.execute(${reverse}.mul(${pixels.scale}).add(${offset}), "${bottleneck}");
const probabilities = head.predict(features.rank === 4 ? features.mean([1, 2]) : features);
\`\`\`
`;
}
