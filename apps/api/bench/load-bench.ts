// Load benchmark: `pnpm bench:load` from the repository root (LOAD_SECONDS, default 60, sets how long).
// Starts a throw-away product (embedded PostgreSQL, one API, two workers), trains a flowers classifier and
// invites eight members, then has them all work at once: uploading batches of real photos, starting training
// runs, reading run pages and predicting through the production alias. Reports requests per second, p50/p99
// latency and errors by code per operation, and the API's memory. Fails (exit code 1) on any 5xx, any
// accepted upload missing from the database, or any run left unfinished. Needs ../shared.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { flowerUploads, graphqlRequest, startThrowawayProduct, trainedFlowersWorkspace } from "@retrain/testing";
import sharp from "sharp";
import { printReports, runScenarios, type Scenario } from "./load-scenarios.js";
import { finishedRuns, inviteMembers, storedImageIds } from "./load-team.js";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const MEMBERS = 8;
const root = path.resolve(import.meta.dirname, "../../..");
const rssMb = async (pid: number) =>
  Number((await readFile(`/proc/${pid}/status`, "utf8")).match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
const PREDICT =
  'mutation($e: ID!, $i: [PredictImageInput!]) { predict(experimentId: $e, alias: "production", images: $i, topK: 3) { latencyMs } }';
const RUN_PAGE =
  "query($e: ID!) { experiment(id: $e) { name runs(last: 10) { nodes { id status metrics { testAccuracy validationAccuracy } epochs { epoch trainLoss validationAccuracy } checkpoints { id step } } } } }";
const UPLOAD =
  "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status imageId } }";

// The services as they ship: compiled by `pnpm build`, which the npm script runs first.
const product = await startThrowawayProduct("load", { compiled: true });
const failures: string[] = [];
try {
  const api = await product.startApi({ SIGN_UPS_PER_ADDRESS: "100" });
  await Promise.all([product.startWorker(), product.startWorker()]);
  console.log(`setting up: a trained flowers classifier and ${MEMBERS} members...`);
  const owner = await trainedFlowersWorkspace(api.url, "owner@load.test");
  const members = await inviteMembers(api.url, owner, MEMBERS);
  const uploads = await graphqlRequest<{ createDataset: { id: string } }>(
    api.url,
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "uploads") { id } }',
    { w: owner.workspaceId },
    owner.token,
  );
  const datasetId = uploads.data?.createDataset.id ?? "";
  const photos = await flowerUploads(["daisy", "dandelion", "rose", "sunflower", "tulip"], 300, 30);
  const photo = (
    await sharp(Buffer.from(photos[0]?.base64 ?? "", "base64"))
      .resize(224, 224)
      .jpeg()
      .toBuffer()
  ).toString("base64");
  let turn = 0;
  const member = () => members[turn++ % members.length] ?? owner.token;
  const predictVariables = { e: owner.experimentId, i: [{ base64: photo }] };

  const accepted = new Set<string>();
  let uploaded = 0;
  const runIds: string[] = [];
  const scenarios: Scenario[] = [
    {
      operation: "predict (alias)",
      connections: 8,
      next: () => ({ query: PREDICT, variables: predictVariables, token: member() }),
    },
    {
      operation: "run page",
      connections: 4,
      next: () => ({ query: RUN_PAGE, variables: { e: owner.experimentId }, token: member() }),
    },
    {
      operation: "upload (5 photos)",
      connections: 2,
      next: () => {
        // 1,500 photos; a longer run sends them again (answered DUPLICATE, stored once).
        const batch = photos.slice(uploaded % photos.length, (uploaded % photos.length) + 5);
        uploaded += 5;
        return { query: UPLOAD, variables: { d: datasetId, f: batch }, token: member() };
      },
      onData: (data) => {
        for (const r of (data as { uploadImages: { status: string; imageId: string }[] }).uploadImages)
          if (r.status === "ACCEPTED") accepted.add(r.imageId);
      },
    },
  ];
  // Warm: the prediction pool (worker threads holding the base model) loads with the first prediction.
  for (let i = 0; i < 20; i++) await graphqlRequest(api.url, PREDICT, predictVariables, owner.token);
  const pid = api.process.pid ?? 0;
  const memory = { warm: await rssMb(pid), end: 0, idle: 0 };
  // Training runs, started by members every few seconds while the rest goes on.
  const runStarter = (async () => {
    for (const end = Date.now() + SECONDS * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 6000))) {
      const answer = await graphqlRequest<{ startRun: { id: string } }>(
        api.url,
        "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
        { e: owner.experimentId },
        member(),
      );
      if (answer.data) runIds.push(answer.data.startRun.id);
      else failures.push(`startRun: ${JSON.stringify(answer.errors)}`);
    }
  })();

  console.log(`${MEMBERS} members, ${SECONDS} s: uploads, runs, run pages and predictions at once...`);
  const reports = await runScenarios(api.url, scenarios, SECONDS);
  await runStarter;
  memory.end = await rssMb(pid);
  const runs = await finishedRuns(api.url, owner.token, runIds, 600_000);
  memory.idle = await rssMb(pid);
  const stored = await storedImageIds(api.url, owner.token, datasetId);
  const missing = [...accepted].filter((id) => !stored.has(id)).length;

  printReports(reports);
  await mkdir(path.join(root, "bench-results"), { recursive: true });
  console.log(`training runs started under load: ${runIds.length}, ended: ${JSON.stringify(runs ?? "not all")}`);
  console.log(`uploads answered ACCEPTED: ${accepted.size}, stored: ${stored.size}, missing: ${missing}`);
  console.log(
    `API memory (RSS): ${memory.warm.toFixed(0)} MB warm, ${memory.end.toFixed(0)} MB at the end of the load, ` +
      `${memory.idle.toFixed(0)} MB once the runs ended`,
  );
  await writeFile(path.join(root, "bench-results/load-api.log"), api.output());
  for (const r of reports) if (r.serverErrors > 0) failures.push(`${r.operation}: ${r.serverErrors} answers 5xx`);
  if (!runs) failures.push("runs left unfinished after 10 minutes");
  else if (Object.keys(runs).some((s) => s !== "SUCCEEDED")) failures.push(`runs: ${JSON.stringify(runs)}`);
  if (missing > 0) failures.push(`${missing} accepted uploads missing`);
  const results = { date: new Date().toISOString(), cores: os.availableParallelism(), seconds: SECONDS };
  await writeFile(
    path.join(root, "bench-results/load.json"),
    JSON.stringify({ ...results, members: MEMBERS, reports, runs, uploads: accepted.size, memory, failures }, null, 2),
  );
} finally {
  await product.stop();
}
if (failures.length > 0) {
  console.error(`FAILED:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("held: no 5xx, no accepted upload lost, every run finished");
