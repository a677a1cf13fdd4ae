/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO 8601 string in UTC. */
  DateTime: { input: string; output: string; }
};

/** Images a bulk accept labelled with one label. */
export type AcceptedLabels = {
  /** Images given it. */
  count: Scalars['Int']['output'];
  /** The label. */
  label: Scalars['String']['output'];
};

/** Something someone did in a workspace. */
export type Activity = {
  /** Who did it. */
  actor: Maybe<User>;
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** More, in words: for a promotion, what the parity check found. */
  detail: Maybe<Scalars['String']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The id of that thing. */
  subjectId: Scalars['String']['output'];
  /** The kind of thing it happened to. */
  subjectType: Scalars['String']['output'];
  /** What happened, such as dataset.created or member.invited. */
  verb: Scalars['String']['output'];
};

/** A personal API token for scripts, sent as `Authorization: Bearer <secret>`. */
export type ApiToken = {
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** After this it stops working. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Last request made with it. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the token is for. */
  name: Scalars['String']['output'];
  /** The secret's first characters, to recognise it. */
  prefix: Scalars['String']['output'];
  /** Set once revoked. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** What it may do. */
  scope: TokenScope;
};

/** The result of signing up or in. The session is also set as an HTTP-only cookie. */
export type AuthPayload = {
  /** The session secret (the cookie's value), for clients that cannot keep cookies. */
  sessionToken: Scalars['String']['output'];
  /** Who is signed in. */
  user: User;
};

/** A pretrained network cut at its bottleneck: a catalog model, or a workspace's own. */
export type BaseModel = {
  /** What the committed benchmark measured for this catalog model (npm run bench:models); null for others. */
  benchmark: Maybe<BaseModelBenchmark>;
  /** Layer or node cut at (empty: last pooling layer). */
  bottleneckOutput: Scalars['String']['output'];
  /** Whether its weights are on this server's disk. */
  cached: Scalars['Boolean']['output'];
  /** A workspace's own model (registered from a URL or files), as opposed to a catalog one. */
  custom: Scalars['Boolean']['output'];
  /** Length of a bottleneck vector. */
  featureDim: Scalars['Int']['output'];
  /** TensorFlow.js model format. */
  format: ModelFormat;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Input width and height in pixels. */
  inputSize: Scalars['Int']['output'];
  /** Catalog id (such as mobilenet_v2_035_224) or generated id. */
  key: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Pixel range the model expects. */
  normalization: Normalization;
  /** Why it does not convert to ONNX (an op or layer with no conversion), once a conversion was refused: it then runs on TensorFlow.js, and its checkpoints offer no ONNX download. Null: it converts (or was not tried yet). */
  onnxUnsupported: Maybe<Scalars['String']['output']>;
  /** DEFAULT for the model new experiments start from, FAST for the quick one; null for others. */
  role: Maybe<BaseModelRole>;
  /** Where its model.json is published. */
  sourceUrl: Scalars['String']['output'];
  /** SHA-256 of its weights, once loaded. */
  weightsHash: Maybe<Scalars['String']['output']>;
};

/** A catalog model measured by the committed benchmark (npm run bench:models), on its machine. */
export type BaseModelBenchmark = {
  /** Cores of the machine measured. */
  cores: Scalars['Int']['output'];
  /** Validation accuracy of a head trained with the defaults on flowers_small (4,317 photos, 5 classes). */
  flowersValidationAccuracy: Scalars['Float']['output'];
  /** Billions of floating-point operations an image. */
  gflopPerImage: Scalars['Float']['output'];
  /** Extraction on ONNX Runtime, end to end (files to stored vectors), all cores of the machine. */
  imagesPerSecond: Scalars['Float']['output'];
  /** When (ISO date). */
  measuredOn: Scalars['String']['output'];
};

/** What a catalog model is recommended for. */
export type BaseModelRole =
  /** The model new experiments and the CLI start from: the strongest that installs offline. */
  | 'DEFAULT'
  /** The quick choice: several times the default's speed, some accuracy less. */
  | 'FAST';

/** How far a checkpoint's probabilities can be believed, and when it says "don't know": temperature scaling fitted on validation, calibration error before and after, and the abstention threshold for a target precision. */
export type Calibration = {
  /** Precision against coverage on the fitting split, lowest threshold first. */
  curve: Array<CoveragePoint>;
  /** Expected calibration error after scaling. */
  eceAfter: Scalars['Float']['output'];
  /** Expected calibration error before scaling. */
  eceBefore: Scalars['Float']['output'];
  /** The split the errors below are measured on. */
  evaluatedOn: Scalars['String']['output'];
  /** Cosine distance to the nearest class centroid beyond which an image is far from every class. */
  farDistance: Scalars['Float']['output'];
  /** The split it was fitted on (validation, else train). */
  fittedOn: Scalars['String']['output'];
  /** Reliability diagram after scaling. */
  reliabilityAfter: Array<ReliabilityBin>;
  /** Reliability diagram before scaling. */
  reliabilityBefore: Array<ReliabilityBin>;
  /** The precision answers are held to. */
  targetPrecision: Scalars['Float']['output'];
  /** Logits are divided by it (above 1: it was overconfident). */
  temperature: Scalars['Float']['output'];
  /** Below this calibrated confidence the answer is unknown. */
  threshold: Scalars['Float']['output'];
};

/** A trained head saved by a run: labels, metrics and the base model it belongs to. */
export type Checkpoint = {
  /** The base model's weights it was trained on. */
  baseModelWeightsHash: Scalars['String']['output'];
  /** Its calibration and abstention threshold (null for checkpoints trained before calibration). */
  calibration: Maybe<Calibration>;
  /** When it was saved. */
  createdAt: Scalars['DateTime']['output'];
  /** Where to download it for TensorFlow.js (a zip: for a layers base, one model of base and head with labels.json; for a graph base, base/ and head/ side by side with retrained.json and a README giving the three-line loader), relative to the API's origin; send your session cookie or token. */
  exportUrl: Scalars['String']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Class names in output order. */
  labels: Array<Scalars['String']['output']>;
  /** The run's figures at that step. */
  metrics: Maybe<RunMetrics>;
  /** Why there is no ONNX download (its base model's op or layer with no conversion); null when there is. */
  onnxExportUnavailable: Maybe<Scalars['String']['output']>;
  /** Where to download it as one ONNX model (uint8 RGB pixels in, probabilities out; labels and preprocessing in its metadata), for ONNX Runtime or Triton. Relative to the API's origin; send your session cookie or token. Null when its base model does not convert to ONNX (onnxExportUnavailable says why). */
  onnxExportUrl: Maybe<Scalars['String']['output']>;
  /** The run that saved it. */
  runId: Scalars['ID']['output'];
  /** The epoch whose weights it holds. */
  step: Scalars['Int']['output'];
};

