import { type BaseModel, bottlenecksRepository, type Db, extractionClaimsRepository, vectorToBytes } from "@retrain/db";
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

/**
 * Claims chunks of a dataset's missing vectors for a base model and computes them until none is free: each
 * chunk's vectors are stored in one multi-row insert, then its claims end. Claims are renewed while a chunk
 * is computed (a third of their life), so only a dead owner's chunk goes to another worker.
 */
export async function workChunks(
  db: Db,
  work: { datasetId: string; baseModel: BaseModel; owner: string; pool: () => Promise<ExtractionPool> },
  settings: ChunkSettings,
  hooks: {
    signal?: AbortSignal;
    /** After each stored chunk. */
    onChunk?: () => Promise<void>;
    /** Images of the current chunk done so far (a slow model's chunk takes a while). */
    onProgress?: (doneInChunk: number) => void;
  } = {},
): Promise<ChunkTally> {
  const claims = extractionClaimsRepository(db);
  const bottlenecks = bottlenecksRepository(db);
  const { datasetId, baseModel, owner } = work;
  const tally: ChunkTally = { computed: 0, failed: 0, chunks: 0 };
  const renewal = setInterval(
    () => void claims.renew(owner, settings.claimSeconds).catch(() => {}),
    (settings.claimSeconds * 1000) / 3,
  );
  try {
    let after = "";
    while (!hooks.signal?.aborted) {
      const claim = (from: string) =>
        claims.claim(datasetId, baseModel.id, owner, settings.size, settings.claimSeconds, from);
      // Onwards from the last chunk; once at the end, from the start again (claims that expired meanwhile).
      let chunk = await claim(after);
      if (chunk.length === 0 && after !== "") chunk = await claim("");
      if (chunk.length === 0) return tally;
      after = chunk.at(-1)?.id ?? "";
      log.info({ datasetId, baseModelId: baseModel.id, images: chunk.length }, "extraction: chunk claimed");
      const vectors: { imageId: string; vector: Float32Array }[] = [];
      const failures: { imageId: string; reason: string }[] = [];
      // Bytes read READ_BATCH images a query, the next batch's read overlapping this one's extraction.
      const reads = Array.from({ length: Math.ceil(chunk.length / READ_BATCH) }, (_, i) =>
        chunk.slice(i * READ_BATCH, (i + 1) * READ_BATCH),
      );
      async function* items(): AsyncGenerator<ExtractionJob> {
        let next = reads[0] ? bottlenecks.imageBytes(reads[0].map((image) => image.sha256)) : undefined;
        for (const [i, batch] of reads.entries()) {
          const bytes = await next;
          const following = reads[i + 1];
          next = following ? bottlenecks.imageBytes(following.map((image) => image.sha256)) : undefined;
          for (const image of batch) {
            const found = bytes?.get(image.sha256);
            if (found) yield { key: image.id, item: { name: image.originalName, bytes: new Uint8Array(found) } };
            else failures.push({ imageId: image.id, reason: "its bytes are missing" }); // else claimed forever
          }
        }
      }
      await extractBottlenecks(items(), {
        pool: await work.pool(),
        total: chunk.length,
        signal: hooks.signal,
        store: { get: async () => undefined, put: async (imageId, vector) => void vectors.push({ imageId, vector }) },
        onFailure: (failed, reason) => void failures.push({ imageId: failed.key, reason }),
        onProgress: (p) => hooks.onProgress?.(p.done),
      });
      await bottlenecks.saveMany(
        vectors.map((v) => ({
          imageId: v.imageId,
          baseModelId: baseModel.id,
          vector: vectorToBytes(v.vector),
          dim: v.vector.length,
        })),
      );
      for (const f of failures) await bottlenecks.recordFailure(f.imageId, baseModel.id, f.reason);
      await claims.release(owner);
      extractedImages.inc(vectors.length);
      tally.computed += vectors.length;
      tally.failed += failures.length;
      tally.chunks += 1;
      await hooks.onChunk?.();
    }
    return tally;
  } finally {
    clearInterval(renewal);
    await claims.release(owner).catch(() => {}); // a stop mid-chunk hands it on at once
  }
}
