import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { InvalidOptionError } from "../errors.js";
import { VARIANTS, type Variant } from "../images/decode-image.js";
import { parseInferenceChoice } from "../inference/inference-plan.js";
import { CATALOG, DEFAULT_BASE_MODEL, FAST_BASE_MODEL } from "../models/catalog.js";
import type { RetrainOptions } from "../pipeline/retrain-options.js";
import { DEFAULTS } from "../pipeline/retrain-options.js";
import { fromRetrainPyFlags } from "./retrain-py-flags.js";

export const USAGE = `retrain: train a new final layer on a pretrained image network (TensorFlow's retrain.py recipe)

  --image-dir DIR          a folder per class, its name the label (required)
  --base-model ID|URL|DIR  catalog id (${CATALOG.map((m) => m.id).join(", ")}),
                           model.json URL, or folder (default ${DEFAULT_BASE_MODEL}; ${FAST_BASE_MODEL} is the fast one)
  --bottleneck-dir DIR     bottleneck cache, reused across runs (default ./bottlenecks)
  --model-cache-dir DIR    downloaded base models (default ~/.cache/retrain-studio/models)
  --output DIR             checkpoint/, model/ (standalone TensorFlow.js export) and labels.txt (default ./retrained)
  --epochs N (${DEFAULTS.training.epochs})   --batch-size N (${DEFAULTS.training.batchSize})   --learning-rate X (${DEFAULTS.optimizer.learningRate})
  --optimizer adam|sgd (${DEFAULTS.optimizer.name})   --momentum X (0.9, sgd)   --l2 X (${DEFAULTS.training.l2})   --label-smoothing X (${DEFAULTS.training.labelSmoothing})
  --hidden-units N (0: softmax only)   --dropout X (${DEFAULTS.head.dropout})
  --class-weights balanced|none (${DEFAULTS.training.classWeights})   --early-stopping N (patience in epochs, 0 = off; ${DEFAULTS.training.earlyStoppingPatience})
  --augment flip,zoom,flip-zoom|none (${DEFAULTS.augment.join(",") || "none"})   --resize center-crop|squash (${DEFAULTS.resize})
  --validation-percent N (10)   --test-percent N (10)   --seed N (${DEFAULTS.training.seed})
  --bottleneck NAME        layer or node to cut at (default: the last pooled layer)
  --backend auto|onnxruntime|tensorflow|wasm|cpu   where the base model runs (auto: ONNX Runtime where it can)
  --threads N (extraction worker threads; default: one per core)
  --json                   print a JSON summary as the last line of output

  Remote mode, on a Retrain Studio server instead of this machine (the run is a team's, in its dashboard):
  --server URL --token TOKEN [--workspace ID]   uploads --image-dir into a new dataset, trains there with the
                           options above (base model, epochs, optimizer...), waits, and downloads the model
                           export to --output (model.zip)

  retrain.py's flags work too (--image_dir, --bottleneck_dir, --learning_rate, --testing_percentage,
  --validation_percentage, --train_batch_size, --architecture, --flip_left_right, --random_crop,
  --random_scale); those with no equivalent here say what to use instead.
`;

function numberOption(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min)
    throw new InvalidOptionError(`--${name}`, `expected a number >= ${min}, got "${String(raw)}"`);
  return n;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  throw new InvalidOptionError(`--${name}`, `expected one of ${allowed.join(", ")}, got "${String(value)}"`);
}

const STRING_OPTIONS = [
  "image-dir",
  "base-model",
  "bottleneck-dir",
  "model-cache-dir",
  "output",
  "epochs",
  "batch-size",
  "learning-rate",
  "optimizer",
  "momentum",
  "l2",
  "label-smoothing",
  "hidden-units",
  "dropout",
  "class-weights",
  "early-stopping",
  "augment",
  "resize",
  "validation-percent",
  "test-percent",
  "seed",
  "bottleneck",
  "backend",
  "threads",
  "server",
  "token",
  "workspace",
];

