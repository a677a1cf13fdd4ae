import type { RetrainClient } from "@retrain/client";
import type { Db } from "@retrain/db";
import type { ServiceProcess } from "@retrain/testing";
import { peakRssMb } from "./pinning.js";

const TRAINING_VECTORS = Number(process.env.SCALE_TRAINING_VECTORS ?? 100_000);

interface ExtractedDataset {
  db: Db;
  client: RetrainClient;
  datasetId: string;
  modelId: string;
  images: number;
  /** Starts a worker as another host runs it. */
  host: () => Promise<ServiceProcess>;
}

/**
 * Training at 100,000 vectors: the real images and vectors cloned by SQL (new hashes, the same labels and
 * splits, the same vectors), then one run on a fresh worker (its peak RSS is the training's alone).
 */
export async function trainAtScale(run: ExtractedDataset) {
  const { db, client, datasetId, modelId, images } = run;
  const copies = Math.max(0, Math.ceil(TRAINING_VECTORS / images) - 1);
  await cloneImages(db, datasetId, modelId, copies);
  const vectors = await db.bottleneck.count({ where: { baseModelId: modelId } });
  const trainer = await run.host();
  const trainingStarted = performance.now();
  const experimentId = await client.createExperiment({ datasetId, baseModelId: modelId, name: "at scale" });
  const result = await client.waitForRun(await client.startRun(experimentId), { pollMs: 500, timeoutMs: 1_800_000 });
  const training = {
    vectors,
    status: result.status,
    seconds: Math.round((performance.now() - trainingStarted) / 100) / 10,
    workerPeakRssMb: peakRssMb(trainer.process.pid ?? 0),
    testAccuracy: result.metrics?.testAccuracy ?? null,
  };
  console.log(`training on ${vectors} vectors: ${result.status} in ${training.seconds} s`);
  return training;
}

async function cloneImages(db: Db, datasetId: string, modelId: string, copies: number) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Blob" (sha256, bytes, size, "mimeType")
     SELECT i.sha256 || '-copy' || g, ''::bytea, 0, 'image/jpeg'
     FROM "Image" i, generate_series(1, $1::int) g WHERE i."datasetId" = $2`,
    copies,
    datasetId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Image" (id, "datasetId", "labelId", split, sha256, width, height, format, "originalName")
     SELECT i.id || 'c' || g, i."datasetId", i."labelId", i.split, i.sha256 || '-copy' || g, i.width, i.height,
            i.format, 'copy' || g || '-' || i."originalName"
     FROM "Image" i, generate_series(1, $1::int) g WHERE i."datasetId" = $2`,
    copies,
    datasetId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Bottleneck" (id, "imageId", "baseModelId", variant, dim, vector)
     SELECT b.id || 'c' || g, b."imageId" || 'c' || g, b."baseModelId", b.variant, b.dim, b.vector
     FROM "Bottleneck" b JOIN "Image" i ON i.id = b."imageId", generate_series(1, $1::int) g
     WHERE i."datasetId" = $2 AND b."baseModelId" = $3`,
    copies,
    datasetId,
    modelId,
  );
}
