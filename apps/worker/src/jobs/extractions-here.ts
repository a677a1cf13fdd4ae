/**
 * The extraction pipelines this process runs. A host helps with one extraction at a time, and with none
 * while it runs one of its own: its threads are sized to its cores, and a second pipeline on them only slows
 * the first (a help message left in the queue by an earlier extraction of the same vectors, taken as this one
 * started, had done just that). A helper stops claiming once its process starts an extraction of its own.
 * Its own extractions all run (an extraction job and a training run's may need vectors at once): counted.
 */
let own = 0;
let helping = false;

/** Whether this process runs an extraction of its own (a helper here stops claiming). */
export const extractingHere = () => own > 0;

/** Runs one of this process's own extractions; marked before anything is awaited. */
export async function asOwnExtraction<T>(work: () => Promise<T>): Promise<T> {
  own += 1;
  try {
    return await work();
  } finally {
    own -= 1;
  }
}

/** Runs a helper, unless this process already extracts or helps (then: undefined). */
export async function asHelper<T>(work: () => Promise<T>): Promise<T | undefined> {
  if (own > 0 || helping) return undefined;
  helping = true;
  try {
    return await work();
  } finally {
    helping = false;
  }
}