/** A name such as production pointing at one checkpoint of the experiment. */
export type CheckpointAlias = {
  /** The checkpoint it points at. */
  checkpoint: Checkpoint;
  /** The alias. */
  name: Scalars['String']['output'];
  /** When it was last moved. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Images of a class by split. */
export type ClassBalance = {
  /** The class. */
  label: Scalars['String']['output'];
  /** TEST images. */
  test: Scalars['Int']['output'];
  /** All of them. */
  total: Scalars['Int']['output'];
  /** TRAIN images. */
  train: Scalars['Int']['output'];
  /** VALIDATION images. */
  validation: Scalars['Int']['output'];
};

/** One class's F1 in each run, with intervals. */
export type ClassComparison = {
  /** F1 of run A. */
  f1A: Interval;
  /** F1 of run B. */
  f1B: Interval;
  /** The class. */
  label: Scalars['String']['output'];
};

/** One class's figures. */
export type ClassMetrics = {
  /** Harmonic mean of precision and recall. */
  f1: Scalars['Float']['output'];
  /** Class name. */
  label: Scalars['String']['output'];
  /** Right among those predicted as it. */
  precision: Scalars['Float']['output'];
  /** Found among those that are it. */
  recall: Scalars['Float']['output'];
  /** Images of it evaluated. */
  support: Scalars['Int']['output'];
};

/** How classes of different sizes weigh in the loss. */
export type ClassWeights =
  /** Each class weighs the same, whatever its size (the default). */
  | 'BALANCED'
  /** Each image weighs the same. */
  | 'NONE';

/** A remark on an experiment or one of its runs. */
export type Comment = {
  /** Who wrote it. */
  author: Maybe<User>;
  /** The text. */
  body: Scalars['String']['output'];
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The run it is about, if any. */
  runId: Maybe<Scalars['ID']['output']>;
};

/** One true class's row of the confusion matrix. */
export type ConfusionRow = {
  /** Images predicted as each class, in `Evaluation.labels` order. */
  counts: Array<Scalars['Int']['output']>;
  /** The true class. */
  label: Scalars['String']['output'];
};

/** Answering only at or above a calibrated confidence: how many are answered, how many rightly. */
export type CoveragePoint = {
  /** Fraction of images answered. */
  coverage: Scalars['Float']['output'];
  /** Fraction of the answered that are right. */
  precision: Scalars['Float']['output'];
  /** Calibrated confidence needed to answer. */
  threshold: Scalars['Float']['output'];
};

/** A new token with its secret, shown this once only (only a hash is stored). */
export type CreatedApiToken = {
  /** The secret to send as Bearer. */
  secret: Scalars['String']['output'];
  /** The token. */
  token: ApiToken;
};

/** A new invitation and its link's secret, shown this once only (only a hash is stored). */
export type CreatedInvitation = {
  /** The invitation. */
  invitation: Invitation;
  /** The dashboard path to send, relative to its address. */
  path: Scalars['String']['output'];
  /** The link's secret: send /invite/<token> to the person. */
  token: Scalars['String']['output'];
};

/** A new webhook with its signing secret, shown this once. */
export type CreatedWebhook = {
  /** The key its bodies are signed with (whsec_...). */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** Labelled images a workspace trains on. */
export type Dataset = {
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text. */
  description: Scalars['String']['output'];
  /** Experiments on this dataset, oldest first (their runs share its splits: compareRuns pairs them). */
  experiments: Array<Experiment>;
  /** Its health report for a base model (the latest of any when none is named); null before a check. */
  health: Maybe<DatasetHealth>;
  /** Its latest health check job (follow it with jobProgress). */
  healthCheck: Maybe<Job>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Unlabelled images in the order that should help most: the checkpoint's doubt weighed by distance to what is labelled, so the top is not many copies of one doubt. With a checkpoint (of this workspace), each has its suggested label; without, give a base model and the order spreads over the images. Only images whose vectors exist for that base model (a run or a health check computes them); at most 20,000 unlabelled images are considered. */
  labelNext: Array<LabelSuggestion>;
  /** Its classes, by name. */
  labels: Array<Label>;
  /** Unique in its workspace. */
  name: Scalars['String']['output'];
  /** How many images each split holds, and how many have no label. */
  splitCounts: SplitCounts;
  /** The workspace it belongs to. */
  workspaceId: Scalars['ID']['output'];
};


/** Labelled images a workspace trains on. */
export type DatasetHealthArgs = {
  baseModelId: InputMaybe<Scalars['ID']['input']>;
};


/** Labelled images a workspace trains on. */
export type DatasetLabelNextArgs = {
  baseModelId: InputMaybe<Scalars['ID']['input']>;
  checkpointId: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A dataset's health for one base model's vectors: near-duplicates and leakage, likely wrong labels, strays, balance and the map. Findings are read against the dataset as it is now. */
export type DatasetHealth = {
  /** Images per class and split. */
  balance: HealthBalance;
  /** Whose vectors it checked. */
  baseModel: BaseModel;
  /** When it was computed. */
  computedAt: Scalars['DateTime']['output'];
  /** Near-duplicate groups, those spanning splits first. */
  duplicates: Array<DuplicateGroup>;
  /** Labelled images it checked. */
  images: Scalars['Int']['output'];
  /** The 2-D map of its images. */
  map: DatasetMap;
  /** Likely mislabeled images, most confident first. */
  mislabeled: Array<MislabeledImage>;
  /** The dataset's images, labels or splits changed since: check again for new findings. */
  stale: Scalars['Boolean']['output'];
  /** Strays, most isolated first. */
  strays: Array<StrayImage>;
  /** Open findings by kind. */
  summary: HealthSummary;
};


/** A dataset's health for one base model's vectors: near-duplicates and leakage, likely wrong labels, strays, balance and the map. Findings are read against the dataset as it is now. */
export type DatasetHealthDuplicatesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** A dataset's health for one base model's vectors: near-duplicates and leakage, likely wrong labels, strays, balance and the map. Findings are read against the dataset as it is now. */
export type DatasetHealthMislabeledArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** A dataset's health for one base model's vectors: near-duplicates and leakage, likely wrong labels, strays, balance and the map. Findings are read against the dataset as it is now. */
export type DatasetHealthStraysArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** The dataset's 2-D map (UMAP of the vectors), one entry per image in parallel lists, x and y in [0, 1]. */
export type DatasetMap = {
  /** Whether an open finding names the image. */
  flagged: Array<Scalars['Boolean']['output']>;
  /** Image ids. */
  imageIds: Array<Scalars['ID']['output']>;
  /** Each image's label now (null: unlabelled). */
  labelIds: Array<Maybe<Scalars['ID']['output']>>;
  /** Horizontal positions. */
  x: Array<Scalars['Float']['output']>;
  /** Vertical positions. */
  y: Array<Scalars['Float']['output']>;
};

/** Where to PUT one file's bytes straight to the S3 store; then pass its key to finishDirectUploads. */
export type DirectUpload = {
  /** When the URL stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Names the upload to finishDirectUploads. */
  key: Scalars['String']['output'];
  /** The file's name, as given. */
  name: Scalars['String']['output'];
  /** PUT exactly the file's `size` bytes here (any other length is refused), before `expiresAt`. */
  url: Scalars['String']['output'];
};

/** A file about to be uploaded straight to the store. */
export type DirectUploadFileInput = {
  /** File name (also keys the stable split). */
  name: Scalars['String']['input'];
  /** Its length in bytes (at most 20 MB). */
  size: Scalars['Int']['input'];
};

/** Images whose vectors are nearly the same: re-encoded, resized or slightly cropped copies. */
export type DuplicateGroup = {
  /** Leakage: its images sit in more than one split, so the evaluation has seen them in training. */
  crossesSplits: Scalars['Boolean']['output'];
  /** Its images, still in the dataset. */
  images: Array<Image>;
  /** What the finding is about (markFindingReviewed takes it). */
  key: Scalars['String']['output'];
  /** Largest cosine distance between linked copies. */
  maxDistance: Scalars['Float']['output'];
};

/** Loss and accuracy after one epoch. */
export type EpochMetric = {
  /** 1-based. */
  epoch: Scalars['Int']['output'];
  /** Accuracy on the training split. */
  trainAccuracy: Scalars['Float']['output'];
  /** Cross-entropy on the training split. */
  trainLoss: Scalars['Float']['output'];
  /** On the validation split. */
  validationAccuracy: Maybe<Scalars['Float']['output']>;
  /** On the validation split. */
  validationLoss: Maybe<Scalars['Float']['output']>;
};

/** A finished run measured on held-out images (see `RunMetrics.evaluatedOn` for which split). */
export type Evaluation = {
  /** Share answered right. */
  accuracy: Scalars['Float']['output'];
  /** Rows: true class; columns: predicted class, in `labels` order. */
  confusionMatrix: Array<ConfusionRow>;
  /** Images evaluated. */
  count: Scalars['Int']['output'];
  /** Class names, in matrix order. */
  labels: Array<Scalars['String']['output']>;
  /** Up to 100 of the mistakes. */
  misclassified: Array<Misclassified>;
  /** Per-class figures. */
  perClass: Array<ClassMetrics>;
  /** The k of topKAccuracy. */
  topK: Scalars['Int']['output'];
  /** Share whose label is among the k most likely. */
  topKAccuracy: Scalars['Float']['output'];
};

/** Which held-out split a figure was measured on. */
export type EvaluationSplit =
  /** The test split, never seen in training. */
  | 'TEST'
  /** The validation split (it drove early stopping). */
  | 'VALIDATION';

/** A training image near the predicted one, with its label. */
export type Evidence = {
  /** Cosine distance between their vectors (0: same). */
  distance: Scalars['Float']['output'];
  /** The training image (null if deleted since). */
  image: Maybe<Image>;
  /** Its label now. */
  label: Maybe<Scalars['String']['output']>;
};

/** A dataset, a base model and hyperparameters; its runs are compared side by side. */
export type Experiment = {
  /** Named checkpoints, such as production. */
  aliases: Array<CheckpointAlias>;
  /** Its base model. */
  baseModel: BaseModel;
  /** Its base model. */
  baseModelId: Scalars['ID']['output'];
  /** Comments on it and its runs, oldest first (`last: n` for the newest). */
  comments: ExperimentCommentsConnection;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Its dataset. */
  dataset: Dataset;
  /** Its dataset's health for its base model (shown before a run starts: leakage flatters scores). */
  datasetHealth: Maybe<DatasetHealth>;
  /** Its dataset. */
  datasetId: Scalars['ID']['output'];
  /** Free text. */
  description: Scalars['String']['output'];
  /** Defaults for its runs. */
  hyperparameters: Hyperparameters;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** Its runs, oldest first: hyperparameters and metrics side by side (`last: n` for the newest). */
  runs: ExperimentRunsConnection;
  /** What an alias of this experiment served, with a drift alert. */
  serving: ServingSummary;
  /** Its runs counted and its best test accuracy, for lists of experiments. */
  summary: ExperimentSummary;
};


/** A dataset, a base model and hyperparameters; its runs are compared side by side. */
export type ExperimentCommentsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A dataset, a base model and hyperparameters; its runs are compared side by side. */
export type ExperimentRunsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A dataset, a base model and hyperparameters; its runs are compared side by side. */
export type ExperimentServingArgs = {
  alias?: InputMaybe<Scalars['String']['input']>;
  days?: InputMaybe<Scalars['Int']['input']>;
};

export type ExperimentCommentsConnection = {
  edges: Array<ExperimentCommentsConnectionEdge>;
  nodes: Array<Comment>;
  pageInfo: PageInfo;
};

export type ExperimentCommentsConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: Comment;
};

export type ExperimentRunsConnection = {
  edges: Array<ExperimentRunsConnectionEdge>;
  nodes: Array<TrainingRun>;
  pageInfo: PageInfo;
};

export type ExperimentRunsConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: TrainingRun;
};

/** An experiment's runs at a glance. */
export type ExperimentSummary = {
  /** Runs queued, extracting or training. */
  activeRunCount: Scalars['Int']['output'];
  /** The best test accuracy of its finished runs. */
  bestTestAccuracy: Maybe<Scalars['Float']['output']>;
  /** Runs started. */
  runCount: Scalars['Int']['output'];
};

/** What an extraction did (so far, while it runs). */
export type ExtractionResult = {
  /** Vectors computed. */
  computed: Scalars['Int']['output'];
  /** Images the base model could not read. */
  failed: Scalars['Int']['output'];
  /** Images per second, end to end. */
  imagesPerSecond: Scalars['Float']['output'];
  /** Time taken. */
  seconds: Scalars['Float']['output'];
};

/** A file PUT to its upload URL, to be stored as an image. */
export type FinishedUploadInput = {
  /** The key startDirectUploads gave it. */
  key: Scalars['String']['input'];
  /** Label name; created when new. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** File name. */
  name: Scalars['String']['input'];
  /** Defaults to a stable split from the file name's hash. */
  split?: InputMaybe<Split>;
};

/** Whether the API and what it depends on are working. */
export type Health = {
  /** The TensorFlow.js backend in use (heads, and base models ONNX Runtime does not run): tensorflow (native), wasm or cpu. Signed-in users only (else null). */
  backend: Maybe<Scalars['String']['output']>;
  /** The PostgreSQL server's version, or why it cannot be reached. Signed-in users only (else null). */
  database: Maybe<Scalars['String']['output']>;
  /** What runs base models (extraction, predictions): onnxruntime (native CPU), or a TensorFlow.js backend. Signed-in users only (else null). */
  inferenceBackend: Maybe<Scalars['String']['output']>;
  /** True when the API can serve requests: the database answers. */
  ok: Scalars['Boolean']['output'];
  /** Retrain Studio's version. */
  version: Scalars['String']['output'];
  /** Worker processes alive (a heartbeat in the last 15 s): when there are none, queued jobs wait. Signed-in users only (else null). */
  workers: Maybe<Array<WorkerStatus>>;
};

/** Images per class and split, as checked. */
export type HealthBalance = {
  /** Splits lacking classes. */
  missing: Array<MissingClasses>;
  /** Per class. */
  perClass: Array<ClassBalance>;
  /** Classes under 20 images (they train poorly). */
  smallClasses: Array<Scalars['String']['output']>;
};

/** What a health check found (the dataset's `health` has the findings). */
export type HealthResult = {
  /** Groups of near-duplicates. */
  duplicateGroups: Scalars['Int']['output'];
  /** Labelled images checked. */
  images: Scalars['Int']['output'];
  /** Of them, groups spanning splits. */
  leakingGroups: Scalars['Int']['output'];
  /** Likely mislabeled images. */
  mislabeled: Scalars['Int']['output'];
  /** While it runs: extract, neighbours, folds (out-of-fold heads) or map. */
  stage: Maybe<Scalars['String']['output']>;
  /** Images far from every class. */
  strays: Scalars['Int']['output'];
};

/** Open findings by kind. */
export type HealthSummary = {
  /** Near-duplicate groups. */
  duplicateGroups: Scalars['Int']['output'];
  /** Near-duplicate groups spanning splits (leakage). */
  leakingGroups: Scalars['Int']['output'];
  /** Likely mislabeled images. */
  mislabeled: Scalars['Int']['output'];
  /** Findings members marked as reviewed. */
  reviewed: Scalars['Int']['output'];
  /** Classes under 20 images. */
  smallClasses: Scalars['Int']['output'];
  /** Strays. */
  strays: Scalars['Int']['output'];
};

/** Every training option, with the defaults filled in. */
export type Hyperparameters = {
  /** Images per gradient step. Default 100. From 1 to 4096, whole. */
  batchSize: Scalars['Int']['output'];
  /** Whether small classes weigh as much as large ones. Default BALANCED. */
  classWeights: ClassWeights;
  /** Dropout before the softmax. Default 0.2. From 0 to 0.9. */
  dropout: Scalars['Float']['output'];
  /** Epochs without a better validation loss before stopping (0: never stop early). Default 10. From 0 to 1000, whole. */
  earlyStoppingPatience: Scalars['Int']['output'];
  /** Passes over the training split. Default 50. From 1 to 1000, whole. */
  epochs: Scalars['Int']['output'];
  /** Units of an optional hidden layer before the softmax (0: none, as retrain.py). Default 0. From 0 to 4096, whole. */
  hiddenUnits: Scalars['Int']['output'];
  /** L2 penalty on the new layer's weights. Default 0.0001. From 0 to 1. */
  l2: Scalars['Float']['output'];
  /** Share of each target spread over the other classes. Default 0.1. From 0 to 0.5. */
  labelSmoothing: Scalars['Float']['output'];
  /** Step size of the optimizer. Default 0.001. From 0.000001 to 10. */
  learningRate: Scalars['Float']['output'];
  /** SGD's momentum (ignored by Adam). Default 0.9. From 0 to 0.999. */
  momentum: Scalars['Float']['output'];
  /** Adam or SGD. Default ADAM. */
  optimizer: Optimizer;
  /** Seed of the initial weights, shuffling and dropout: the same seed and data give the same head. Default 42. From 0 to 2147483647, whole. */
  seed: Scalars['Int']['output'];
};

/** Training options to set; those left out keep their default. Out of bounds: BAD_USER_INPUT naming the field. */
export type HyperparametersInput = {
  /** Images per gradient step. Default 100. From 1 to 4096, whole. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Whether small classes weigh as much as large ones. Default BALANCED. */
  classWeights?: InputMaybe<ClassWeights>;
  /** Dropout before the softmax. Default 0.2. From 0 to 0.9. */
  dropout?: InputMaybe<Scalars['Float']['input']>;
  /** Epochs without a better validation loss before stopping (0: never stop early). Default 10. From 0 to 1000, whole. */
  earlyStoppingPatience?: InputMaybe<Scalars['Int']['input']>;
  /** Passes over the training split. Default 50. From 1 to 1000, whole. */
  epochs?: InputMaybe<Scalars['Int']['input']>;
  /** Units of an optional hidden layer before the softmax (0: none, as retrain.py). Default 0. From 0 to 4096, whole. */
  hiddenUnits?: InputMaybe<Scalars['Int']['input']>;
  /** L2 penalty on the new layer's weights. Default 0.0001. From 0 to 1. */
  l2?: InputMaybe<Scalars['Float']['input']>;
  /** Share of each target spread over the other classes. Default 0.1. From 0 to 0.5. */
  labelSmoothing?: InputMaybe<Scalars['Float']['input']>;
  /** Step size of the optimizer. Default 0.001. From 0.000001 to 10. */
  learningRate?: InputMaybe<Scalars['Float']['input']>;
  /** SGD's momentum (ignored by Adam). Default 0.9. From 0 to 0.999. */
  momentum?: InputMaybe<Scalars['Float']['input']>;
  /** Adam or SGD. Default ADAM. */
  optimizer?: InputMaybe<Optimizer>;
  /** Seed of the initial weights, shuffling and dropout: the same seed and data give the same head. Default 42. From 0 to 2147483647, whole. */
  seed?: InputMaybe<Scalars['Int']['input']>;
};

/** An image of a dataset. Its bytes are stored once per content hash. */
export type Image = {
  /** When it was uploaded. */
  createdAt: Scalars['DateTime']['output'];
  /** jpeg, png, webp, gif, heif, tiff... */
  format: Scalars['String']['output'];
  /** Pixels. */
  height: Scalars['Int']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Its label, or null when unlabelled. */
  labelId: Maybe<Scalars['ID']['output']>;
  /** The uploaded file's name. */
  originalName: Scalars['String']['output'];
  /** Content hash of the bytes. */
  sha256: Scalars['String']['output'];
  /** Training, validation or test. */
  split: Split;
  /** The answer of the checkpoint `images` was asked with (`checkpointId`); null without one, or while the image has no vector for its base model. */
  suggestion: Maybe<ImageSuggestion>;
  /** A thumbnail at most 256 pixels a side (WebP; a small upright JPEG is served as it is), for signed-in members only. */
  thumbnailUrl: Scalars['String']['output'];
  /** Pixels. */
  width: Scalars['Int']['output'];
};

export type ImageConnection = {
  edges: Array<ImageConnectionEdge>;
  nodes: Array<Image>;
  pageInfo: PageInfo;
  /** Images matching the filters. */
  totalCount: Scalars['Int']['output'];
};

export type ImageConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: Image;
};

/** A health finding about one image. */
export type ImageFinding = {
  /** The image (null when deleted since). */
  image: Maybe<Image>;
  /** What the finding is about (markFindingReviewed takes it). */
  key: Scalars['String']['output'];
};

/** The top-k labels for one image, or why it could not be read. */
export type ImagePrediction = {
  /** Whether the probabilities are temperature-scaled (checkpoints trained before calibration are not). */
  calibrated: Scalars['Boolean']['output'];
  /** Why the image could not be read. */
  error: Maybe<Scalars['String']['output']>;
  /** The 3 nearest images of the training split, with their labels (computed only when asked for). */
  evidence: Array<Evidence>;
  /** The image's name or id. */
  name: Scalars['String']['output'];
  /** Most likely first. */
  top: Array<LabelProbability>;
  /** True when the model would rather not answer: low calibrated confidence, or unlike every class it learned. `top` still lists its guesses. */
  unknown: Scalars['Boolean']['output'];
  /** Why it says "don't know". */
  unknownReason: Maybe<UnknownReason>;
};

/** The order of a dataset's images. */
export type ImageSort =
  /** Upload order. */
  | 'ADDED'
  /** The chosen checkpoint's confidence (images without a vector last). */
  | 'CONFIDENCE'
  /** File name. */
  | 'NAME';

/** What a checkpoint answers for an image, from its cached vector (a pre-label). */
export type ImageSuggestion = {
  /** The top label's calibrated probability. */
  confidence: Scalars['Float']['output'];
  /** Its calibrated top label; null when it would say don't know. */
  label: Maybe<Scalars['String']['output']>;
};

/** What an archive import did (so far, while it runs). */
export type ImportResult = {
  /** Images stored. */
  accepted: Scalars['Int']['output'];
  /** Images the dataset had already. */
  duplicates: Scalars['Int']['output'];
  /** Files not imported. */
  rejected: Scalars['Int']['output'];
  /** The first 200 of them, with reasons. */
  rejections: Array<Rejection>;
};

/** A figure with its 95% bootstrap interval. */
export type Interval = {
  /** 97.5th percentile over resamples. */
  high: Scalars['Float']['output'];
  /** 2.5th percentile over resamples. */
  low: Scalars['Float']['output'];
  /** On all the images. */
  value: Scalars['Float']['output'];
};

/** A one-time invitation link to a workspace, taken by whoever opens it signed in, before it expires. */
export type Invitation = {
  /** Whom it was meant for (the link works for whoever holds it). */
  email: Scalars['String']['output'];
  /** After this it is no longer accepted. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The role they will get. */
  role: Role;
};

/** What an invitation link offers, for the page that asks to accept it. */
export type InvitationPreview = {
  /** Whom it was meant for. */
  email: Scalars['String']['output'];
  /** After this it no longer works. */
  expiresAt: Scalars['DateTime']['output'];
  /** The role it gives. */
  role: Role;
  /** The workspace. */
  workspaceName: Scalars['String']['output'];
};

/** Background work: an extraction, an archive import, a training or a health check. */
export type Job = {
  /** What ran the base model: onnxruntime (native), or a TensorFlow.js backend (extraction jobs). */
  backend: Maybe<Scalars['String']['output']>;
  /** When it was queued. */
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed. */
  error: Maybe<Scalars['String']['output']>;
  /** When it ended. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** What it does. */
  kind: JobKind;
  /** Done, total, rate and ETA. */
  progress: JobProgress;
  /** What it did, by kind (so far, while it runs). */
  result: Maybe<JobResult>;
  /** Where it is. */
  status: JobStatus;
};

/** What a background job does. */
export type JobKind =
  /** Computes the bottleneck vectors a dataset lacks for a base model. */
  | 'EXTRACT'
  /** Checks a dataset's health for a base model (extracting what is missing first). */
  | 'HEALTH'
  /** Imports a class-per-folder zip into a dataset. */
  | 'IMPORT_ARCHIVE'
  /** Downloads a base model into the worker's cache and converts it for ONNX Runtime, so its first extraction starts at once. */
  | 'PREPARE_BASE_MODEL'
  /** Trains a run (extracting what is missing first). */
  | 'TRAIN';

/** How far a job is. */
export type JobProgress = {
  /** Items done. */
  done: Scalars['Int']['output'];
  /** Estimated seconds left. */
  etaSeconds: Maybe<Scalars['Float']['output']>;
  /** Current rate. */
  imagesPerSecond: Maybe<Scalars['Float']['output']>;
  /** Items in all. */
  total: Scalars['Int']['output'];
};

/** What a job did, by kind. */
export type JobResult = ExtractionResult | HealthResult | ImportResult | PreparationResult | TrainingResult;

/** Where a background job is. */
export type JobStatus =
  /** Stopped on request. */
  | 'CANCELLED'
  /** Stopped by an error; see `error`. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** A worker holds it. */
  | 'RUNNING'
  /** Done. */
  | 'SUCCEEDED';

/** A class of a dataset. */
export type Label = {
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Images with this label. */
  imageCount: Scalars['Int']['output'];
  /** The class name, unique in its dataset. */
  name: Scalars['String']['output'];
};

/** How many answers gave a label. */
export type LabelCount = {
  /** Answers. */
  count: Scalars['Int']['output'];
  /** The label. */
  label: Scalars['String']['output'];
};

/** A label and its probability. */
export type LabelProbability = {
  /** Class name. */
  label: Scalars['String']['output'];
  /** From 0 to 1. */
  probability: Scalars['Float']['output'];
};

/** A label's share of the training split and of last week's answers. */
export type LabelShare = {
  /** The label. */
  label: Scalars['String']['output'];
  /** Share of last week's answered images. */
  served: Scalars['Float']['output'];
  /** Share of TRAIN images. */
  training: Scalars['Float']['output'];
};

