import { JOB_KIND_NAMES, JOB_KINDS, type JobKind } from "@retrain/jobs";
import { builder } from "./builder.js";

/** The closed sets of the API that more than one entity file uses. */

export const RunStatusEnum = builder.enumType("RunStatus", {
  description: "Where a training run is.",
  values: {
    QUEUED: { description: "Waiting for a worker." },
    EXTRACTING: { description: "Computing the bottleneck vectors the dataset lacks." },
    TRAINING: { description: "Training the new layer, epoch by epoch." },
    SUCCEEDED: { description: "Trained, evaluated and checkpointed." },
    FAILED: { description: "Stopped by an error; see `error`." },
    CANCELLED: { description: "Stopped on request; what it stored is kept." },
  } as const,
});

export const JobStatusEnum = builder.enumType("JobStatus", {
  description: "Where a background job is.",
  values: {
    QUEUED: { description: "Waiting for a worker." },
    RUNNING: { description: "A worker holds it." },
    SUCCEEDED: { description: "Done." },
    FAILED: { description: "Stopped by an error; see `error`." },
    CANCELLED: { description: "Stopped on request." },
  } as const,
});

/** One value per kind in the job registry (packages/jobs), described there. */
export const JobKindEnum = builder.enumType("JobKind", {
  description: "What a background job does.",
  values: Object.fromEntries(
    JOB_KIND_NAMES.map((kind) => [kind, { description: JOB_KINDS[kind].description }]),
  ) as Record<JobKind, { description: string }>,
});

export const ModelFormatEnum = builder.enumType("ModelFormat", {
  description: "TensorFlow.js model formats.",
  values: {
    LAYERS: { description: "A Keras layers model (tf.loadLayersModel)." },
    GRAPH: { description: "A frozen graph model (tf.loadGraphModel), such as TF Hub's and EfficientNet-B0." },
  } as const,
});

export const NormalizationEnum = builder.enumType("Normalization", {
  description: "The pixel range a base model expects.",
  values: {
    MINUS_ONE_TO_ONE: { value: "[-1,1]", description: "[-1, 1]: Keras applications (MobileNet, Inception-v3)." },
    ZERO_TO_ONE: { value: "[0,1]", description: "[0, 1]: TF Hub image feature vectors, EfficientNet-B0." },
    CAFFE_BGR: {
      value: "caffe",
      description: "Keras's caffe mode: channels as BGR, ImageNet's means subtracted, no scaling (ResNet-50).",
    },
  } as const,
});

export const OptimizerEnum = builder.enumType("Optimizer", {
  description: "How the new layer's weights are updated.",
  values: {
    ADAM: { value: "adam", description: "Adam (the default)." },
    SGD: { value: "sgd", description: "Stochastic gradient descent with momentum (retrain.py's choice)." },
  } as const,
});

export const ClassWeightsEnum = builder.enumType("ClassWeights", {
  description: "How classes of different sizes weigh in the loss.",
  values: {
    BALANCED: { value: "balanced", description: "Each class weighs the same, whatever its size (the default)." },
    NONE: { value: "none", description: "Each image weighs the same." },
  } as const,
});

export const EvaluationSplitEnum = builder.enumType("EvaluationSplit", {
  description: "Which held-out split a figure was measured on.",
  values: {
    TEST: { value: "test", description: "The test split, never seen in training." },
    VALIDATION: { value: "validation", description: "The validation split (it drove early stopping)." },
  } as const,
});
