import { z } from "zod";

// Every kind of background job, declared once: the queue its messages go to, what a message carries (ids
// only: the job's row holds the rest) and what it reports. The worker registers a handler for each kind,
// the database reads stored results through these schemas, and the API derives its JobKind enum and its
// JobResult union from them. Adding a kind: docs/contributing.md.

const count = (description: string) => z.number().int().describe(description);

/** A job's message: its row's id. */
const byJobId = z.object({ jobId: z.string() });

/** Reported by any kind while it runs, beside its own result: the rate, the time left, what ran the model. */
export const progressSchema = z
  .object({
    imagesPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
    /** What ran the base model: onnxruntime, or a TensorFlow.js backend. */
    backend: z.string().nullable(),
  })
  .partial();

export const JOB_KINDS = {
  EXTRACT: {
    queue: "extract",
    description: "Computes the bottleneck vectors a dataset lacks for a base model.",
    payload: byJobId,
    result: z
      .object({
        computed: count("Vectors computed."),
        failed: count("Images the base model could not read."),
        imagesPerSecond: z.number().describe("Images per second, end to end."),
        seconds: z.number().describe("Time taken."),
      })
      .meta({ title: "ExtractionResult", description: "What an extraction did (so far, while it runs)." }),
  },
  IMPORT_ARCHIVE: {
    queue: "import",
    description: "Imports a class-per-folder zip into a dataset.",
    payload: byJobId,
    result: z
      .object({
        accepted: count("Images stored."),
        duplicates: count("Images the dataset had already."),
        rejected: count("Files not imported."),
        rejections: z
          .array(
            z
              .object({ name: z.string().describe("Its path in the archive."), reason: z.string().describe("Why.") })
              .meta({ title: "Rejection", description: "A file that was not imported, and why." }),
          )
          .describe("The first 200 of them, with reasons."),
      })
      .meta({ title: "ImportResult", description: "What an archive import did (so far, while it runs)." }),
  },
  TRAIN: {
    queue: "train",
    description: "Trains a run (extracting what is missing first).",
    // Messages queued before runs had a job row name the run instead.
    payload: z.union([byJobId, z.object({ runId: z.string() })]),
    result: z.object({ checkpointStep: count("The epoch its checkpoint keeps.") }).meta({
      title: "TrainingResult",
      description: "What a training job saved (the run holds its metrics and evaluation).",
    }),
  },
  HEALTH: {
    queue: "health",
    description: "Checks a dataset's health for a base model (extracting what is missing first).",
    payload: byJobId,
    result: z
      .object({
        images: count("Labelled images checked."),
        duplicateGroups: count("Groups of near-duplicates."),
        leakingGroups: count("Of them, groups spanning splits."),
        mislabeled: count("Likely mislabeled images."),
        strays: count("Images far from every class."),
        stage: z.string().nullish().describe("While it runs: extract, neighbours, folds (out-of-fold heads) or map."),
      })
      .meta({
        title: "HealthResult",
        description: "What a health check found (the dataset's `health` has the findings).",
      }),
  },
  PREPARE_BASE_MODEL: {
    queue: "prepare",
    description:
      "Downloads a base model into the worker's cache and converts it for ONNX Runtime, so its first extraction starts at once.",
    payload: byJobId,
    result: z
      .object({
        megabytes: z.number().describe("The size of its files."),
        runsOn: z.string().describe("What runs it on the worker: onnxruntime, or TensorFlow.js and why."),
        seconds: z.number().describe("Time taken."),
      })
      .meta({ title: "PreparationResult", description: "What preparing a base model did." }),
  },
} as const satisfies Record<string, JobKindDefinition>;

export interface JobKindDefinition {
  /** pg-boss queue name: workers take this kind's messages from it. */
  queue: string;
  description: string;
  payload: z.ZodType<object>;
  /** What it reports, as the API shows it: numbers, strings, booleans and lists of objects of those. */
  result: z.ZodObject;
}

export type JobKind = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_KINDS)[K]["payload"]>;
/** A finished job's result. */
export type JobResult<K extends JobKind> = z.infer<(typeof JOB_KINDS)[K]["result"]>;
/** What any kind may report beside its result. */
export type JobProgress = z.infer<typeof progressSchema>;
/** A result as stored: partial while the job runs, with the progress every kind may report. */
export type StoredJobResult<K extends JobKind = JobKind> = Partial<JobResult<K>> & JobProgress;

export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as JobKind[];

export const isJobKind = (kind: string): kind is JobKind => Object.hasOwn(JOB_KINDS, kind);

/** The queue names, one per kind. */
export const QUEUES = [...new Set(JOB_KIND_NAMES.map((kind) => JOB_KINDS[kind].queue))];

/** Each kind's stored shape: its result, partial while it runs, with the progress fields. */
const storedSchemas = new Map<JobKind, z.ZodType>(
  JOB_KIND_NAMES.map((kind) => [kind, JOB_KINDS[kind].result.partial().extend(progressSchema.shape)]),
);

/**
 * A stored result read back: typed by its kind's schema. A value that does not fit (written by a different
 * version, or by hand) reads as no result rather than a lie.
 */
export function parseJobResult<K extends JobKind>(kind: K, value: unknown): StoredJobResult<K> | null {
  if (value === null || value === undefined) return null;
  const parsed = storedSchemas.get(kind)?.safeParse(value);
  return parsed?.success ? (parsed.data as StoredJobResult<K>) : null;
}