/** An unlabelled image worth labelling, and what a checkpoint thinks it is (a pre-label). */
export type LabelSuggestion = {
  /** Its calibrated probability. */
  confidence: Maybe<Scalars['Float']['output']>;
  /** 1 - the checkpoint's margin between its two best classes (1 without a checkpoint). */
  doubt: Scalars['Float']['output'];
  /** The image (null if deleted meanwhile). */
  image: Maybe<Image>;
  /** The checkpoint's suggested label (calibrated top class); null without one, or when it would say don't know. */
  label: Maybe<Scalars['String']['output']>;
};

/** A person in a workspace, with their role. */
export type Member = {
  /** When they joined. */
  joinedAt: Scalars['DateTime']['output'];
  /** Their role. */
  role: Role;
  /** The person. */
  user: User;
};

/** An evaluated image the run got wrong. */
export type Misclassified = {
  /** The image (null when it has been deleted since). */
  image: Maybe<Image>;
  /** What the run answered. */
  predictedLabel: Scalars['String']['output'];
  /** The top classes, most likely first. */
  top: Array<LabelProbability>;
  /** Its label. */
  trueLabel: Scalars['String']['output'];
};

/** An image whose given label looks wrong to heads that never trained on it (out-of-fold). */
export type MislabeledImage = ImageFinding & {
  /** The label it has. */
  givenLabelId: Scalars['ID']['output'];
  /** Out-of-fold probability of its label. */
  givenProbability: Scalars['Float']['output'];
  /** The image (null when deleted since). */
  image: Maybe<Image>;
  /** What the finding is about (markFindingReviewed takes it). */
  key: Scalars['String']['output'];
  /** The label the heads suggest. */
  suggestedLabelId: Scalars['ID']['output'];
  /** Out-of-fold probability of the suggestion. */
  suggestedProbability: Scalars['Float']['output'];
};

/** A split with images but none of these classes. */
export type MissingClasses = {
  /** The classes it lacks. */
  labels: Array<Scalars['String']['output']>;
  /** The split. */
  split: Split;
};

/** One file of a TensorFlow.js model: model.json or a weight shard. */
export type ModelFileInput = {
  /** Its bytes, base64-encoded. */
  base64: Scalars['String']['input'];
  /** File name as model.json names it. */
  path: Scalars['String']['input'];
};

/** TensorFlow.js model formats. */
export type ModelFormat =
  /** A frozen graph model (tf.loadGraphModel), such as TF Hub's and EfficientNet-B0. */
  | 'GRAPH'
  /** A Keras layers model (tf.loadLayersModel). */
  | 'LAYERS';

