import { InvalidOptionError } from "../errors.js";

// TensorFlow's retrain.py flags, as its users' scripts still type them: each becomes this CLI's own, or is
// refused saying why and what to use instead.

const RENAMED: Record<string, string> = {
  image_dir: "image-dir",
  bottleneck_dir: "bottleneck-dir",
  learning_rate: "learning-rate",
  testing_percentage: "test-percent",
  validation_percentage: "validation-percent",
  train_batch_size: "batch-size",
};

const REFUSED: Record<string, string> = {
  how_many_training_steps:
    "retrain.py counts gradient steps of one batch; this trains in epochs over every cached vector: use --epochs N (early stopping picks the best)",
  output_graph:
    "this writes a folder, not a frozen GraphDef: use --output DIR (its model/ is the TensorFlow.js model; the dashboard also exports ONNX)",
  output_labels: "the labels are written as labels.txt inside --output DIR",
  random_brightness:
    "brightness distortions are not offered: augmentation here is cached variants (--augment flip,zoom)",
};

/** retrain.py's architectures that the catalog has, by their retrain.py names. */
const ARCHITECTURES: Record<string, string> = {
  inception_v3: "inception_v3",
  "mobilenet_0.25_224": "mobilenet_v1_025_224",
};

/** Flags retrain.py takes without a value (True when present, or `=True`/`=False`). */
const SWITCHES = new Set(["flip_left_right"]);

const RETRAIN_PY = new Set([
  ...Object.keys(RENAMED),
  ...Object.keys(REFUSED),
  ...SWITCHES,
  "random_crop",
  "random_scale",
  "architecture",
]);

/**
 * argv with retrain.py's flags (`--image_dir`, `--how_many_training_steps`, ...) turned into this CLI's; any
 * other argument passes unchanged. Random crops and scales become the cached centre crop ("zoom"), flips the
 * cached mirror image: variants computed once, not distortions redrawn every step.
 */
export function fromRetrainPyFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  const variants = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--([a-z0-9_.]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1] ?? "";
    if (!match || !RETRAIN_PY.has(name)) {
      out.push(arg); // this CLI's own, or unknown: the parser names it
      continue;
    }
    const takeValue = () => {
      if (match[2] !== undefined) return match[2];
      const next = argv[++i];
      if (next === undefined) throw new InvalidOptionError(`--${name}`, "expects a value");
      return next;
    };
    if (REFUSED[name]) throw new InvalidOptionError(`--${name}`, REFUSED[name]);
    if (RENAMED[name]) out.push(`--${RENAMED[name]}`, takeValue());
    else if (SWITCHES.has(name)) {
      if ((match[2] ?? "true").toLowerCase() !== "false") variants.add("flip");
    } else if (name === "random_crop" || name === "random_scale") {
      if (Number(takeValue()) > 0) variants.add("zoom");
    } else if (name === "architecture") {
      const architecture = takeValue();
      const id = ARCHITECTURES[architecture];
      if (!id)
        throw new InvalidOptionError(
          "--architecture",
          `"${architecture}" is not in the catalog; use --base-model with a catalog id (inception_v3, mobilenet_v1_025_224, efficientnet_b0_224, ...) or a model.json URL`,
        );
      out.push("--base-model", id);
    }
  }
  if (variants.size === 2) out.push("--augment", "flip,zoom,flip-zoom");
  else if (variants.size === 1) out.push("--augment", [...variants].join(","));
  return out;
}