/** Where remote mode trains: a Retrain Studio server, a token for it, and optionally the workspace. */
export interface RemoteTarget {
  server: string;
  token: string;
  workspaceId?: string;
}

export function parseRetrainArgs(argv: string[]): {
  options: RetrainOptions;
  json: boolean;
  help: boolean;
  remote?: RemoteTarget;
} {
  const { values } = parseArgs({
    args: fromRetrainPyFlags(argv),
    allowPositionals: false,
    options: {
      ...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: "string" as const }])),
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return { options: {} as RetrainOptions, json: false, help: true };
  if (!v["image-dir"])
    throw new InvalidOptionError("--image-dir", "is required (a folder with one sub-folder per class)");
  const augmentRaw = v.augment === undefined ? DEFAULTS.augment.join(",") || "none" : String(v.augment);
  const augment =
    augmentRaw === "none"
      ? []
      : augmentRaw.split(",").map((a) =>
          oneOf(
            "augment",
            a,
            VARIANTS.filter((x) => x !== "original"),
            "flip" as Exclude<Variant, "original">,
          ),
        );
  const optimizer = oneOf("optimizer", v.optimizer, ["adam", "sgd"] as const, DEFAULTS.optimizer.name);
  const patience = numberOption(v, "early-stopping", DEFAULTS.training.earlyStoppingPatience ?? 0);
  if (v.server !== undefined && !v.token)
    throw new InvalidOptionError("--token", "is required with --server (a personal API token, from the dashboard)");
  return {
    json: Boolean(v.json),
    help: false,
    ...(v.server !== undefined
      ? {
          remote: {
            server: String(v.server),
            token: String(v.token),
            ...(v.workspace ? { workspaceId: String(v.workspace) } : {}),
          },
        }
      : {}),
    options: {
      imageDir: path.resolve(String(v["image-dir"])),
      baseModel: String(v["base-model"] ?? DEFAULT_BASE_MODEL),
      bottleneckDir: path.resolve(String(v["bottleneck-dir"] ?? "bottlenecks")),
      modelCacheDir: path.resolve(
        String(v["model-cache-dir"] ?? path.join(os.homedir(), ".cache", "retrain-studio", "models")),
      ),
      outputDir: path.resolve(String(v.output ?? "retrained")),
      backend: parseInferenceChoice(v.backend as string | undefined),
      threads: v.threads === undefined ? undefined : numberOption(v, "threads", 1, 1),
      resize: oneOf("resize", v.resize, ["center-crop", "squash"] as const, DEFAULTS.resize),
      augment,
      split: {
        validationPercent: numberOption(v, "validation-percent", 10),
        testPercent: numberOption(v, "test-percent", 10),
      },
      head: {
        hiddenUnits: numberOption(v, "hidden-units", 0),
        dropout: numberOption(v, "dropout", DEFAULTS.head.dropout),
      },
      optimizer: {
        name: optimizer,
        learningRate: numberOption(v, "learning-rate", optimizer === "sgd" ? 0.01 : DEFAULTS.optimizer.learningRate),
        momentum: numberOption(v, "momentum", 0.9),
      },
      training: {
        epochs: numberOption(v, "epochs", DEFAULTS.training.epochs, 1),
        batchSize: numberOption(v, "batch-size", DEFAULTS.training.batchSize, 1),
        l2: numberOption(v, "l2", DEFAULTS.training.l2 ?? 0),
        labelSmoothing: numberOption(v, "label-smoothing", DEFAULTS.training.labelSmoothing ?? 0),
        classWeights: oneOf("class-weights", v["class-weights"], ["balanced", "none"] as const, "balanced"),
        earlyStoppingPatience: patience > 0 ? patience : undefined,
        seed: numberOption(v, "seed", DEFAULTS.training.seed ?? 42),
      },
      bottleneck: v.bottleneck as string | undefined,
    },
  };
}