/** Everything Retrain Studio can be told to do. */
export type Mutation = {
  /** Join the workspace of an invitation link, signed in (NOT_FOUND once used, expired or revoked). */
  acceptInvitation: Workspace;
  /** Labels every unlabelled image whose suggested label (from this checkpoint) has at least this calibrated confidence, and is not a don't-know, with that label (missing labels are made). MEMBER or above. */
  acceptSuggestedLabels: Array<AcceptedLabels>;
  /** Comment on an experiment, or on a run (MEMBER or above). */
  addComment: Comment;
  /** Ask a running job to stop; vectors computed so far are kept. */
  cancelJob: Job;
  /** Stop a run between extraction batches or epochs (MEMBER or above); what it stored is kept. */
  cancelRun: TrainingRun;
  /** Change your password (the current one is needed); every other session of the account ends. */
  changePassword: Scalars['Boolean']['output'];
  /** Create a personal API token (from a session or a WRITE token). A token made with a token never outlives it: its expiry is at most the parent's, and revoking the parent revokes it. */
  createApiToken: CreatedApiToken;
  /** Create a dataset (MEMBER or above). */
  createDataset: Dataset;
  /** Create an experiment (MEMBER or above). Hyperparameters not given take the defaults. */
  createExperiment: Experiment;
  /** Add a class to a dataset. */
  createLabel: Label;
  /** An owner or admin makes a one-time reset link for a member below them, to hand over (no e-mail needed). Refused (FORBIDDEN) when the member is also in a workspace where the caller does not manage them. */
  createPasswordResetLink: PasswordResetLink;
  /** Send a workspace's events to a URL (owners and admins). The URL's host must be on the public internet unless the operator allows it (WEBHOOK_URL_ALLOW). */
  createWebhook: CreatedWebhook;
  /** Create a workspace; you become its owner. */
  createWorkspace: Workspace;
  /** Delete your account for good, confirmed with your password. What you made for your teams stays (without an author); a workspace you alone own needs another owner first (CONFLICT). */
  deleteAccount: Scalars['Boolean']['output'];
  /** Delete a workspace's own base model that no experiment uses (ADMIN or above); catalog models stay. */
  deleteBaseModel: Scalars['Boolean']['output'];
  /** Delete a dataset with its labels and images (MEMBER); one with experiments also deletes them, their runs and checkpoints, so it needs what deleting experiments needs: ADMIN, and no run under way (CONFLICT). */
  deleteDataset: Scalars['Boolean']['output'];
  /** Delete an experiment with its runs and checkpoints (ADMIN or above); CONFLICT while a run is under way. */
  deleteExperiment: Scalars['Boolean']['output'];
  /** Delete images; returns how many. */
  deleteImages: Scalars['Int']['output'];
  /** Delete a class; its images become unlabelled. */
  deleteLabel: Scalars['Boolean']['output'];
  /** Delete a finished run and its checkpoints (MEMBER or above); CONFLICT while it runs or while an alias serves one of its checkpoints. */
  deleteRun: Scalars['Boolean']['output'];
  /** Delete a webhook and its delivery log. */
  deleteWebhook: Scalars['Boolean']['output'];
  /** Delete a workspace and everything in it (OWNER). Irreversible: confirm with its name. */
  deleteWorkspace: Scalars['Boolean']['output'];
  /** Take a kept image off the review queue without adding it. */
  dismissServedPrediction: Scalars['Boolean']['output'];
  /** Stores files PUT to their upload URLs as images: a result per file, as uploadImages answers (one never uploaded is rejected). */
  finishDirectUploads: Array<UploadResult>;
  /** Import a class-per-folder zip (daisy/1.jpg ...) as a job; poll or subscribe for progress. Large archives: POST the raw zip to /datasets/{id}/archive instead. */
  importArchive: Job;
  /** Make a one-time invitation link for someone (OWNER or ADMIN); copy its path and send it. Expires in 14 days. */
  inviteMember: CreatedInvitation;
  /** Label a kept image from the review queue: it joins the checkpoint's dataset for the next run. */
  labelServedPrediction: ReviewResult;
  /** Leave a workspace (its last owner cannot: CONFLICT). */
  leaveWorkspace: Scalars['Boolean']['output'];
  /** Dismiss a health finding: it stays hidden in this and later reports. */
  markFindingReviewed: Scalars['Boolean']['output'];
  /** Move every image of one class into another and delete the first. */
  mergeLabels: Label;
  /** Classify images with a checkpoint, or an experiment's alias (default production). VIEWER or above. */
  predict: PredictionResult;
  /** Download a base model into the workers' cache and convert it for ONNX Runtime now (MEMBER or above), so the first extraction with it starts at once. A PREPARE_BASE_MODEL job: follow it with `job` or `jobUpdates`. */
  prepareBaseModel: Job;
  /** Point an alias of the experiment (such as production) at this checkpoint, after the parity gate: a sample of its held-out images is served and must answer what its evaluation saw (CONFLICT, with the differences, otherwise). Recorded in the activity feed. */
  promoteCheckpoint: Checkpoint;
  /** Add a workspace's own base model (MEMBER or above), from the URL of a model.json or uploaded files. It is loaded once to check it and learn its input size and vector length. */
  registerBaseModel: BaseModel;
  /** Remove an alias (MEMBER or above): predictions by it answer NOT_FOUND until it is set again. */
  removeAlias: Scalars['Boolean']['output'];
  /** Remove a member (OWNER or ADMIN). */
  removeMember: Scalars['Boolean']['output'];
  /** Rename a class. */
  renameLabel: Label;
  /** Rename a workspace (OWNER). */
  renameWorkspace: Workspace;
  /** Ask for a reset link by e-mail (only where SMTP is set up). The answer is the same whether or not the address has an account. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Set a new password with a reset link's token: once, within 24 hours; every session of the account ends. */
  resetPassword: Scalars['Boolean']['output'];
  /** Revoke one of your tokens, and every token made with it; they stop working at once. */
  revokeApiToken: Scalars['Boolean']['output'];
  /** Withdraw a pending invitation; its link stops working (OWNER or ADMIN). */
  revokeInvitation: Scalars['Boolean']['output'];
  /** Send a webhook.test event to this webhook now; the delivery log shows the receiver's answer. */
  sendTestWebhook: WebhookDelivery;
  /** Allow or stop keeping served images for review (owners). */
  setKeepServedImages: Workspace;
  /** Change a member's role (OWNER or ADMIN; a workspace keeps at least one owner). */
  setMemberRole: Member;
  /** Move a checkpoint along its precision/coverage curve: answers are held to this precision (0.5 to 0.999), and the rest say "don't know". MEMBER or above. */
  setTargetPrecision: Checkpoint;
  /** Sign in with email and password. Attempts are limited per client address and per account (RATE_LIMITED, with retryAfterSeconds). */
  signIn: AuthPayload;
  /** End the current browser session. */
  signOut: Scalars['Boolean']['output'];
  /** End every browser session of your account, this one included; returns how many ended. With apiTokens, every API token is revoked too. */
  signOutEverywhere: Scalars['Int']['output'];
  /** Create an account and sign in, as the sign-up policy allows (signInOptions.signUp; FORBIDDEN with the reason otherwise). With an invitation link's token the account joins that workspace at once. Limited per client address. */
  signUp: AuthPayload;
  /** Upload URLs for up to 100 files (20 MB each), valid 15 minutes, so the bytes go straight to the S3 store and not through the API. Only with BLOB_STORE=s3 (CONFLICT otherwise). */
  startDirectUploads: Array<DirectUpload>;
  /** Compute the bottleneck vectors a dataset lacks for a base model (only the missing ones). */
  startExtraction: Job;
  /** Check a dataset's health for a base model: extracts missing vectors, then finds duplicates, wrong labels and strays, and draws the map. A check already running is returned. */
  startHealthCheck: Job;
  /** Train the experiment's head (extracting missing vectors first) in the background. */
  startRun: TrainingRun;
  /** Rename a dataset or change its description. */
  updateDataset: Dataset;
  /** Rename an experiment or change its description (MEMBER or above). */
  updateExperiment: Experiment;
  /** Relabel (labelId, or null to unlabel) and/or move images of one dataset to a split. */
  updateImages: Array<Image>;
  /** Change the name others see. */
  updateProfile: User;
  /** Change a webhook's URL or events, or disable it (pending deliveries of a disabled one fail). */
  updateWebhook: Webhook;
  /** Upload up to 100 images (20 MB each): a result per file; bad files are rejected, the rest land. */
  uploadImages: Array<UploadResult>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationAcceptInvitationArgs = {
  token: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationAcceptSuggestedLabelsArgs = {
  checkpointId: Scalars['ID']['input'];
  datasetId: Scalars['ID']['input'];
  minConfidence: Scalars['Float']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationAddCommentArgs = {
  body: Scalars['String']['input'];
  experimentId: InputMaybe<Scalars['ID']['input']>;
  runId: InputMaybe<Scalars['ID']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateApiTokenArgs = {
  expiresAt: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  scope?: InputMaybe<TokenScope>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateDatasetArgs = {
  description: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateExperimentArgs = {
  baseModelId: InputMaybe<Scalars['ID']['input']>;
  datasetId: Scalars['ID']['input'];
  description: InputMaybe<Scalars['String']['input']>;
  hyperparameters: InputMaybe<HyperparametersInput>;
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateLabelArgs = {
  datasetId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreatePasswordResetLinkArgs = {
  memberId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateWebhookArgs = {
  events: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationCreateWorkspaceArgs = {
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteAccountArgs = {
  password: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteBaseModelArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteDatasetArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteExperimentArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteImagesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteLabelArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteRunArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDeleteWorkspaceArgs = {
  confirmName: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationDismissServedPredictionArgs = {
  predictionId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationFinishDirectUploadsArgs = {
  datasetId: Scalars['ID']['input'];
  uploads: Array<FinishedUploadInput>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationImportArchiveArgs = {
  base64: Scalars['String']['input'];
  datasetId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationInviteMemberArgs = {
  email: Scalars['String']['input'];
  role: Role;
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationLabelServedPredictionArgs = {
  label: Scalars['String']['input'];
  predictionId: Scalars['ID']['input'];
  split?: InputMaybe<Split>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationLeaveWorkspaceArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationMarkFindingReviewedArgs = {
  datasetId: Scalars['ID']['input'];
  key: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationMergeLabelsArgs = {
  fromId: Scalars['ID']['input'];
  intoId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationPredictArgs = {
  alias: InputMaybe<Scalars['String']['input']>;
  checkpointId: InputMaybe<Scalars['ID']['input']>;
  experimentId: InputMaybe<Scalars['ID']['input']>;
  imageIds: InputMaybe<Array<Scalars['ID']['input']>>;
  images: InputMaybe<Array<PredictImageInput>>;
  keep: InputMaybe<Scalars['Boolean']['input']>;
  topK?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationPrepareBaseModelArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationPromoteCheckpointArgs = {
  alias?: InputMaybe<Scalars['String']['input']>;
  checkpointId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRegisterBaseModelArgs = {
  bottleneck: InputMaybe<Scalars['String']['input']>;
  files: InputMaybe<Array<ModelFileInput>>;
  name: Scalars['String']['input'];
  normalization: InputMaybe<Normalization>;
  url: InputMaybe<Scalars['String']['input']>;
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRemoveAliasArgs = {
  alias: Scalars['String']['input'];
  experimentId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRemoveMemberArgs = {
  userId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRenameLabelArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRenameWorkspaceArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSendTestWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSetKeepServedImagesArgs = {
  keep: Scalars['Boolean']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSetMemberRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
  workspaceId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSetTargetPrecisionArgs = {
  checkpointId: Scalars['ID']['input'];
  targetPrecision: Scalars['Float']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationSignOutEverywhereArgs = {
  apiTokens?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationSignUpArgs = {
  email: Scalars['String']['input'];
  invitationToken: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationStartDirectUploadsArgs = {
  datasetId: Scalars['ID']['input'];
  files: Array<DirectUploadFileInput>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationStartExtractionArgs = {
  baseModelId: Scalars['ID']['input'];
  datasetId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationStartHealthCheckArgs = {
  baseModelId: Scalars['ID']['input'];
  datasetId: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationStartRunArgs = {
  experimentId: Scalars['ID']['input'];
  hyperparameters: InputMaybe<HyperparametersInput>;
  resumeFromCheckpointId: InputMaybe<Scalars['ID']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationUpdateDatasetArgs = {
  description: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name: InputMaybe<Scalars['String']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationUpdateExperimentArgs = {
  description: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name: InputMaybe<Scalars['String']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationUpdateImagesArgs = {
  ids: Array<Scalars['ID']['input']>;
  labelId: InputMaybe<Scalars['ID']['input']>;
  split: InputMaybe<Split>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationUpdateProfileArgs = {
  name: Scalars['String']['input'];
};


/** Everything Retrain Studio can be told to do. */
export type MutationUpdateWebhookArgs = {
  enabled: InputMaybe<Scalars['Boolean']['input']>;
  events: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['ID']['input'];
  url: InputMaybe<Scalars['String']['input']>;
};


/** Everything Retrain Studio can be told to do. */
export type MutationUploadImagesArgs = {
  datasetId: Scalars['ID']['input'];
  files: Array<UploadFileInput>;
};

/** The pixel range a base model expects. */
export type Normalization =
  /** Keras's caffe mode: channels as BGR, ImageNet's means subtracted, no scaling (ResNet-50). */
  | 'CAFFE_BGR'
  /** [-1, 1]: Keras applications (MobileNet, Inception-v3). */
  | 'MINUS_ONE_TO_ONE'
  /** [0, 1]: TF Hub image feature vectors, EfficientNet-B0. */
  | 'ZERO_TO_ONE';

/** How the new layer's weights are updated. */
export type Optimizer =
  /** Adam (the default). */
  | 'ADAM'
  /** Stochastic gradient descent with momentum (retrain.py's choice). */
  | 'SGD';

export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Two runs on the same held-out images: McNemar's exact test and paired bootstrap intervals. */
export type PairedComparison = {
  /** Accuracy of run A. */
  accuracyA: Interval;
  /** Accuracy of run B. */
  accuracyB: Interval;
  /** B's accuracy minus A's. */
  difference: Interval;
  /** Images both were evaluated on. */
  images: Scalars['Int']['output'];
  /** Images only A got right. */
  onlyA: Scalars['Int']['output'];
  /** Images only B got right. */
  onlyB: Scalars['Int']['output'];
  /** McNemar's exact two-sided p-value. */
  pValue: Scalars['Float']['output'];
  /** Per-class F1. */
  perClass: Array<ClassComparison>;
  /** p < 0.05. */
  significant: Scalars['Boolean']['output'];
  /** The result in words. */
  verdict: Scalars['String']['output'];
};

/** A one-time password reset link: shown this once (only a hash is stored), valid 24 hours. */
export type PasswordResetLink = {
  /** When it stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** The dashboard's page for it (/reset/<token>). */
  path: Scalars['String']['output'];
  /** The secret. */
  token: Scalars['String']['output'];
};

/** What the signed-in user may do in a workspace. */
export type Permissions = {
  /** Delete what others may rely on: datasets with experiments, experiments, custom base models. */
  destroy: Scalars['Boolean']['output'];
  /** Invite people and change or remove members below their own role. */
  manageMembers: Scalars['Boolean']['output'];
  /** Add, change, test and delete the webhooks that send the workspace's events out. */
  manageWebhooks: Scalars['Boolean']['output'];
  /** Rename and delete the workspace, and decide whether served images are kept. */
  manageWorkspace: Scalars['Boolean']['output'];
  /** Ask for predictions. */
  predict: Scalars['Boolean']['output'];
  /** See the workspace's datasets, experiments, runs and models. */
  read: Scalars['Boolean']['output'];
  /** Start and cancel training runs and extractions. */
  train: Scalars['Boolean']['output'];
  /** Create and edit datasets, images, labels and experiments. */
  write: Scalars['Boolean']['output'];
};

/** An image to classify, base64-encoded. */
export type PredictImageInput = {
  /** The file's bytes, base64. */
  base64: Scalars['String']['input'];
  /** A name to recognise it by. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Predictions with the checkpoint that made them. */
export type PredictionResult = {
  /** Which checkpoint answered. */
  checkpointId: Scalars['ID']['output'];
  /** Whether the uploaded images were kept for review. */
  kept: Scalars['Boolean']['output'];
  /** All its labels. */
  labels: Array<Scalars['String']['output']>;
  /** Server time for this request. */
  latencyMs: Scalars['Float']['output'];
  /** One per image, in order. */
  results: Array<ImagePrediction>;
};

/** What preparing a base model did. */
export type PreparationResult = {
  /** The size of its files. */
  megabytes: Scalars['Float']['output'];
  /** What runs it on the worker: onnxruntime, or TensorFlow.js and why. */
  runsOn: Scalars['String']['output'];
  /** Time taken. */
  seconds: Scalars['Float']['output'];
};

/** Everything Retrain Studio can be asked. */
export type Query = {
  /** The signed-in user's API tokens. */
  apiTokens: Array<ApiToken>;
  /** Base models you can use. */
  baseModels: Array<BaseModel>;
  /** Compare two runs on one dataset (of one experiment, or of two: say MobileNetV2-0.35 against EfficientNet-B0) on the held-out images both were evaluated on: is the difference real or chance? */
  compareRuns: RunComparison;
  /** One dataset of a workspace you belong to (NOT_FOUND otherwise). */
  dataset: Dataset;
  /** One experiment (NOT_FOUND outside your workspaces). */
  experiment: Experiment;
  /** A liveness and readiness check; needs no sign-in (details need one). */
  health: Health;
  /** What a run is trained with when nothing is set (forms start from it). */
  hyperparameterDefaults: Hyperparameters;
  /** A dataset's images, filtered, searched and sorted, a page at a time (by cursor, or from an offset for a grid that jumps). */
  images: ImageConnection;
  /** What an invitation link offers (NOT_FOUND once used, expired or revoked). Needs no sign-in. */
  invitation: InvitationPreview;
  /** A job of one of your workspaces; poll it for progress. */
  job: Job;
  /** The signed-in user, or null when not signed in. */
  me: Maybe<User>;
  /** One training run; poll it for status and epochs. */
  run: TrainingRun;
  /** How people get in here, for the sign-in and sign-up pages (no sign-in needed). */
  signInOptions: SignInOptions;
  /** How images may be uploaded to this server (the same for every dataset). Signed-in users only (UNAUTHENTICATED). */
  uploadOptions: UploadOptions;
  /** The events a webhook can ask for. */
  webhookEvents: Array<WebhookEventInfo>;
  /** One workspace you belong to (NOT_FOUND otherwise). */
  workspace: Workspace;
  /** The signed-in user's workspaces. */
  workspaces: Array<Workspace>;
};


/** Everything Retrain Studio can be asked. */
export type QueryCompareRunsArgs = {
  runA: Scalars['ID']['input'];
  runB: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryImagesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  checkpointId: InputMaybe<Scalars['ID']['input']>;
  datasetId: Scalars['ID']['input'];
  descending?: InputMaybe<Scalars['Boolean']['input']>;
  failed: InputMaybe<Scalars['Boolean']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  labelId: InputMaybe<Scalars['ID']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  search: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ImageSort>;
  split: InputMaybe<Split>;
  unlabelled: InputMaybe<Scalars['Boolean']['input']>;
};


/** Everything Retrain Studio can be asked. */
export type QueryInvitationArgs = {
  token: Scalars['String']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


/** Everything Retrain Studio can be asked. */
export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
};

/** A file that was not imported, and why. */
export type Rejection = {
  /** Its path in the archive. */
  name: Scalars['String']['output'];
  /** Why. */
  reason: Scalars['String']['output'];
};

/** Images whose top probability falls in one tenth of [0, 1]: how sure, and how often right. */
export type ReliabilityBin = {
  /** Fraction right. */
  accuracy: Scalars['Float']['output'];
  /** Mean top probability. */
  confidence: Scalars['Float']['output'];
  /** Images in the bin. */
  count: Scalars['Int']['output'];
};

/** Where a reviewed image went. */
export type ReviewResult = {
  /** The dataset image it became. */
  imageId: Maybe<Scalars['ID']['output']>;
  /** ACCEPTED, or DUPLICATE when the dataset had it. */
  status: Scalars['String']['output'];
};

/** What a member may do: VIEWER reads and predicts, MEMBER creates and trains, ADMIN and OWNER manage members. */
export type Role =
  /** Manages members and invitations below owner. */
  | 'ADMIN'
  /** Creates datasets, uploads images, runs training. */
  | 'MEMBER'
  /** Everything, including managing other owners. */
  | 'OWNER'
  /** Reads and predicts. */
  | 'VIEWER';

/** A comparison of two runs, or why they cannot be compared honestly. */
export type RunComparison = {
  /** The paired comparison. */
  comparison: Maybe<PairedComparison>;
  /** Why there is no comparison. */
  reason: Maybe<Scalars['String']['output']>;
};

/** A finished run's figures, each from the split its name says (null when that split is empty). */
export type RunMetrics = {
  /** The epoch whose weights the checkpoint keeps. */
  bestEpoch: Maybe<Scalars['Int']['output']>;
  /** Epochs trained. */
  epochs: Maybe<Scalars['Int']['output']>;
  /** The split the run's `evaluation` was computed on (test when it has images). */
  evaluatedOn: Maybe<EvaluationSplit>;
  /** Whether early stopping ended it. */
  stoppedEarly: Maybe<Scalars['Boolean']['output']>;
  /** On the test split. */
  testAccuracy: Maybe<Scalars['Float']['output']>;
  /** Top-k accuracy on the test split. */
  testTopKAccuracy: Maybe<Scalars['Float']['output']>;
  /** On the training split, at the kept epoch. */
  trainAccuracy: Maybe<Scalars['Float']['output']>;
  /** Time spent training the head. */
  trainingSeconds: Maybe<Scalars['Float']['output']>;
  /** On the validation split (which early stopping watched). */
  validationAccuracy: Maybe<Scalars['Float']['output']>;
};

/** Where a training run is. */
export type RunStatus =
  /** Stopped on request; what it stored is kept. */
  | 'CANCELLED'
  /** Computing the bottleneck vectors the dataset lacks. */
  | 'EXTRACTING'
  /** Stopped by an error; see `error`. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Trained, evaluated and checkpointed. */
  | 'SUCCEEDED'
  /** Training the new layer, epoch by epoch. */
  | 'TRAINING';

/** One image classified through the API, as logged. */
export type ServedPrediction = {
  /** The alias it was asked through. */
  alias: Maybe<Scalars['String']['output']>;
  /** The checkpoint that answered. */
  checkpoint: Checkpoint;
  /** The top label's probability. */
  confidence: Maybe<Scalars['Float']['output']>;
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Content hash of the image. */
  imageSha256: Maybe<Scalars['String']['output']>;
  /** Whether its image was kept for review. */
  kept: Scalars['Boolean']['output'];
  /** Its top label. */
  label: Maybe<Scalars['String']['output']>;
  /** Server time of its request. */
  latencyMs: Scalars['Float']['output'];
  /** Lead of the top label over the runner-up. */
  margin: Maybe<Scalars['Float']['output']>;
  /** Whether a member labelled or dismissed it. */
  reviewed: Scalars['Boolean']['output'];
  /** The kept image's thumbnail as a data URL (null when not kept). */
  thumbnailDataUrl: Maybe<Scalars['String']['output']>;
  /** The labels it answered, most likely first. */
  top: Array<LabelProbability>;
  /** Whether it answered "don't know". */
  unknown: Scalars['Boolean']['output'];
};

/** One day of an alias's answers. */
export type ServingDay = {
  /** Images answered. */
  count: Scalars['Int']['output'];
  /** The day (UTC), YYYY-MM-DD. */
  date: Scalars['String']['output'];
  /** Answers per label. */
  labels: Array<LabelCount>;
  /** Mean top probability. */
  meanConfidence: Scalars['Float']['output'];
  /** Of them, answered "don't know". */
  unknown: Scalars['Int']['output'];
};

/** What an alias served, per day, and whether its answers drift from the training distribution (population stability index over the last 7 days). */
export type ServingSummary = {
  /** The alias. */
  alias: Scalars['String']['output'];
  /** Days with answers, oldest first. */
  days: Array<ServingDay>;
  /** Whether the answers drifted from training. */
  drift: Scalars['Boolean']['output'];
  /** Population stability index (null under 30 answers last week). */
  psi: Maybe<Scalars['Float']['output']>;
  /** Answered images in the last 7 days. */
  recentPredictions: Scalars['Int']['output'];
  /** Training and served shares. */
  shares: Array<LabelShare>;
  /** PSI above this is drift. */
  threshold: Scalars['Float']['output'];
};

/** How people get in here: sign-up policy, single sign-on, password resets by e-mail. */
export type SignInOptions = {
  /** Whether people may ask for a reset link by e-mail (requestPasswordReset). */
  passwordResetByEmail: Scalars['Boolean']['output'];
  /** The sign-up policy. */
  signUp: SignUpPolicy;
  /** Single sign-on, when set up. */
  singleSignOn: Maybe<SingleSignOn>;
};

/** Who may create an account on this installation (the SIGN_UP setting). */
export type SignUpMode =
  /** Nobody new. */
  | 'CLOSED'
  /** Holders of an invitation link. */
  | 'INVITE_ONLY'
  /** Anyone. */
  | 'OPEN';

/** What the sign-up page may offer. */
export type SignUpPolicy = {
  /** No account exists yet: the next sign-up is allowed whatever the mode, and administers the install. */
  firstAccount: Scalars['Boolean']['output'];
  /** Why a sign-up without an invitation is refused, in words to show instead of the form; null when it is not. */
  message: Maybe<Scalars['String']['output']>;
  /** The policy. */
  mode: SignUpMode;
};

/** Single sign-on with an OpenID Connect provider. */
export type SingleSignOn = {
  /** The button says "Sign in with <name>". */
  name: Scalars['String']['output'];
  /** Where the browser goes to start (add ?next=<path of this site> to come back there). */
  startPath: Scalars['String']['output'];
};

/** Which part of the work an image serves: training, validation during training, or the final test. */
export type Split =
  /** Held out for the final evaluation. */
  | 'TEST'
  /** Trains the new layer. */
  | 'TRAIN'
  /** Measured every epoch; drives early stopping. */
  | 'VALIDATION';

/** Image counts of a dataset by split. */
export type SplitCounts = {
  /** Images held out for the final evaluation. */
  test: Scalars['Int']['output'];
  /** Images trained on. */
  train: Scalars['Int']['output'];
  /** Images without a label (not trained on). */
  unlabelled: Scalars['Int']['output'];
  /** Images for per-epoch validation. */
  validation: Scalars['Int']['output'];
};

/** An image far from every other (likely of no class). */
export type StrayImage = ImageFinding & {
  /** The image (null when deleted since). */
  image: Maybe<Image>;
  /** What the finding is about (markFindingReviewed takes it). */
  key: Scalars['String']['output'];
  /** Mean cosine distance to its nearest neighbours. */
  score: Scalars['Float']['output'];
};

/** Live progress, over graphql-ws at /graphql. */
export type Subscription = {
  /** The dataset each time its images or labels change (uploads, imports, relabels, deletions by anyone). */
  datasetUpdates: Dataset;
  /** The job each time its progress or status changes, until it ends. */
  jobProgress: Job;
  /** The run each time its status, extraction progress or epochs change, until it ends. */
  runProgress: TrainingRun;
};


/** Live progress, over graphql-ws at /graphql. */
export type SubscriptionDatasetUpdatesArgs = {
  id: Scalars['ID']['input'];
};


/** Live progress, over graphql-ws at /graphql. */
export type SubscriptionJobProgressArgs = {
  id: Scalars['ID']['input'];
};


/** Live progress, over graphql-ws at /graphql. */
export type SubscriptionRunProgressArgs = {
  id: Scalars['ID']['input'];
};

/** What an API token may do, on top of what its owner's roles allow. */
export type TokenScope =
  /** The predict mutation only: for a service that classifies images and nothing else. */
  | 'PREDICT'
  /** Queries and subscriptions only. */
  | 'READ'
  /** Everything its owner may do. */
  | 'WRITE';

/** What a training job saved (the run holds its metrics and evaluation). */
export type TrainingResult = {
  /** The epoch its checkpoint keeps. */
  checkpointStep: Scalars['Int']['output'];
};

/** One training of an experiment's head. */
export type TrainingRun = {
  /** Saved checkpoints. */
  checkpoints: Array<Checkpoint>;
  /** Per-epoch metrics. */
  epochs: Array<EpochMetric>;
  /** Why it failed. */
  error: Maybe<Scalars['String']['output']>;
  /** Confusion matrix, per-class precision/recall/F1 and mistakes, once finished. */
  evaluation: Maybe<Evaluation>;
  /** Its experiment. */
  experimentId: Scalars['ID']['output'];
  /** Its extraction of missing vectors, with progress. */
  extraction: Maybe<Job>;
  /** When it ended. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** What it was trained with. */
  hyperparameters: Hyperparameters;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Final accuracies and timings, once finished. */
  metrics: Maybe<RunMetrics>;
  /** When it was started. */
  queuedAt: Scalars['DateTime']['output'];
  /** The checkpoint it continued. */
  resumedFromId: Maybe<Scalars['ID']['output']>;
  /** Where it is. */
  status: RunStatus;
};

/** Why a prediction says "don't know". */
export type UnknownReason =
  /** Its vector is far from every class's training vectors (likely none of them). */
  | 'FAR_FROM_TRAINING'
  /** Its calibrated top probability is under the checkpoint's abstention threshold. */
  | 'LOW_CONFIDENCE';

/** One file to upload, its bytes base64-encoded. */
export type UploadFileInput = {
  /** The file's bytes, base64. */
  base64: Scalars['String']['input'];
  /** Label name; created when new. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** File name (also keys the stable split). */
  name: Scalars['String']['input'];
  /** Defaults to a stable split from the file name's hash. */
  split?: InputMaybe<Split>;
};

/** How images may reach this server, besides uploadImages and POST /v1/datasets/{id}/images. */
export type UploadOptions = {
  /** startDirectUploads works: the server stores blobs in an S3 bucket (BLOB_STORE=s3). */
  direct: Scalars['Boolean']['output'];
  /** The bucket also takes those PUTs from the dashboard's pages (its CORS rule names their origins: S3_BROWSER_UPLOADS). */
  fromBrowsers: Scalars['Boolean']['output'];
};

/** The outcome for one file of an upload. */
export type UploadResult = {
  /** The stored (or existing) image. */
  imageId: Maybe<Scalars['ID']['output']>;
  /** The file's name. */
  name: Scalars['String']['output'];
  /** Why it was rejected or is a duplicate. */
  reason: Maybe<Scalars['String']['output']>;
  /** Accepted, duplicate or rejected. */
  status: UploadStatus;
};

/** What happened to one uploaded file. */
export type UploadStatus =
  /** Stored as a new image. */
  | 'ACCEPTED'
  /** The dataset has these exact bytes already; nothing stored. */
  | 'DUPLICATE'
  /** Not stored; see the reason. */
  | 'REJECTED';

/** A person with an account. */
export type User = {
  /** When the account was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Sign-in email, lower-case. */
  email: Scalars['String']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The installation's administrator (its first account). */
  isAdmin: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** Where a workspace's events are POSTed, as JSON signed with HMAC-SHA256 (header Retrain-Signature: t=<unix time>,v1=<hex of HMAC(secret, `t.body`)>). Failed deliveries are retried with exponential backoff for 24 hours. */
export type Webhook = {
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Its latest 20 deliveries, newest first. */
  deliveries: Array<WebhookDelivery>;
  /** Disabled webhooks receive nothing. */
  enabled: Scalars['Boolean']['output'];
  /** The events it receives. */
  events: Array<Scalars['String']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Where events are POSTed. */
  url: Scalars['String']['output'];
};

/** One event sent to one webhook: its tries and their outcome. */
export type WebhookDelivery = {
  /** Tries so far. */
  attempts: Scalars['Int']['output'];
  /** The JSON body as sent (and signed). */
  body: Scalars['String']['output'];
  /** When the event happened. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the last try failed. */
  error: Maybe<Scalars['String']['output']>;
  /** The event, such as run.succeeded or webhook.test. */
  event: Scalars['String']['output'];
  /** Sent as the Retrain-Delivery header. */
  id: Scalars['ID']['output'];
  /** The last try. */
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The next try, while pending. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The receiver's HTTP status at the last try (none when it did not answer). */
  responseStatus: Maybe<Scalars['Int']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** Given up (24 hours of failed tries), or its webhook was disabled. */
  | 'FAILED'
  /** Not delivered yet: waiting for its first or next try. */
  | 'PENDING'
  /** The receiver answered 2xx. */
  | 'SUCCEEDED';

/** An event a webhook can ask for. */
export type WebhookEventInfo = {
  /** When it is sent. */
  description: Scalars['String']['output'];
  /** Such as run.succeeded. */
  name: Scalars['String']['output'];
};

/** A worker process running background jobs (extraction, training, imports), on any machine. */
export type WorkerStatus = {
  hostname: Scalars['String']['output'];
  /** What runs base models on it. */
  inferenceBackend: Scalars['String']['output'];
  pid: Scalars['Int']['output'];
  /** Its last heartbeat (every 5 s). */
  seenAt: Scalars['DateTime']['output'];
  startedAt: Scalars['DateTime']['output'];
};

/** A team: its members, datasets, experiments and models. */
export type Workspace = {
  /** What happened, newest first. */
  activity: WorkspaceActivityConnection;
  /** The workspace's datasets. */
  datasets: Array<Dataset>;
  /** Its experiments, newest first. */
  experiments: WorkspaceExperimentsConnection;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Pending invitations. */
  invitations: Array<Invitation>;
  /** Whether predict(keep: true) may store served images for the review queue. */
  keepServedImages: Scalars['Boolean']['output'];
  /** Everyone in the workspace. */
  members: Array<Member>;
  /** What the signed-in user may do here (what their role allows). */
  myPermissions: Permissions;
  /** The runs you started here in the last 24 hours, newest first (the dashboard tells you when one ends). */
  myRecentRuns: Array<TrainingRun>;
  /** The signed-in user's role here. */
  myRole: Role;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Predictions served in this workspace, newest first. */
  predictions: WorkspacePredictionsConnection;
  /** Kept images answered "don't know" or with a lead under 20% over the runner-up, not yet reviewed. */
  reviewQueue: WorkspaceReviewQueueConnection;
  /** Unique short name. */
  slug: Scalars['String']['output'];
  /** Where this workspace's events are sent (owners and admins only). */
  webhooks: Array<Webhook>;
};


/** A team: its members, datasets, experiments and models. */
export type WorkspaceActivityArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A team: its members, datasets, experiments and models. */
export type WorkspaceExperimentsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A team: its members, datasets, experiments and models. */
export type WorkspacePredictionsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};


/** A team: its members, datasets, experiments and models. */
export type WorkspaceReviewQueueArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  before: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  last: InputMaybe<Scalars['Int']['input']>;
};

export type WorkspaceActivityConnection = {
  edges: Array<WorkspaceActivityConnectionEdge>;
  nodes: Array<Activity>;
  pageInfo: PageInfo;
};

export type WorkspaceActivityConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: Activity;
};

export type WorkspaceExperimentsConnection = {
  edges: Array<WorkspaceExperimentsConnectionEdge>;
  nodes: Array<Experiment>;
  pageInfo: PageInfo;
};

export type WorkspaceExperimentsConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: Experiment;
};

export type WorkspacePredictionsConnection = {
  edges: Array<WorkspacePredictionsConnectionEdge>;
  nodes: Array<ServedPrediction>;
  pageInfo: PageInfo;
};

export type WorkspacePredictionsConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: ServedPrediction;
};

export type WorkspaceReviewQueueConnection = {
  edges: Array<WorkspaceReviewQueueConnectionEdge>;
  nodes: Array<ServedPrediction>;
  pageInfo: PageInfo;
};

export type WorkspaceReviewQueueConnectionEdge = {
  cursor: Scalars['String']['output'];
  node: ServedPrediction;
};

export type AccountMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountMeQuery = { me: { name: string, email: string } | null };

export type ChangePasswordMutationVariables = Exact<{
  c: Scalars['String']['input'];
  n: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type SignOutEverywhereMutationVariables = Exact<{
  t: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type SignOutEverywhereMutation = { signOutEverywhere: number };

export type UpdateProfileMutationVariables = Exact<{
  n: Scalars['String']['input'];
}>;


export type UpdateProfileMutation = { updateProfile: { name: string } };

export type DeleteAccountMutationVariables = Exact<{
  p: Scalars['String']['input'];
}>;


export type DeleteAccountMutation = { deleteAccount: boolean };

export type HealthQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthQuery = { health: { ok: boolean, database: string | null, version: string, backend: string | null } };

export type InvitationQueryVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type InvitationQuery = { me: { email: string } | null, invitation: { workspaceName: string, role: Role, email: string, expiresAt: string } };

export type AcceptInvitationMutationVariables = Exact<{
  t: Scalars['String']['input'];
}>;


export type AcceptInvitationMutation = { acceptInvitation: { id: string } };

export type ResetPasswordMutationVariables = Exact<{
  t: Scalars['String']['input'];
  p: Scalars['String']['input'];
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  e: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ActivityQueryVariables = Exact<{
  w: Scalars['ID']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type ActivityQuery = { workspace: { activity: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, verb: string, subjectType: string, createdAt: string, detail: string | null, actor: { name: string } | null }> } } };

export type DatasetQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DatasetQuery = { dataset: { id: string, name: string, labels: Array<{ id: string, name: string, imageCount: number }>, splitCounts: { train: number, validation: number, test: number, unlabelled: number } } };

export type DatasetUpdatesSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DatasetUpdatesSubscription = { datasetUpdates: { id: string } };

export type DatasetsQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type DatasetsQuery = { workspace: { datasets: Array<{ id: string, name: string, description: string, labels: Array<{ name: string, imageCount: number }>, splitCounts: { train: number, validation: number, test: number, unlabelled: number } }> } };

export type CreateDatasetMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type CreateDatasetMutation = { createDataset: { id: string } };

export type ExperimentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ExperimentQuery = { experiment: { id: string, name: string, dataset: { id: string, name: string }, baseModel: { name: string }, aliases: Array<{ name: string, checkpoint: { id: string, runId: string } }>, summary: { runCount: number }, datasetHealth: { stale: boolean, summary: { leakingGroups: number }, duplicates: Array<{ crossesSplits: boolean, images: Array<{ id: string }> }> } | null } };

export type ExperimentRunsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  before: InputMaybe<Scalars['String']['input']>;
}>;


export type ExperimentRunsQuery = { experiment: { runs: { pageInfo: { hasPreviousPage: boolean, startCursor: string | null }, nodes: Array<{ id: string, status: RunStatus, queuedAt: string, hyperparameters: { epochs: number, batchSize: number, learningRate: number, hiddenUnits: number, dropout: number, l2: number, labelSmoothing: number }, metrics: { validationAccuracy: number | null, testAccuracy: number | null } | null, epochs: Array<{ epoch: number, trainLoss: number, trainAccuracy: number, validationLoss: number | null, validationAccuracy: number | null }> }> } } };

export type StartRunMutationVariables = Exact<{
  e: Scalars['ID']['input'];
}>;


export type StartRunMutation = { startRun: { id: string } };

export type ExperimentChoicesQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type ExperimentChoicesQuery = { workspace: { datasets: Array<{ id: string, name: string }> }, baseModels: Array<{ id: string, key: string, name: string, cached: boolean, featureDim: number, custom: boolean, role: BaseModelRole | null, benchmark: { imagesPerSecond: number, flowersValidationAccuracy: number } | null }> };

export type ExperimentsQueryVariables = Exact<{
  w: Scalars['ID']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type ExperimentsQuery = { workspace: { experiments: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, dataset: { name: string }, baseModel: { name: string }, summary: { runCount: number, bestTestAccuracy: number | null } }> } } };

export type CreateExperimentMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  m: Scalars['ID']['input'];
  n: Scalars['String']['input'];
  h: InputMaybe<HyperparametersInput>;
}>;


export type CreateExperimentMutation = { createExperiment: { id: string } };

export type ShellQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellQuery = { me: { name: string, email: string } | null, workspaces: Array<{ id: string, name: string, myRole: Role, myPermissions: { write: boolean, train: boolean, manageMembers: boolean, manageWebhooks: boolean, destroy: boolean, manageWorkspace: boolean } }> };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type PredictTargetsQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type PredictTargetsQuery = { workspace: { keepServedImages: boolean, experiments: { nodes: Array<{ id: string, name: string, aliases: Array<{ name: string }>, runs: { nodes: Array<{ id: string, checkpoints: Array<{ id: string, step: number }> }> } }> } } };

export type PredictMutationVariables = Exact<{
  c: InputMaybe<Scalars['ID']['input']>;
  e: InputMaybe<Scalars['ID']['input']>;
  alias: InputMaybe<Scalars['String']['input']>;
  img: PredictImageInput;
  keep: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type PredictMutation = { predict: { checkpointId: string, latencyMs: number, kept: boolean, results: Array<{ name: string, error: string | null, unknown: boolean, unknownReason: UnknownReason | null, calibrated: boolean, top: Array<{ label: string, probability: number }>, evidence: Array<{ label: string | null, distance: number, image: { id: string, thumbnailUrl: string, originalName: string } | null }> }> } };

export type ReviewQueueQueryVariables = Exact<{
  w: Scalars['ID']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type ReviewQueueQuery = { workspace: { reviewQueue: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, createdAt: string, alias: string | null, unknown: boolean, label: string | null, confidence: number | null, margin: number | null, thumbnailDataUrl: string | null, checkpoint: { labels: Array<string> } }> } } };

export type LabelServedMutationVariables = Exact<{
  p: Scalars['ID']['input'];
  l: Scalars['String']['input'];
  s: InputMaybe<Split>;
}>;


export type LabelServedMutation = { labelServedPrediction: { imageId: string | null, status: string } };

export type DismissServedMutationVariables = Exact<{
  p: Scalars['ID']['input'];
}>;


export type DismissServedMutation = { dismissServedPrediction: boolean };

export type RunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunQuery = { run: { id: string, experimentId: string, status: RunStatus, error: string | null, resumedFromId: string | null, hyperparameters: { epochs: number }, extraction: { status: JobStatus, backend: string | null, progress: { done: number, total: number, imagesPerSecond: number | null, etaSeconds: number | null } } | null, epochs: Array<{ epoch: number, trainLoss: number, trainAccuracy: number, validationLoss: number | null, validationAccuracy: number | null }>, metrics: { evaluatedOn: EvaluationSplit | null, stoppedEarly: boolean | null } | null, evaluation: { count: number, accuracy: number, labels: Array<string>, confusionMatrix: Array<{ label: string, counts: Array<number> }>, perClass: Array<{ label: string, precision: number, recall: number, f1: number, support: number }>, misclassified: Array<{ trueLabel: string, predictedLabel: string, image: { id: string, thumbnailUrl: string } | null, top: Array<{ label: string, probability: number }> }> } | null, checkpoints: Array<{ id: string, step: number, labels: Array<string>, exportUrl: string, onnxExportUrl: string | null, onnxExportUnavailable: string | null, metrics: { validationAccuracy: number | null, testAccuracy: number | null } | null }> } };

export type RunDetailsFragment = { id: string, experimentId: string, status: RunStatus, error: string | null, resumedFromId: string | null, hyperparameters: { epochs: number }, extraction: { status: JobStatus, backend: string | null, progress: { done: number, total: number, imagesPerSecond: number | null, etaSeconds: number | null } } | null, epochs: Array<{ epoch: number, trainLoss: number, trainAccuracy: number, validationLoss: number | null, validationAccuracy: number | null }>, metrics: { evaluatedOn: EvaluationSplit | null, stoppedEarly: boolean | null } | null, evaluation: { count: number, accuracy: number, labels: Array<string>, confusionMatrix: Array<{ label: string, counts: Array<number> }>, perClass: Array<{ label: string, precision: number, recall: number, f1: number, support: number }>, misclassified: Array<{ trueLabel: string, predictedLabel: string, image: { id: string, thumbnailUrl: string } | null, top: Array<{ label: string, probability: number }> }> } | null, checkpoints: Array<{ id: string, step: number, labels: Array<string>, exportUrl: string, onnxExportUrl: string | null, onnxExportUnavailable: string | null, metrics: { validationAccuracy: number | null, testAccuracy: number | null } | null }> };

export type RunProgressSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunProgressSubscription = { runProgress: { id: string, experimentId: string, status: RunStatus, error: string | null, resumedFromId: string | null, hyperparameters: { epochs: number }, extraction: { status: JobStatus, backend: string | null, progress: { done: number, total: number, imagesPerSecond: number | null, etaSeconds: number | null } } | null, epochs: Array<{ epoch: number, trainLoss: number, trainAccuracy: number, validationLoss: number | null, validationAccuracy: number | null }>, metrics: { evaluatedOn: EvaluationSplit | null, stoppedEarly: boolean | null } | null, evaluation: { count: number, accuracy: number, labels: Array<string>, confusionMatrix: Array<{ label: string, counts: Array<number> }>, perClass: Array<{ label: string, precision: number, recall: number, f1: number, support: number }>, misclassified: Array<{ trueLabel: string, predictedLabel: string, image: { id: string, thumbnailUrl: string } | null, top: Array<{ label: string, probability: number }> }> } | null, checkpoints: Array<{ id: string, step: number, labels: Array<string>, exportUrl: string, onnxExportUrl: string | null, onnxExportUnavailable: string | null, metrics: { validationAccuracy: number | null, testAccuracy: number | null } | null }> } };

export type RunDatasetQueryVariables = Exact<{
  e: Scalars['ID']['input'];
}>;


export type RunDatasetQuery = { experiment: { datasetId: string } };

export type CancelRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelRunMutation = { cancelRun: { id: string } };

export type TeamQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type TeamQuery = { workspace: { members: Array<{ role: Role, user: { id: string, name: string, email: string } }>, invitations: Array<{ id: string, email: string, role: Role, expiresAt: string }> } };

export type InviteMemberMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  e: Scalars['String']['input'];
  r: Role;
}>;


export type InviteMemberMutation = { inviteMember: { path: string } };

export type SetMemberRoleMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  u: Scalars['ID']['input'];
  r: Role;
}>;


export type SetMemberRoleMutation = { setMemberRole: { role: Role } };

export type RemoveMemberMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  u: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type RevokeInvitationMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type RevokeInvitationMutation = { revokeInvitation: boolean };

export type CreatePasswordResetLinkMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  u: Scalars['ID']['input'];
}>;


export type CreatePasswordResetLinkMutation = { createPasswordResetLink: { path: string } };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, scope: TokenScope, expiresAt: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  n: Scalars['String']['input'];
  s: TokenScope;
  x: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type CreateApiTokenMutation = { createApiToken: { secret: string } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiTokenMutation = { revokeApiToken: boolean };

export type WebhooksQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type WebhooksQuery = { webhookEvents: Array<{ name: string, description: string }>, workspace: { id: string, webhooks: Array<{ id: string, url: string, events: Array<string>, enabled: boolean, createdAt: string, deliveries: Array<{ id: string, event: string, status: WebhookDeliveryStatus, attempts: number, responseStatus: number | null, error: string | null, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null }> }> } };

export type CreateWebhookMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  url: Scalars['String']['input'];
  events: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type CreateWebhookMutation = { createWebhook: { secret: string } };

export type SetWebhookEnabledMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  enabled: Scalars['Boolean']['input'];
}>;


export type SetWebhookEnabledMutation = { updateWebhook: { id: string, enabled: boolean } };

export type DeleteWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteWebhookMutation = { deleteWebhook: boolean };

export type SendTestWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SendTestWebhookMutation = { sendTestWebhook: { id: string } };

export type WorkspacesQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkspacesQuery = { me: { name: string } | null, workspaces: Array<{ id: string, name: string, myRole: Role }> };

export type CreateWorkspaceMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type CreateWorkspaceMutation = { createWorkspace: { id: string } };

export type SignUpMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  name: Scalars['String']['input'];
  invitation: InputMaybe<Scalars['String']['input']>;
}>;


export type SignUpMutation = { signUp: { user: { id: string } } };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { signIn: { user: { id: string } } };

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOptionsQuery = { signInOptions: { passwordResetByEmail: boolean, signUp: { mode: SignUpMode, message: string | null }, singleSignOn: { name: string, startPath: string } | null } };

export type RelabelImagesMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  l: InputMaybe<Scalars['ID']['input']>;
}>;


export type RelabelImagesMutation = { updateImages: Array<{ id: string }> };

export type MoveImagesMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  s: InputMaybe<Split>;
}>;


export type MoveImagesMutation = { updateImages: Array<{ id: string }> };

export type DeleteImagesMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeleteImagesMutation = { deleteImages: number };

export type RunCalibrationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RunCalibrationQuery = { run: { checkpoints: Array<{ id: string, calibration: { temperature: number, fittedOn: string, evaluatedOn: string, eceBefore: number, eceAfter: number, targetPrecision: number, threshold: number, reliabilityBefore: Array<{ confidence: number, accuracy: number, count: number }>, reliabilityAfter: Array<{ confidence: number, accuracy: number, count: number }>, curve: Array<{ threshold: number, coverage: number, precision: number }> } | null }> } };

export type SetTargetPrecisionMutationVariables = Exact<{
  c: Scalars['ID']['input'];
  p: Scalars['Float']['input'];
}>;


export type SetTargetPrecisionMutation = { setTargetPrecision: { id: string } };

export type CheckpointRowFragment = { id: string, step: number, labels: Array<string>, exportUrl: string, onnxExportUrl: string | null, onnxExportUnavailable: string | null, metrics: { validationAccuracy: number | null, testAccuracy: number | null } | null };

export type PromoteCheckpointMutationVariables = Exact<{
  c: Scalars['ID']['input'];
}>;


export type PromoteCheckpointMutation = { promoteCheckpoint: { id: string } };

export type ResumeCheckpointMutationVariables = Exact<{
  e: Scalars['ID']['input'];
  c: Scalars['ID']['input'];
}>;


export type ResumeCheckpointMutation = { startRun: { id: string } };

export type CommentsQueryVariables = Exact<{
  e: Scalars['ID']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type CommentsQuery = { experiment: { comments: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, body: string, runId: string | null, createdAt: string, author: { name: string } | null }> } } };

export type AddCommentMutationVariables = Exact<{
  e: Scalars['ID']['input'];
  b: Scalars['String']['input'];
}>;


export type AddCommentMutation = { addComment: { id: string } };

export type EpochPointFragment = { epoch: number, trainLoss: number, trainAccuracy: number, validationLoss: number | null, validationAccuracy: number | null };

export type DeleteBaseModelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteBaseModelMutation = { deleteBaseModel: boolean };

export type DatasetHealthTabQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DatasetHealthTabQuery = { baseModels: Array<{ id: string, name: string, cached: boolean }>, dataset: { id: string, labels: Array<{ id: string, name: string }>, healthCheck: { id: string, status: JobStatus, error: string | null, progress: { done: number, total: number } } | null, health: { stale: boolean, computedAt: string, images: number, baseModel: { id: string, name: string }, summary: { duplicateGroups: number, leakingGroups: number, mislabeled: number, strays: number, smallClasses: number, reviewed: number }, balance: { smallClasses: Array<string>, perClass: Array<{ label: string, train: number, validation: number, test: number, total: number }>, missing: Array<{ split: Split, labels: Array<string> }> }, map: { imageIds: Array<string>, x: Array<number>, y: Array<number>, labelIds: Array<string | null>, flagged: Array<boolean> }, duplicates: Array<{ key: string, crossesSplits: boolean, maxDistance: number, images: Array<{ id: string, originalName: string, split: Split, thumbnailUrl: string }> }>, mislabeled: Array<{ key: string, givenLabelId: string, suggestedLabelId: string, givenProbability: number, suggestedProbability: number, image: { id: string, originalName: string, split: Split, thumbnailUrl: string } | null }>, strays: Array<{ key: string, score: number, image: { id: string, originalName: string, split: Split, thumbnailUrl: string, labelId: string | null } | null }> } | null } };

export type StartHealthCheckMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  m: Scalars['ID']['input'];
}>;


export type StartHealthCheckMutation = { startHealthCheck: { id: string, status: JobStatus, error: string | null, progress: { done: number, total: number } } };

export type HealthCheckProgressSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type HealthCheckProgressSubscription = { jobProgress: { id: string, status: JobStatus, error: string | null, progress: { done: number, total: number }, result: { stage: string | null } | {} | null } };

export type DatasetRunsQueryVariables = Exact<{
  d: Scalars['ID']['input'];
}>;


export type DatasetRunsQuery = { dataset: { id: string, experiments: Array<{ id: string, name: string, baseModel: { name: string }, runs: { nodes: Array<{ id: string, status: RunStatus }> } }> } };

export type EvaluationDetailsFragment = { count: number, accuracy: number, labels: Array<string>, confusionMatrix: Array<{ label: string, counts: Array<number> }>, perClass: Array<{ label: string, precision: number, recall: number, f1: number, support: number }>, misclassified: Array<{ trueLabel: string, predictedLabel: string, image: { id: string, thumbnailUrl: string } | null, top: Array<{ label: string, probability: number }> }> };

export type UpdateExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  n: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateExperimentMutation = { updateExperiment: { name: string } };

export type DeleteExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteExperimentMutation = { deleteExperiment: boolean };

export type RemoveAliasMutationVariables = Exact<{
  e: Scalars['ID']['input'];
  a: Scalars['String']['input'];
}>;


export type RemoveAliasMutation = { removeAlias: boolean };

export type DeleteRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteRunMutation = { deleteRun: boolean };

export type HealthFindingsFragment = { duplicates: Array<{ key: string, crossesSplits: boolean, maxDistance: number, images: Array<{ id: string, originalName: string, split: Split, thumbnailUrl: string }> }>, mislabeled: Array<{ key: string, givenLabelId: string, suggestedLabelId: string, givenProbability: number, suggestedProbability: number, image: { id: string, originalName: string, split: Split, thumbnailUrl: string } | null }>, strays: Array<{ key: string, score: number, image: { id: string, originalName: string, split: Split, thumbnailUrl: string, labelId: string | null } | null }> };

export type KeepOnlyMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type KeepOnlyMutation = { deleteImages: number };

export type MoveGroupMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  s: InputMaybe<Split>;
}>;


export type MoveGroupMutation = { updateImages: Array<{ id: string }> };

export type AcceptLabelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  l: InputMaybe<Scalars['ID']['input']>;
}>;


export type AcceptLabelMutation = { updateImages: Array<{ id: string }> };

export type MarkReviewedMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  k: Scalars['String']['input'];
}>;


export type MarkReviewedMutation = { markFindingReviewed: boolean };

export type HyperparameterDefaultsQueryVariables = Exact<{ [key: string]: never; }>;


export type HyperparameterDefaultsQuery = { hyperparameterDefaults: { epochs: number, batchSize: number, learningRate: number, hiddenUnits: number, dropout: number, l2: number, labelSmoothing: number, earlyStoppingPatience: number } };

export type KeepServedImagesQueryVariables = Exact<{
  w: Scalars['ID']['input'];
}>;


export type KeepServedImagesQuery = { workspace: { id: string, keepServedImages: boolean } };

export type SetKeepServedImagesMutationVariables = Exact<{
  w: Scalars['ID']['input'];
  k: Scalars['Boolean']['input'];
}>;


export type SetKeepServedImagesMutation = { setKeepServedImages: { id: string, keepServedImages: boolean } };

export type CreateLabelMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  n: Scalars['String']['input'];
}>;


export type CreateLabelMutation = { createLabel: { id: string } };

export type RenameLabelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  n: Scalars['String']['input'];
}>;


export type RenameLabelMutation = { renameLabel: { id: string } };

export type MergeLabelsMutationVariables = Exact<{
  f: Scalars['ID']['input'];
  i: Scalars['ID']['input'];
}>;


export type MergeLabelsMutation = { mergeLabels: { id: string } };

export type DeleteLabelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteLabelMutation = { deleteLabel: boolean };

export type LabelNextQueryVariables = Exact<{
  d: Scalars['ID']['input'];
  c: InputMaybe<Scalars['ID']['input']>;
  m: InputMaybe<Scalars['ID']['input']>;
}>;


export type LabelNextQuery = { dataset: { id: string, labelNext: Array<{ doubt: number, label: string | null, confidence: number | null, image: { id: string, originalName: string, thumbnailUrl: string } | null }> } };

export type SetLabelsMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  l: InputMaybe<Scalars['ID']['input']>;
}>;


export type SetLabelsMutation = { updateImages: Array<{ id: string }> };

export type AcceptSuggestedMutationVariables = Exact<{
  d: Scalars['ID']['input'];
  c: Scalars['ID']['input'];
  p: Scalars['Float']['input'];
}>;


export type AcceptSuggestedMutation = { acceptSuggestedLabels: Array<{ label: string, count: number }> };

export type LabellingSourcesQueryVariables = Exact<{
  d: Scalars['ID']['input'];
}>;


export type LabellingSourcesQuery = { dataset: { id: string, experiments: Array<{ id: string, name: string, baseModelId: string, aliases: Array<{ name: string, checkpoint: { id: string } }>, runs: { nodes: Array<{ checkpoints: Array<{ id: string }> }> } }> } };

export type CompareRunsQueryVariables = Exact<{
  a: Scalars['ID']['input'];
  b: Scalars['ID']['input'];
}>;


export type CompareRunsQuery = { compareRuns: { reason: string | null, comparison: { images: number, pValue: number, significant: boolean, verdict: string, onlyA: number, onlyB: number, accuracyA: { value: number, low: number, high: number }, accuracyB: { value: number, low: number, high: number }, difference: { value: number, low: number, high: number }, perClass: Array<{ label: string, f1A: { value: number, low: number, high: number }, f1B: { value: number, low: number, high: number } }> } | null } };

export type MyRecentRunsQueryVariables = Exact<{
  ws: Scalars['ID']['input'];
}>;


export type MyRecentRunsQuery = { workspace: { id: string, myRecentRuns: Array<{ id: string, status: RunStatus, error: string | null, metrics: { validationAccuracy: number | null, stoppedEarly: boolean | null } | null }> } };

export type ServedPredictionsQueryVariables = Exact<{
  w: Scalars['ID']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type ServedPredictionsQuery = { workspace: { predictions: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, createdAt: string, latencyMs: number, top: Array<{ label: string, probability: number }>, checkpoint: { id: string, step: number } }> } } };

export type ExperimentServingQueryVariables = Exact<{
  e: Scalars['ID']['input'];
  alias: Scalars['String']['input'];
}>;


export type ExperimentServingQuery = { experiment: { serving: { psi: number | null, threshold: number, drift: boolean, recentPredictions: number, days: Array<{ date: string, count: number, unknown: number, meanConfidence: number }>, shares: Array<{ label: string, training: number, served: number }> } } };

export type ImportJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ImportJobQuery = { job: { status: JobStatus, error: string | null, progress: { done: number, total: number }, result: { __typename: 'ExtractionResult' } | { __typename: 'HealthResult' } | { __typename: 'ImportResult', accepted: number, rejected: number, duplicates: number } | { __typename: 'PreparationResult' } | { __typename: 'TrainingResult' } | null } };

export type ImportJobProgressSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ImportJobProgressSubscription = { jobProgress: { status: JobStatus, error: string | null, progress: { done: number, total: number }, result: { __typename: 'ExtractionResult' } | { __typename: 'HealthResult' } | { __typename: 'ImportResult', accepted: number, rejected: number, duplicates: number } | { __typename: 'PreparationResult' } | { __typename: 'TrainingResult' } | null } };

export type ImportJobStateFragment = { status: JobStatus, error: string | null, progress: { done: number, total: number }, result: { __typename: 'ExtractionResult' } | { __typename: 'HealthResult' } | { __typename: 'ImportResult', accepted: number, rejected: number, duplicates: number } | { __typename: 'PreparationResult' } | { __typename: 'TrainingResult' } | null };

export type WorkersQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkersQuery = { health: { workers: Array<{ hostname: string }> | null } };

export type RenameWorkspaceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  n: Scalars['String']['input'];
}>;


export type RenameWorkspaceMutation = { renameWorkspace: { name: string } };

export type DeleteWorkspaceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  n: Scalars['String']['input'];
}>;


export type DeleteWorkspaceMutation = { deleteWorkspace: boolean };

export type LeaveWorkspaceMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LeaveWorkspaceMutation = { leaveWorkspace: boolean };

export type UploadOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type UploadOptionsQuery = { uploadOptions: { fromBrowsers: boolean } };

export type StartBrowserUploadsMutationVariables = Exact<{
  datasetId: Scalars['ID']['input'];
  files: Array<DirectUploadFileInput> | DirectUploadFileInput;
}>;


export type StartBrowserUploadsMutation = { startDirectUploads: Array<{ key: string, url: string }> };

export type FinishBrowserUploadsMutationVariables = Exact<{
  datasetId: Scalars['ID']['input'];
  uploads: Array<FinishedUploadInput> | FinishedUploadInput;
}>;


export type FinishBrowserUploadsMutation = { finishDirectUploads: Array<{ name: string, status: UploadStatus, reason: string | null }> };

export type ImageWindowQueryVariables = Exact<{
  d: Scalars['ID']['input'];
  label: InputMaybe<Scalars['ID']['input']>;
  split: InputMaybe<Split>;
  unlabelled: InputMaybe<Scalars['Boolean']['input']>;
  failed: InputMaybe<Scalars['Boolean']['input']>;
  q: InputMaybe<Scalars['String']['input']>;
  sort: InputMaybe<ImageSort>;
  desc: InputMaybe<Scalars['Boolean']['input']>;
  c: InputMaybe<Scalars['ID']['input']>;
  offset: InputMaybe<Scalars['Int']['input']>;
  n: InputMaybe<Scalars['Int']['input']>;
}>;


export type ImageWindowQuery = { images: { totalCount: number, nodes: Array<{ id: string, originalName: string, labelId: string | null, split: Split, thumbnailUrl: string, suggestion: { label: string | null, confidence: number } | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EpochPointFragmentDoc = new TypedDocumentString(`
    fragment EpochPoint on EpochMetric {
  epoch
  trainLoss
  trainAccuracy
  validationLoss
  validationAccuracy
}
    `, {"fragmentName":"EpochPoint"}) as unknown as TypedDocumentString<EpochPointFragment, unknown>;
export const EvaluationDetailsFragmentDoc = new TypedDocumentString(`
    fragment EvaluationDetails on Evaluation {
  count
  accuracy
  labels
  confusionMatrix {
    label
    counts
  }
  perClass {
    label
    precision
    recall
    f1
    support
  }
  misclassified {
    image {
      id
      thumbnailUrl
    }
    trueLabel
    predictedLabel
    top {
      label
      probability
    }
  }
}
    `, {"fragmentName":"EvaluationDetails"}) as unknown as TypedDocumentString<EvaluationDetailsFragment, unknown>;
export const CheckpointRowFragmentDoc = new TypedDocumentString(`
    fragment CheckpointRow on Checkpoint {
  id
  step
  labels
  exportUrl
  onnxExportUrl
  onnxExportUnavailable
  metrics {
    validationAccuracy
    testAccuracy
  }
}
    `, {"fragmentName":"CheckpointRow"}) as unknown as TypedDocumentString<CheckpointRowFragment, unknown>;
export const RunDetailsFragmentDoc = new TypedDocumentString(`
    fragment RunDetails on TrainingRun {
  id
  experimentId
  status
  error
  resumedFromId
  hyperparameters {
    epochs
  }
  extraction {
    status
    backend
    progress {
      done
      total
      imagesPerSecond
      etaSeconds
    }
  }
  epochs {
    ...EpochPoint
  }
  metrics {
    evaluatedOn
    stoppedEarly
  }
  evaluation {
    ...EvaluationDetails
  }
  checkpoints {
    ...CheckpointRow
  }
}
    fragment CheckpointRow on Checkpoint {
  id
  step
  labels
  exportUrl
  onnxExportUrl
  onnxExportUnavailable
  metrics {
    validationAccuracy
    testAccuracy
  }
}
fragment EpochPoint on EpochMetric {
  epoch
  trainLoss
  trainAccuracy
  validationLoss
  validationAccuracy
}
fragment EvaluationDetails on Evaluation {
  count
  accuracy
  labels
  confusionMatrix {
    label
    counts
  }
  perClass {
    label
    precision
    recall
    f1
    support
  }
  misclassified {
    image {
      id
      thumbnailUrl
    }
    trueLabel
    predictedLabel
    top {
      label
      probability
    }
  }
}`, {"fragmentName":"RunDetails"}) as unknown as TypedDocumentString<RunDetailsFragment, unknown>;
export const HealthFindingsFragmentDoc = new TypedDocumentString(`
    fragment HealthFindings on DatasetHealth {
  duplicates {
    key
    crossesSplits
    maxDistance
    images {
      id
      originalName
      split
      thumbnailUrl
    }
  }
  mislabeled {
    key
    givenLabelId
    suggestedLabelId
    givenProbability
    suggestedProbability
    image {
      id
      originalName
      split
      thumbnailUrl
    }
  }
  strays {
    key
    score
    image {
      id
      originalName
      split
      thumbnailUrl
      labelId
    }
  }
}
    `, {"fragmentName":"HealthFindings"}) as unknown as TypedDocumentString<HealthFindingsFragment, unknown>;
export const ImportJobStateFragmentDoc = new TypedDocumentString(`
    fragment ImportJobState on Job {
  status
  error
  progress {
    done
    total
  }
  result {
    __typename
    ... on ImportResult {
      accepted
      rejected
      duplicates
    }
  }
}
    `, {"fragmentName":"ImportJobState"}) as unknown as TypedDocumentString<ImportJobStateFragment, unknown>;
export const AccountMeDocument = new TypedDocumentString(`
    query AccountMe {
  me {
    name
    email
  }
}
    `) as unknown as TypedDocumentString<AccountMeQuery, AccountMeQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere($t: Boolean) {
  signOutEverywhere(apiTokens: $t)
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($n: String!) {
  updateProfile(name: $n) {
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($p: String!) {
  deleteAccount(password: $p)
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const HealthDocument = new TypedDocumentString(`
    query Health {
  health {
    ok
    database
    version
    backend
  }
}
    `) as unknown as TypedDocumentString<HealthQuery, HealthQueryVariables>;
export const InvitationDocument = new TypedDocumentString(`
    query Invitation($t: String!) {
  me {
    email
  }
  invitation(token: $t) {
    workspaceName
    role
    email
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<InvitationQuery, InvitationQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($t: String!) {
  acceptInvitation(token: $t) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($t: String!, $p: String!) {
  resetPassword(token: $t, newPassword: $p)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($e: String!) {
  requestPasswordReset(email: $e)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ActivityDocument = new TypedDocumentString(`
    query Activity($w: ID!, $after: String) {
  workspace(id: $w) {
    activity(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        verb
        subjectType
        createdAt
        detail
        actor {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ActivityQuery, ActivityQueryVariables>;
export const DatasetDocument = new TypedDocumentString(`
    query Dataset($id: ID!) {
  dataset(id: $id) {
    id
    name
    labels {
      id
      name
      imageCount
    }
    splitCounts {
      train
      validation
      test
      unlabelled
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetQuery, DatasetQueryVariables>;
export const DatasetUpdatesDocument = new TypedDocumentString(`
    subscription DatasetUpdates($id: ID!) {
  datasetUpdates(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DatasetUpdatesSubscription, DatasetUpdatesSubscriptionVariables>;
export const DatasetsDocument = new TypedDocumentString(`
    query Datasets($w: ID!) {
  workspace(id: $w) {
    datasets {
      id
      name
      description
      labels {
        name
        imageCount
      }
      splitCounts {
        train
        validation
        test
        unlabelled
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetsQuery, DatasetsQueryVariables>;
export const CreateDatasetDocument = new TypedDocumentString(`
    mutation CreateDataset($w: ID!, $name: String!) {
  createDataset(workspaceId: $w, name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateDatasetMutation, CreateDatasetMutationVariables>;
export const ExperimentDocument = new TypedDocumentString(`
    query Experiment($id: ID!) {
  experiment(id: $id) {
    id
    name
    dataset {
      id
      name
    }
    baseModel {
      name
    }
    aliases {
      name
      checkpoint {
        id
        runId
      }
    }
    summary {
      runCount
    }
    datasetHealth {
      stale
      summary {
        leakingGroups
      }
      duplicates(limit: 50) {
        crossesSplits
        images {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentQuery, ExperimentQueryVariables>;
export const ExperimentRunsDocument = new TypedDocumentString(`
    query ExperimentRuns($id: ID!, $before: String) {
  experiment(id: $id) {
    runs(last: 50, before: $before) {
      pageInfo {
        hasPreviousPage
        startCursor
      }
      nodes {
        id
        status
        queuedAt
        hyperparameters {
          epochs
          batchSize
          learningRate
          hiddenUnits
          dropout
          l2
          labelSmoothing
        }
        metrics {
          validationAccuracy
          testAccuracy
        }
        epochs {
          ...EpochPoint
        }
      }
    }
  }
}
    fragment EpochPoint on EpochMetric {
  epoch
  trainLoss
  trainAccuracy
  validationLoss
  validationAccuracy
}`) as unknown as TypedDocumentString<ExperimentRunsQuery, ExperimentRunsQueryVariables>;
export const StartRunDocument = new TypedDocumentString(`
    mutation StartRun($e: ID!) {
  startRun(experimentId: $e) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartRunMutation, StartRunMutationVariables>;
export const ExperimentChoicesDocument = new TypedDocumentString(`
    query ExperimentChoices($w: ID!) {
  workspace(id: $w) {
    datasets {
      id
      name
    }
  }
  baseModels {
    id
    key
    name
    cached
    featureDim
    custom
    role
    benchmark {
      imagesPerSecond
      flowersValidationAccuracy
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentChoicesQuery, ExperimentChoicesQueryVariables>;
export const ExperimentsDocument = new TypedDocumentString(`
    query Experiments($w: ID!, $after: String) {
  workspace(id: $w) {
    experiments(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        dataset {
          name
        }
        baseModel {
          name
        }
        summary {
          runCount
          bestTestAccuracy
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentsQuery, ExperimentsQueryVariables>;
export const CreateExperimentDocument = new TypedDocumentString(`
    mutation CreateExperiment($d: ID!, $m: ID!, $n: String!, $h: HyperparametersInput) {
  createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: $h) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateExperimentMutation, CreateExperimentMutationVariables>;
export const ShellDocument = new TypedDocumentString(`
    query Shell {
  me {
    name
    email
  }
  workspaces {
    id
    name
    myRole
    myPermissions {
      write
      train
      manageMembers
      manageWebhooks
      destroy
      manageWorkspace
    }
  }
}
    `) as unknown as TypedDocumentString<ShellQuery, ShellQueryVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const PredictTargetsDocument = new TypedDocumentString(`
    query PredictTargets($w: ID!) {
  workspace(id: $w) {
    keepServedImages
    experiments(first: 50) {
      nodes {
        id
        name
        aliases {
          name
        }
        runs(last: 5) {
          nodes {
            id
            checkpoints {
              id
              step
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PredictTargetsQuery, PredictTargetsQueryVariables>;
export const PredictDocument = new TypedDocumentString(`
    mutation Predict($c: ID, $e: ID, $alias: String, $img: PredictImageInput!, $keep: Boolean) {
  predict(
    checkpointId: $c
    experimentId: $e
    alias: $alias
    images: [$img]
    topK: 5
    keep: $keep
  ) {
    checkpointId
    latencyMs
    kept
    results {
      name
      error
      unknown
      unknownReason
      calibrated
      top {
        label
        probability
      }
      evidence {
        label
        distance
        image {
          id
          thumbnailUrl
          originalName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PredictMutation, PredictMutationVariables>;
export const ReviewQueueDocument = new TypedDocumentString(`
    query ReviewQueue($w: ID!, $after: String) {
  workspace(id: $w) {
    reviewQueue(first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        alias
        unknown
        label
        confidence
        margin
        thumbnailDataUrl
        checkpoint {
          labels
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const LabelServedDocument = new TypedDocumentString(`
    mutation LabelServed($p: ID!, $l: String!, $s: Split) {
  labelServedPrediction(predictionId: $p, label: $l, split: $s) {
    imageId
    status
  }
}
    `) as unknown as TypedDocumentString<LabelServedMutation, LabelServedMutationVariables>;
export const DismissServedDocument = new TypedDocumentString(`
    mutation DismissServed($p: ID!) {
  dismissServedPrediction(predictionId: $p)
}
    `) as unknown as TypedDocumentString<DismissServedMutation, DismissServedMutationVariables>;
export const RunDocument = new TypedDocumentString(`
    query Run($id: ID!) {
  run(id: $id) {
    ...RunDetails
  }
}
    fragment RunDetails on TrainingRun {
  id
  experimentId
  status
  error
  resumedFromId
  hyperparameters {
    epochs
  }
  extraction {
    status
    backend
    progress {
      done
      total
      imagesPerSecond
      etaSeconds
    }
  }
  epochs {
    ...EpochPoint
  }
  metrics {
    evaluatedOn
    stoppedEarly
  }
  evaluation {
    ...EvaluationDetails
  }
  checkpoints {
    ...CheckpointRow
  }
}
fragment CheckpointRow on Checkpoint {
  id
  step
  labels
  exportUrl
  onnxExportUrl
  onnxExportUnavailable
  metrics {
    validationAccuracy
    testAccuracy
  }
}
fragment EpochPoint on EpochMetric {
  epoch
  trainLoss
  trainAccuracy
  validationLoss
  validationAccuracy
}
fragment EvaluationDetails on Evaluation {
  count
  accuracy
  labels
  confusionMatrix {
    label
    counts
  }
  perClass {
    label
    precision
    recall
    f1
    support
  }
  misclassified {
    image {
      id
      thumbnailUrl
    }
    trueLabel
    predictedLabel
    top {
      label
      probability
    }
  }
}`) as unknown as TypedDocumentString<RunQuery, RunQueryVariables>;
export const RunProgressDocument = new TypedDocumentString(`
    subscription RunProgress($id: ID!) {
  runProgress(id: $id) {
    ...RunDetails
  }
}
    fragment RunDetails on TrainingRun {
  id
  experimentId
  status
  error
  resumedFromId
  hyperparameters {
    epochs
  }
  extraction {
    status
    backend
    progress {
      done
      total
      imagesPerSecond
      etaSeconds
    }
  }
  epochs {
    ...EpochPoint
  }
  metrics {
    evaluatedOn
    stoppedEarly
  }
  evaluation {
    ...EvaluationDetails
  }
  checkpoints {
    ...CheckpointRow
  }
}
fragment CheckpointRow on Checkpoint {
  id
  step
  labels
  exportUrl
  onnxExportUrl
  onnxExportUnavailable
  metrics {
    validationAccuracy
    testAccuracy
  }
}
fragment EpochPoint on EpochMetric {
  epoch
  trainLoss
  trainAccuracy
  validationLoss
  validationAccuracy
}
fragment EvaluationDetails on Evaluation {
  count
  accuracy
  labels
  confusionMatrix {
    label
    counts
  }
  perClass {
    label
    precision
    recall
    f1
    support
  }
  misclassified {
    image {
      id
      thumbnailUrl
    }
    trueLabel
    predictedLabel
    top {
      label
      probability
    }
  }
}`) as unknown as TypedDocumentString<RunProgressSubscription, RunProgressSubscriptionVariables>;
export const RunDatasetDocument = new TypedDocumentString(`
    query RunDataset($e: ID!) {
  experiment(id: $e) {
    datasetId
  }
}
    `) as unknown as TypedDocumentString<RunDatasetQuery, RunDatasetQueryVariables>;
export const CancelRunDocument = new TypedDocumentString(`
    mutation CancelRun($id: ID!) {
  cancelRun(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CancelRunMutation, CancelRunMutationVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($w: ID!) {
  workspace(id: $w) {
    members {
      role
      user {
        id
        name
        email
      }
    }
    invitations {
      id
      email
      role
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($w: ID!, $e: String!, $r: Role!) {
  inviteMember(workspaceId: $w, email: $e, role: $r) {
    path
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const SetMemberRoleDocument = new TypedDocumentString(`
    mutation SetMemberRole($w: ID!, $u: ID!, $r: Role!) {
  setMemberRole(workspaceId: $w, userId: $u, role: $r) {
    role
  }
}
    `) as unknown as TypedDocumentString<SetMemberRoleMutation, SetMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($w: ID!, $u: ID!) {
  removeMember(workspaceId: $w, userId: $u)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($w: ID!, $id: ID!) {
  revokeInvitation(workspaceId: $w, id: $id)
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const CreatePasswordResetLinkDocument = new TypedDocumentString(`
    mutation CreatePasswordResetLink($w: ID!, $u: ID!) {
  createPasswordResetLink(workspaceId: $w, memberId: $u) {
    path
  }
}
    `) as unknown as TypedDocumentString<CreatePasswordResetLinkMutation, CreatePasswordResetLinkMutationVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    id
    name
    prefix
    scope
    expiresAt
    createdAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($n: String!, $s: TokenScope!, $x: DateTime) {
  createApiToken(name: $n, scope: $s, expiresAt: $x) {
    secret
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const WebhooksDocument = new TypedDocumentString(`
    query Webhooks($w: ID!) {
  webhookEvents {
    name
    description
  }
  workspace(id: $w) {
    id
    webhooks {
      id
      url
      events
      enabled
      createdAt
      deliveries {
        id
        event
        status
        attempts
        responseStatus
        error
        createdAt
        lastAttemptAt
        nextAttemptAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookDocument = new TypedDocumentString(`
    mutation CreateWebhook($w: ID!, $url: String!, $events: [String!]!) {
  createWebhook(workspaceId: $w, url: $url, events: $events) {
    secret
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookMutation, CreateWebhookMutationVariables>;
export const SetWebhookEnabledDocument = new TypedDocumentString(`
    mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {
  updateWebhook(id: $id, enabled: $enabled) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<SetWebhookEnabledMutation, SetWebhookEnabledMutationVariables>;
export const DeleteWebhookDocument = new TypedDocumentString(`
    mutation DeleteWebhook($id: ID!) {
  deleteWebhook(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookMutation, DeleteWebhookMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($id: ID!) {
  sendTestWebhook(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const WorkspacesDocument = new TypedDocumentString(`
    query Workspaces {
  me {
    name
  }
  workspaces {
    id
    name
    myRole
  }
}
    `) as unknown as TypedDocumentString<WorkspacesQuery, WorkspacesQueryVariables>;
export const CreateWorkspaceDocument = new TypedDocumentString(`
    mutation CreateWorkspace($name: String!) {
  createWorkspace(name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateWorkspaceMutation, CreateWorkspaceMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($email: String!, $password: String!, $name: String!, $invitation: String) {
  signUp(
    email: $email
    password: $password
    name: $name
    invitationToken: $invitation
  ) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignInOptionsDocument = new TypedDocumentString(`
    query SignInOptions {
  signInOptions {
    signUp {
      mode
      message
    }
    singleSignOn {
      name
      startPath
    }
    passwordResetByEmail
  }
}
    `) as unknown as TypedDocumentString<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const RelabelImagesDocument = new TypedDocumentString(`
    mutation RelabelImages($ids: [ID!]!, $l: ID) {
  updateImages(ids: $ids, labelId: $l) {
    id
  }
}
    `) as unknown as TypedDocumentString<RelabelImagesMutation, RelabelImagesMutationVariables>;
export const MoveImagesDocument = new TypedDocumentString(`
    mutation MoveImages($ids: [ID!]!, $s: Split) {
  updateImages(ids: $ids, split: $s) {
    id
  }
}
    `) as unknown as TypedDocumentString<MoveImagesMutation, MoveImagesMutationVariables>;
export const DeleteImagesDocument = new TypedDocumentString(`
    mutation DeleteImages($ids: [ID!]!) {
  deleteImages(ids: $ids)
}
    `) as unknown as TypedDocumentString<DeleteImagesMutation, DeleteImagesMutationVariables>;
export const RunCalibrationDocument = new TypedDocumentString(`
    query RunCalibration($id: ID!) {
  run(id: $id) {
    checkpoints {
      id
      calibration {
        temperature
        fittedOn
        evaluatedOn
        eceBefore
        eceAfter
        targetPrecision
        threshold
        reliabilityBefore {
          confidence
          accuracy
          count
        }
        reliabilityAfter {
          confidence
          accuracy
          count
        }
        curve {
          threshold
          coverage
          precision
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RunCalibrationQuery, RunCalibrationQueryVariables>;
export const SetTargetPrecisionDocument = new TypedDocumentString(`
    mutation SetTargetPrecision($c: ID!, $p: Float!) {
  setTargetPrecision(checkpointId: $c, targetPrecision: $p) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetTargetPrecisionMutation, SetTargetPrecisionMutationVariables>;
export const PromoteCheckpointDocument = new TypedDocumentString(`
    mutation PromoteCheckpoint($c: ID!) {
  promoteCheckpoint(checkpointId: $c, alias: "production") {
    id
  }
}
    `) as unknown as TypedDocumentString<PromoteCheckpointMutation, PromoteCheckpointMutationVariables>;
export const ResumeCheckpointDocument = new TypedDocumentString(`
    mutation ResumeCheckpoint($e: ID!, $c: ID!) {
  startRun(
    experimentId: $e
    resumeFromCheckpointId: $c
    hyperparameters: {epochs: 10}
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<ResumeCheckpointMutation, ResumeCheckpointMutationVariables>;
export const CommentsDocument = new TypedDocumentString(`
    query Comments($e: ID!, $after: String) {
  experiment(id: $e) {
    comments(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        body
        runId
        createdAt
        author {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CommentsQuery, CommentsQueryVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($e: ID!, $b: String!) {
  addComment(experimentId: $e, body: $b) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const DeleteBaseModelDocument = new TypedDocumentString(`
    mutation DeleteBaseModel($id: ID!) {
  deleteBaseModel(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteBaseModelMutation, DeleteBaseModelMutationVariables>;
export const DatasetHealthTabDocument = new TypedDocumentString(`
    query DatasetHealthTab($id: ID!) {
  baseModels {
    id
    name
    cached
  }
  dataset(id: $id) {
    id
    labels {
      id
      name
    }
    healthCheck {
      id
      status
      error
      progress {
        done
        total
      }
    }
    health {
      stale
      computedAt
      images
      baseModel {
        id
        name
      }
      summary {
        duplicateGroups
        leakingGroups
        mislabeled
        strays
        smallClasses
        reviewed
      }
      balance {
        perClass {
          label
          train
          validation
          test
          total
        }
        smallClasses
        missing {
          split
          labels
        }
      }
      map {
        imageIds
        x
        y
        labelIds
        flagged
      }
      ...HealthFindings
    }
  }
}
    fragment HealthFindings on DatasetHealth {
  duplicates {
    key
    crossesSplits
    maxDistance
    images {
      id
      originalName
      split
      thumbnailUrl
    }
  }
  mislabeled {
    key
    givenLabelId
    suggestedLabelId
    givenProbability
    suggestedProbability
    image {
      id
      originalName
      split
      thumbnailUrl
    }
  }
  strays {
    key
    score
    image {
      id
      originalName
      split
      thumbnailUrl
      labelId
    }
  }
}`) as unknown as TypedDocumentString<DatasetHealthTabQuery, DatasetHealthTabQueryVariables>;
export const StartHealthCheckDocument = new TypedDocumentString(`
    mutation StartHealthCheck($d: ID!, $m: ID!) {
  startHealthCheck(datasetId: $d, baseModelId: $m) {
    id
    status
    error
    progress {
      done
      total
    }
  }
}
    `) as unknown as TypedDocumentString<StartHealthCheckMutation, StartHealthCheckMutationVariables>;
export const HealthCheckProgressDocument = new TypedDocumentString(`
    subscription HealthCheckProgress($id: ID!) {
  jobProgress(id: $id) {
    id
    status
    error
    progress {
      done
      total
    }
    result {
      ... on HealthResult {
        stage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HealthCheckProgressSubscription, HealthCheckProgressSubscriptionVariables>;
export const DatasetRunsDocument = new TypedDocumentString(`
    query DatasetRuns($d: ID!) {
  dataset(id: $d) {
    id
    experiments {
      id
      name
      baseModel {
        name
      }
      runs(last: 10) {
        nodes {
          id
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DatasetRunsQuery, DatasetRunsQueryVariables>;
export const UpdateExperimentDocument = new TypedDocumentString(`
    mutation UpdateExperiment($id: ID!, $n: String) {
  updateExperiment(id: $id, name: $n) {
    name
  }
}
    `) as unknown as TypedDocumentString<UpdateExperimentMutation, UpdateExperimentMutationVariables>;
export const DeleteExperimentDocument = new TypedDocumentString(`
    mutation DeleteExperiment($id: ID!) {
  deleteExperiment(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteExperimentMutation, DeleteExperimentMutationVariables>;
export const RemoveAliasDocument = new TypedDocumentString(`
    mutation RemoveAlias($e: ID!, $a: String!) {
  removeAlias(experimentId: $e, alias: $a)
}
    `) as unknown as TypedDocumentString<RemoveAliasMutation, RemoveAliasMutationVariables>;
export const DeleteRunDocument = new TypedDocumentString(`
    mutation DeleteRun($id: ID!) {
  deleteRun(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteRunMutation, DeleteRunMutationVariables>;
export const KeepOnlyDocument = new TypedDocumentString(`
    mutation KeepOnly($ids: [ID!]!) {
  deleteImages(ids: $ids)
}
    `) as unknown as TypedDocumentString<KeepOnlyMutation, KeepOnlyMutationVariables>;
export const MoveGroupDocument = new TypedDocumentString(`
    mutation MoveGroup($ids: [ID!]!, $s: Split) {
  updateImages(ids: $ids, split: $s) {
    id
  }
}
    `) as unknown as TypedDocumentString<MoveGroupMutation, MoveGroupMutationVariables>;
export const AcceptLabelDocument = new TypedDocumentString(`
    mutation AcceptLabel($id: ID!, $l: ID) {
  updateImages(ids: [$id], labelId: $l) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptLabelMutation, AcceptLabelMutationVariables>;
export const MarkReviewedDocument = new TypedDocumentString(`
    mutation MarkReviewed($d: ID!, $k: String!) {
  markFindingReviewed(datasetId: $d, key: $k)
}
    `) as unknown as TypedDocumentString<MarkReviewedMutation, MarkReviewedMutationVariables>;
export const HyperparameterDefaultsDocument = new TypedDocumentString(`
    query HyperparameterDefaults {
  hyperparameterDefaults {
    epochs
    batchSize
    learningRate
    hiddenUnits
    dropout
    l2
    labelSmoothing
    earlyStoppingPatience
  }
}
    `) as unknown as TypedDocumentString<HyperparameterDefaultsQuery, HyperparameterDefaultsQueryVariables>;
export const KeepServedImagesDocument = new TypedDocumentString(`
    query KeepServedImages($w: ID!) {
  workspace(id: $w) {
    id
    keepServedImages
  }
}
    `) as unknown as TypedDocumentString<KeepServedImagesQuery, KeepServedImagesQueryVariables>;
export const SetKeepServedImagesDocument = new TypedDocumentString(`
    mutation SetKeepServedImages($w: ID!, $k: Boolean!) {
  setKeepServedImages(workspaceId: $w, keep: $k) {
    id
    keepServedImages
  }
}
    `) as unknown as TypedDocumentString<SetKeepServedImagesMutation, SetKeepServedImagesMutationVariables>;
export const CreateLabelDocument = new TypedDocumentString(`
    mutation CreateLabel($d: ID!, $n: String!) {
  createLabel(datasetId: $d, name: $n) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateLabelMutation, CreateLabelMutationVariables>;
export const RenameLabelDocument = new TypedDocumentString(`
    mutation RenameLabel($id: ID!, $n: String!) {
  renameLabel(id: $id, name: $n) {
    id
  }
}
    `) as unknown as TypedDocumentString<RenameLabelMutation, RenameLabelMutationVariables>;
export const MergeLabelsDocument = new TypedDocumentString(`
    mutation MergeLabels($f: ID!, $i: ID!) {
  mergeLabels(fromId: $f, intoId: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<MergeLabelsMutation, MergeLabelsMutationVariables>;
export const DeleteLabelDocument = new TypedDocumentString(`
    mutation DeleteLabel($id: ID!) {
  deleteLabel(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteLabelMutation, DeleteLabelMutationVariables>;
export const LabelNextDocument = new TypedDocumentString(`
    query LabelNext($d: ID!, $c: ID, $m: ID) {
  dataset(id: $d) {
    id
    labelNext(checkpointId: $c, baseModelId: $m, first: 40) {
      image {
        id
        originalName
        thumbnailUrl
      }
      doubt
      label
      confidence
    }
  }
}
    `) as unknown as TypedDocumentString<LabelNextQuery, LabelNextQueryVariables>;
export const SetLabelsDocument = new TypedDocumentString(`
    mutation SetLabels($ids: [ID!]!, $l: ID) {
  updateImages(ids: $ids, labelId: $l) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetLabelsMutation, SetLabelsMutationVariables>;
export const AcceptSuggestedDocument = new TypedDocumentString(`
    mutation AcceptSuggested($d: ID!, $c: ID!, $p: Float!) {
  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) {
    label
    count
  }
}
    `) as unknown as TypedDocumentString<AcceptSuggestedMutation, AcceptSuggestedMutationVariables>;
export const LabellingSourcesDocument = new TypedDocumentString(`
    query LabellingSources($d: ID!) {
  dataset(id: $d) {
    id
    experiments {
      id
      name
      baseModelId
      aliases {
        name
        checkpoint {
          id
        }
      }
      runs(last: 3) {
        nodes {
          checkpoints {
            id
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LabellingSourcesQuery, LabellingSourcesQueryVariables>;
export const CompareRunsDocument = new TypedDocumentString(`
    query CompareRuns($a: ID!, $b: ID!) {
  compareRuns(runA: $a, runB: $b) {
    reason
    comparison {
      images
      pValue
      significant
      verdict
      onlyA
      onlyB
      accuracyA {
        value
        low
        high
      }
      accuracyB {
        value
        low
        high
      }
      difference {
        value
        low
        high
      }
      perClass {
        label
        f1A {
          value
          low
          high
        }
        f1B {
          value
          low
          high
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CompareRunsQuery, CompareRunsQueryVariables>;
export const MyRecentRunsDocument = new TypedDocumentString(`
    query MyRecentRuns($ws: ID!) {
  workspace(id: $ws) {
    id
    myRecentRuns {
      id
      status
      error
      metrics {
        validationAccuracy
        stoppedEarly
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecentRunsQuery, MyRecentRunsQueryVariables>;
export const ServedPredictionsDocument = new TypedDocumentString(`
    query ServedPredictions($w: ID!, $after: String) {
  workspace(id: $w) {
    predictions(first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        latencyMs
        top {
          label
          probability
        }
        checkpoint {
          id
          step
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServedPredictionsQuery, ServedPredictionsQueryVariables>;
export const ExperimentServingDocument = new TypedDocumentString(`
    query ExperimentServing($e: ID!, $alias: String!) {
  experiment(id: $e) {
    serving(alias: $alias, days: 30) {
      psi
      threshold
      drift
      recentPredictions
      days {
        date
        count
        unknown
        meanConfidence
      }
      shares {
        label
        training
        served
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperimentServingQuery, ExperimentServingQueryVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  job(id: $id) {
    ...ImportJobState
  }
}
    fragment ImportJobState on Job {
  status
  error
  progress {
    done
    total
  }
  result {
    __typename
    ... on ImportResult {
      accepted
      rejected
      duplicates
    }
  }
}`) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const ImportJobProgressDocument = new TypedDocumentString(`
    subscription ImportJobProgress($id: ID!) {
  jobProgress(id: $id) {
    ...ImportJobState
  }
}
    fragment ImportJobState on Job {
  status
  error
  progress {
    done
    total
  }
  result {
    __typename
    ... on ImportResult {
      accepted
      rejected
      duplicates
    }
  }
}`) as unknown as TypedDocumentString<ImportJobProgressSubscription, ImportJobProgressSubscriptionVariables>;
export const WorkersDocument = new TypedDocumentString(`
    query Workers {
  health {
    workers {
      hostname
    }
  }
}
    `) as unknown as TypedDocumentString<WorkersQuery, WorkersQueryVariables>;
export const RenameWorkspaceDocument = new TypedDocumentString(`
    mutation RenameWorkspace($id: ID!, $n: String!) {
  renameWorkspace(id: $id, name: $n) {
    name
  }
}
    `) as unknown as TypedDocumentString<RenameWorkspaceMutation, RenameWorkspaceMutationVariables>;
export const DeleteWorkspaceDocument = new TypedDocumentString(`
    mutation DeleteWorkspace($id: ID!, $n: String!) {
  deleteWorkspace(id: $id, confirmName: $n)
}
    `) as unknown as TypedDocumentString<DeleteWorkspaceMutation, DeleteWorkspaceMutationVariables>;
export const LeaveWorkspaceDocument = new TypedDocumentString(`
    mutation LeaveWorkspace($id: ID!) {
  leaveWorkspace(id: $id)
}
    `) as unknown as TypedDocumentString<LeaveWorkspaceMutation, LeaveWorkspaceMutationVariables>;
export const UploadOptionsDocument = new TypedDocumentString(`
    query UploadOptions {
  uploadOptions {
    fromBrowsers
  }
}
    `) as unknown as TypedDocumentString<UploadOptionsQuery, UploadOptionsQueryVariables>;
export const StartBrowserUploadsDocument = new TypedDocumentString(`
    mutation StartBrowserUploads($datasetId: ID!, $files: [DirectUploadFileInput!]!) {
  startDirectUploads(datasetId: $datasetId, files: $files) {
    key
    url
  }
}
    `) as unknown as TypedDocumentString<StartBrowserUploadsMutation, StartBrowserUploadsMutationVariables>;
export const FinishBrowserUploadsDocument = new TypedDocumentString(`
    mutation FinishBrowserUploads($datasetId: ID!, $uploads: [FinishedUploadInput!]!) {
  finishDirectUploads(datasetId: $datasetId, uploads: $uploads) {
    name
    status
    reason
  }
}
    `) as unknown as TypedDocumentString<FinishBrowserUploadsMutation, FinishBrowserUploadsMutationVariables>;
export const ImageWindowDocument = new TypedDocumentString(`
    query ImageWindow($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean, $failed: Boolean, $q: String, $sort: ImageSort, $desc: Boolean, $c: ID, $offset: Int, $n: Int) {
  images(
    datasetId: $d
    labelId: $label
    split: $split
    unlabelled: $unlabelled
    failed: $failed
    search: $q
    sort: $sort
    descending: $desc
    checkpointId: $c
    offset: $offset
    first: $n
  ) {
    totalCount
    nodes {
      id
      originalName
      labelId
      split
      thumbnailUrl
      suggestion {
        label
        confidence
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImageWindowQuery, ImageWindowQueryVariables>;