import {
  type BaseModel,
  bottlenecksRepository,
  type ClaimedImage,
  type Db,
  extractionClaimsRepository,
  vectorToBytes,
} from "@retrain/db";
import { type ExtractionJob, type ExtractionPool, extractBottlenecks } from "@retrain/engine";
import { log } from "../observability/log.js";
import { extractedImages } from "../observability/worker-metrics.js";

/** Images whose bytes are read in one query. */
const READ_BATCH = 32;

/** How chunks are claimed: their size, and how long a claim lasts unless its owner renews it. */
export interface ChunkSettings {
  size: number;
  claimSeconds: number;
}

export interface ChunkTally {
  computed: number;
  failed: number;
  chunks: number;
}

/** A claimed chunk: its images' vectors and failures as they come, stored together once every image has one. */
interface Chunk {
  images: ClaimedImage[];
  vectors: { imageId: string; vector: Float32Array }[];
  failures: { imageId: string; reason: string }[];
  left: number;
}

/**
 * Claims chunks of a dataset's missing vectors for a base model and computes them until none is free: each
 * chunk's vectors are stored in one multi-row insert, then its claims end. Claims are renewed while a chunk
 * is computed (a third of their life), so only a dead owner's chunk goes to another worker.
 *
 * The chunks flow through one pipeline: the next chunk is claimed and its bytes read while the last images of
 * this one are computed, and a finished chunk is stored while the next is computed. Chunk by chunk, the model's
 * thread sat idle at every boundary (store, claim, first read: about 100 ms a chunk of 256, 7% of the time).
 */
export async function workChunks(
  db: Db,
  work: { datasetId: string; baseModel: BaseModel; owner: string; pool: () => Promise<ExtractionPool> },
  settings: ChunkSettings,
  hooks: {
    signal?: AbortSignal;
    /** Asked before each claim: true ends the work once the chunks in hand are stored (none is cut short). */
    stopClaiming?: () => boolean;
    /** After each stored chunk. */
    onChunk?: () => Promise<void>;
    /** Images computed by this worker and not yet stored (a slow model's chunk takes a while). */
    onProgress?: (doneInChunk: number) => void;
  } = {},
): Promise<ChunkTally> {
  const claims = extractionClaimsRepository(db);
  const bottlenecks = bottlenecksRepository(db);
  const { datasetId, baseModel, owner } = work;
  const tally: ChunkTally = { computed: 0, failed: 0, chunks: 0 };
  /** The open chunk of each image being computed. */
  const chunkOf = new Map<string, Chunk>();
  let stored = 0; // images of chunks stored so far (progress counts the rest)
  let storing: Promise<void> = Promise.resolve();
  let storeFailed: unknown; // stops the extraction at its next chunk rather than at its end

  const store = async (chunk: Chunk) => {
    // Each insert adds the rows it added to the progress counter in the same statement: only rows this chunk
    // added (another worker may have stored some first: a claim that expired), and none lost to a kill between.
    const counter = { datasetId, baseModelId: baseModel.id };
    await bottlenecks.saveMany(
      chunk.vectors.map((v) => ({
        imageId: v.imageId,
        baseModelId: baseModel.id,
        vector: vectorToBytes(v.vector),
        dim: v.vector.length,
      })),
      counter,
    );
    await bottlenecks.recordFailures(chunk.failures, baseModel.id, datasetId);
    await claims.release(
      owner,
      chunk.images.map((image) => image.id),
    );
    extractedImages.inc(chunk.vectors.length);
    tally.computed += chunk.vectors.length;
    tally.failed += chunk.failures.length;
    tally.chunks += 1;
    stored += chunk.images.length;
    await hooks.onChunk?.();
  };
  /** An image has its vector or its reason; its chunk is stored when it was the chunk's last. */
  const finish = (imageId: string, result: { vector: Float32Array } | { reason: string }) => {
    const chunk = chunkOf.get(imageId);
    if (!chunk) return;
    chunkOf.delete(imageId);
    if ("vector" in result) chunk.vectors.push({ imageId, vector: result.vector });
    else chunk.failures.push({ imageId, reason: result.reason });
    if (--chunk.left > 0) return;
    // One chunk stored at a time, in order; a failure stops the extraction at its next chunk, or its end.
    storing = storing.then(() => store(chunk));
    storing.catch((error) => {
      storeFailed ??= error;
    });
  };

  let after = "";
  let claiming: Promise<ClaimedImage[]> | undefined; // the last claim asked for (the end waits for it)
  /** The next free chunk: onwards from the last one; once at the end, from the start again (expired claims). */
  const claimNext = () => {
    claiming = (async () => {
      if (hooks.signal?.aborted || hooks.stopClaiming?.()) return [];
      const claim = (from: string) =>
        claims.claim(datasetId, baseModel.id, owner, settings.size, settings.claimSeconds, from);
      let chunk = await claim(after);
      if (chunk.length === 0 && after !== "") chunk = await claim("");
      after = chunk.at(-1)?.id ?? "";
      return chunk;
    })();
    claiming.catch(() => {}); // thrown where it is awaited
    return claiming;
  };

  async function* images(first: ClaimedImage[]): AsyncGenerator<ExtractionJob> {
    let next = Promise.resolve(first);
    for (;;) {
      const images = await next;
      if (storeFailed) throw storeFailed;
      if (images.length === 0) return;
      log.info({ datasetId, baseModelId: baseModel.id, owner, images: images.length }, "extraction: chunk claimed");
      const chunk: Chunk = { images, vectors: [], failures: [], left: images.length };
      for (const image of images) chunkOf.set(image.id, chunk);
      // Bytes read READ_BATCH images a query, the next batch's read overlapping this one's extraction.
      const reads = Array.from({ length: Math.ceil(images.length / READ_BATCH) }, (_, i) =>
        images.slice(i * READ_BATCH, (i + 1) * READ_BATCH),
      );
      let bytes = bottlenecks.imageBytes((reads[0] ?? []).map((image) => image.sha256));
      for (const [i, group] of reads.entries()) {
        const found = await bytes;
        const following = reads[i + 1];
        if (following) bytes = bottlenecks.imageBytes(following.map((image) => image.sha256));
        else next = claimNext(); // this chunk's last bytes are in hand: the next chunk is claimed meanwhile
        for (const image of group) {
          const imageBytes = found.get(image.sha256);
          if (imageBytes)
            yield { key: image.id, item: { name: image.originalName, bytes: new Uint8Array(imageBytes) } };
          else finish(image.id, { reason: "its bytes are missing" }); // else claimed forever
        }
      }
    }
  }

  const renewal = setInterval(
    () => void claims.renew(owner, settings.claimSeconds).catch(() => {}),
    (settings.claimSeconds * 1000) / 3,
  );
  try {
    const first = await claimNext();
    if (first.length === 0) return tally; // a helper that finds no chunk free loads no model
    await extractBottlenecks(images(first), {
      pool: await work.pool(),
      signal: hooks.signal,
      store: { get: async () => undefined, put: async (imageId, vector) => finish(imageId, { vector }) },
      onFailure: (failed, reason) => finish(failed.key, { reason }),
      onProgress: (p) => hooks.onProgress?.(Math.max(0, p.done - stored)),
    });
    await storing;
    return tally;
  } finally {
    clearInterval(renewal);
    await claiming?.catch(() => {}); // a claim still in flight would outlive the release below
    await claims.release(owner).catch(() => {}); // a stop mid-chunk hands it on at once
  }
}
