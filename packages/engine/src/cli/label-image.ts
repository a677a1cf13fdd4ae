#!/usr/bin/env node
// label-image: classifies image files with a trained model, like TensorFlow's label_image.py. The model is a
// `retrain` output folder, a TensorFlow.js export folder, the dashboard's export zip or its ONNX file:
//   label-image --model ./retrained photo1.jpg photo2.jpg [--top-k 3] [--json]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { EngineError } from "../errors.js";
import { openExportedClassifier } from "../export/exported-classifier.js";

export const LABEL_IMAGE_USAGE = `label-image: classify images with a model trained by Retrain Studio (like label_image.py)

  label-image --model PATH [--top-k N] [--json] IMAGE...

  --model PATH   a retrain output folder, a TensorFlow.js export folder, an export .zip or an .onnx file
                 (label_image.py's --graph is taken as --model, --image as an IMAGE)
  --top-k N      labels shown per image (default 5)
  --json         one JSON object per image: {"image", "top": [{"label", "probability"}]}
`;

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: "string" },
      graph: { type: "string" },
      image: { type: "string", multiple: true },
      "top-k": { type: "string", default: "5" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const topK = Number(values["top-k"]);
  if (!Number.isInteger(topK) || topK < 1) throw new UsageError("--top-k: expected a whole number of at least 1");
  const model = values.model ?? values.graph;
  const images = [...(values.image ?? []), ...positionals];
  if (!values.help && !model) throw new UsageError("--model: is required");
  if (!values.help && images.length === 0) throw new UsageError("name at least one image to classify");
  return { model: model ?? "", images, topK, json: values.json, help: values.help };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(LABEL_IMAGE_USAGE);
    return 0;
  }
  const classifier = await openExportedClassifier(args.model);
  let failed = 0;
  try {
    for (const image of args.images) {
      try {
        const probabilities = await classifier.classify(await readFile(image), image);
        const top = classifier.labels
          .map((label, i) => ({ label, probability: probabilities[i] ?? 0 }))
          .sort((a, b) => b.probability - a.probability)
          .slice(0, args.topK);
        if (args.json) process.stdout.write(`${JSON.stringify({ image, top })}\n`);
        else {
          process.stdout.write(`${image}\n`);
          for (const p of top) process.stdout.write(`  ${p.label} (score = ${p.probability.toFixed(5)})\n`);
        }
      } catch (error) {
        failed++;
        process.stderr.write(`${image}: ${(error as Error).message.split("\n")[0]}\n`);
      }
    }
  } finally {
    await classifier.dispose();
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof EngineError ||
      (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    process.stderr.write(known ? `label-image: ${(error as Error).message}\n` : `${(error as Error).stack}\n`);
    process.exit(2);
  },
);
