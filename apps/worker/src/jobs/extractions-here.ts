/**
 * The extractions this process works on, by (dataset, base model). A help message for vectors this process
 * already extracts is not taken up (a second pipeline on the same cores only slows the first), including one
 * left in the queue by an earlier extraction of the same vectors and taken as this one starts. A process's
 * own extractions are counted: an extraction job and a training run's may need the same vectors at once.
 */
const own = new Map<string, number>();
const helped = new Set<string>();

export const extractionKey = (datasetId: string, baseModelId: string) => `${datasetId}:${baseModelId}`;

/** Whether this process runs an extraction of its own of these vectors (a helper here stops claiming). */
export const extractingHere = (key: string) => own.has(key);

/** Runs one of this process's own extractions; marked before anything is awaited. */
export async function asOwnExtraction<T>(key: string, work: () => Promise<T>): Promise<T> {
  own.set(key, (own.get(key) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (own.get(key) ?? 1) - 1;
    if (left > 0) own.set(key, left);
    else own.delete(key);
  }
}

/** Runs a helper, unless this process already extracts or helps with these vectors (then: undefined). */
export async function asHelper<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
  if (own.has(key) || helped.has(key)) return undefined;
  helped.add(key);
  try {
    return await work();
  } finally {
    helped.delete(key);
  }
}
