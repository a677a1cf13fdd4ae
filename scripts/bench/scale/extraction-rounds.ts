import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { RetrainClient } from "@retrain/client";
import { createPrismaClient } from "@retrain/db";
import {
  graphqlRequest,
  type ServiceProcess,
  seededModelCache,
  sharedDir,
  type ThrowawayProduct,
  until,
} from "@retrain/testing";
import { cpuMeter } from "./cpu-accounting.js";
import { convertedModel, modelAloneScaling } from "./model-alone.js";
import { everyCore, median, peakRssMb, pinTo, ratioOf } from "./pinning.js";

const START = "mutation($d: ID!, $m: ID!) { startExtraction(datasetId: $d, baseModelId: $m) { id } }";
/** Pairs of one-worker and two-worker runs, alternated: the ratio reported is their median. */
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 3);

interface TimedExtraction {
  seconds: number;
  imagesPerSecond: number;
  stored: number;
  cpu: ReturnType<ReturnType<typeof cpuMeter>>;
}

interface Round {
  oneWorker: TimedExtraction;
  twoWorkers: TimedExtraction;
  ratio: number;
  modelAlone: Awaited<ReturnType<typeof modelAloneScaling>>;
}

const cpuLine = ({ cpu }: TimedExtraction) =>
  `${cpu.workersMsPerImage}/${cpu.othersMsPerImage}${cpu.stealPercent ? ` (steal ${cpu.stealPercent}%)` : ""}`;

/**
 * Import, then extraction by one worker and by two, with every process given `settings` (the blob store).
 * Each worker stands for a host: its own model cache and temporary folder (kept across its restarts, as a
 * host's disk), one extraction thread, pinned to a core of its own (every thread).
 */
