// `npm run bench:scale` (needs ../shared and Ceph's radosgw): one extraction shared by workers that share
// nothing but the database, against one worker, with the blobs in PostgreSQL and then in an S3-compatible
// store (Ceph's RADOS Gateway on a one-node cluster started here). For each store a throw-away product runs
// compiled (embedded PostgreSQL, the API); all flowers_small photos (4,317, real JPEGs) are imported through
// the streamed upload route (images/s); then MobileNetV2-0.35 vectors are extracted by one worker with one
// extraction thread, the vectors deleted, and extracted again by two such workers (each its own model cache
// and temporary folder, as two hosts, each pinned to a core of its own), in alternating rounds beside the
// network alone on one core and on two (what these shared cores give that minute); then once unpinned. In
// one run: images/s each way, the median ratio (issue 23's target: >= 1.7x) between warm hosts, and each
// process's peak RSS. Then, on the PostgreSQL product, one training run on 100,000 vectors (the real ones
// cloned by SQL with their images, as labelled copies): time and the training worker's peak RSS.
// Writes bench-results/scale.json. (The 100,000-image import and extraction are not in it.)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type RadosGateway, startRadosGateway, startThrowawayProduct } from "@retrain/testing";
import { importAndExtract } from "./extraction-rounds.js";
import { trainAtScale } from "./training-at-scale.js";

// The S3 store first (its product and gateway stopped before the PostgreSQL run starts), then PostgreSQL,
// whose product goes on to the training measurement.
let gateway: RadosGateway | undefined;
const s3Product = await startThrowawayProduct("scale-s3", { compiled: true });
let s3: Awaited<ReturnType<typeof importAndExtract>>["numbers"];
try {
  gateway = await startRadosGateway(4096);
  console.log("blobs in the RADOS Gateway (S3)");
  const run = await importAndExtract(s3Product, gateway.settings("scale"));
  s3 = run.numbers;
  await run.db.$disconnect();
} finally {
  await s3Product.stop();
  await gateway?.stop();
}
const product = await startThrowawayProduct("scale", { compiled: true });
try {
  console.log("blobs in PostgreSQL");
  const run = await importAndExtract(product, {});
  const training = await trainAtScale(run);
  const results = {
    postgres: run.numbers,
    s3,
    training,
    targets: { importPerSecond: 200, extractionTwoWorkers: 400, ratio: 1.7, rssMb: 1024, trainingSeconds: 60 },
  };
  console.log(JSON.stringify(results, null, 2));
  await mkdir("bench-results", { recursive: true });
  await writeFile(path.join("bench-results", "scale.json"), `${JSON.stringify(results, null, 2)}\n`);
  await run.db.$disconnect();
} finally {
  await product.stop();
}