export async function importAndExtract(product: ThrowawayProduct, settings: Record<string, string>) {
  const api = await product.startApi(settings);
  const client = await RetrainClient.signUp(new URL(api.url).origin, {
    email: "scale@bench.test",
    name: "Scale",
    password: "correct horse",
  });
  const datasetId = await client.createDataset(await client.createWorkspace("Scale"), "flowers");
  const photosDir = path.join(sharedDir(), "datasets/flowers_small");
  const importStarted = performance.now();
  const uploaded = await client.uploadFolder(datasetId, photosDir, 100);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const images = uploaded.filter((r) => r.status === "ACCEPTED").length;
  console.log(`imported ${images} photos in ${importSeconds.toFixed(1)} s: ${(images / importSeconds).toFixed(0)}/s`);
  const modelId = await client.baseModelId("mobilenet_v2_035_224");
  const db = createPrismaClient(product.databaseUrl);

  const hostDisk = async () => ({
    MODEL_CACHE_DIR: await seededModelCache(),
    TMPDIR: await mkdtemp(path.join(os.tmpdir(), "retrain-host-")),
  });
  const disks = [await hostDisk(), await hostDisk()] as const;
  const host = (disk = disks[0]) => product.startWorker({ ...settings, ...disk, EXTRACTION_THREADS: "1" });
  const peaks = { firstWorker: 0, secondWorker: 0 };
  /** Stops a host as a deploy would (SIGTERM), keeping its peak RSS. */
  async function stop(worker: ServiceProcess, which: keyof typeof peaks) {
    peaks[which] = Math.max(peaks[which], peakRssMb(worker.process.pid ?? 0));
    worker.kill("SIGTERM");
    await worker.exited;
  }

  /**
   * One extraction of every photo, timed by the job's own row (queued to finished), so looking for its end
   * once a second costs neither precision nor the API's cores (a GraphQL question costs it about 6 ms).
   */
  async function extraction(...workers: ServiceProcess[]): Promise<TimedExtraction> {
    await db.bottleneck.deleteMany({ where: { baseModelId: modelId } });
    const meter = cpuMeter(workers.map((w) => w.process.pid ?? 0));
    const token = client.token ?? "";
    const job = await graphqlRequest<{ startExtraction: { id: string } }>(
      api.url,
      START,
      { d: datasetId, m: modelId },
      token,
    );
    const id = job.data?.startExtraction.id ?? "";
    const ended = await until(
      "the extraction",
      async () => {
        const row = await db.job.findUniqueOrThrow({ where: { id } });
        if (row.status === "FAILED") throw new Error(`extraction failed: ${row.error}`);
        return row.status === "SUCCEEDED" && row;
      },
      1_800_000,
      1000,
    );
    const seconds = ((ended.finishedAt?.getTime() ?? Number.NaN) - ended.createdAt.getTime()) / 1000;
    const stored = await db.bottleneck.count({ where: { baseModelId: modelId } });
    const cpu = meter(stored);
    return { seconds: Math.round(seconds * 10) / 10, imagesPerSecond: Math.round(stored / seconds), stored, cpu };
  }

  // Warm hosts: a process's first extraction also converts the model for its cache and compiles its code
  // (measured once: 373 against 380 images/s), so each host extracts once untimed; the second host's, as it
  // joins the first, is its own line.
  const first = await host();
  const warmUp = await extraction(first);
  console.log(`one worker, its first extraction (untimed warm-up): ${warmUp.imagesPerSecond} images/s`);
  pinTo(first.process.pid ?? 0, "0");
  let second = await host(disks[1]);
  pinTo(second.process.pid ?? 0, "1");
  const secondHostCold = await extraction(first, second);
  console.log(`two workers, a core each, the second host's first run: ${secondHostCold.imagesPerSecond} images/s`);
  await stop(second, "secondWorker");

  // The rounds: the network alone on one core and on two, one worker on core 0, then two workers (the
  // second host restarted on core 1: an idle worker would join the one-worker run), a minute apart at most.
  const onnxPath = await convertedModel(disks[0].MODEL_CACHE_DIR);
  const daisies = path.join(photosDir, "daisy");
  const photos = (await readdir(daisies)).slice(0, 4).map((f) => path.join(daisies, f));
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const modelAlone = await modelAloneScaling(onnxPath, photos);
    const one = await extraction(first);
    second = await host(disks[1]);
    pinTo(second.process.pid ?? 0, "1");
    const two = await extraction(first, second);
    await stop(second, "secondWorker");
    const ratio = ratioOf(two.imagesPerSecond, one.imagesPerSecond);
    rounds.push({ oneWorker: one, twoWorkers: two, ratio, modelAlone });
    console.log(
      `round ${round}, a core each: one worker ${one.imagesPerSecond} images/s, two ${two.imagesPerSecond}: ${ratio}x` +
        ` (the network alone: ${modelAlone.one} -> ${modelAlone.two} images/s, ${modelAlone.ratio}x);` +
        ` ms of a core an image, workers/others: ${cpuLine(one)}, ${cpuLine(two)}`,
    );
  }

  // Unpinned, one worker also takes the second core (its main thread, PostgreSQL's share), which the second
  // "host" then needs: that ratio measures the two cores, not the sharing.
  pinTo(first.process.pid ?? 0, everyCore);
  const oneSharing = await extraction(first);
  console.log(`one worker, every core: ${oneSharing.imagesPerSecond} images/s`);
  second = await host(disks[1]);
  const twoSharing = await extraction(first, second);
  console.log(`two workers, every core: ${twoSharing.imagesPerSecond} images/s`);
  const apiPeak = peakRssMb(api.process.pid ?? 0);
  await Promise.all([stop(first, "firstWorker"), stop(second, "secondWorker")]);

  const middle = rounds.find((r) => r.ratio === median(rounds.map((x) => x.ratio))) ?? rounds[0];
  const numbers = {
    images,
    import: { seconds: Math.round(importSeconds), imagesPerSecond: Math.round(images / importSeconds) },
    /** The round of the median ratio. */
    oneWorker: middle?.oneWorker,
    twoWorkers: middle?.twoWorkers,
    ratio: middle?.ratio,
    rounds,
    /** The same of the network alone: the median of the rounds' ratios. */
    modelAloneRatio: median(rounds.map((r) => r.modelAlone.ratio)),
    /** The second host on its first extraction (converting the model, compiling its code). */
    twoWorkersSecondHostCold: secondHostCold,
    /** Without pinning: both workers (and the database, and the API) on both cores. */
    sharingCores: {
      oneWorker: oneSharing,
      twoWorkers: twoSharing,
      ratio: ratioOf(twoSharing.imagesPerSecond, oneSharing.imagesPerSecond),
    },
    peakRssMb: { api: apiPeak, ...peaks },
  };
  return { numbers, db, client, datasetId, modelId, images, host };
}
