// `pnpm bench:archive`: every flowers_small photo (class folders) as one zip through POST
// /datasets/:id/archive on a compiled throw-away product with one worker, timed from the request to the job's
// end: photos/s and the job's counts, three rounds, each into a fresh dataset. Needs ../shared.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "@retrain/db";
import { sharedDir, startThrowawayProduct, until, userWithWorkspace, zipOf } from "@retrain/testing";

const ROUNDS = 3;
const product = await startThrowawayProduct("archive-bench", { compiled: true });
const db = createPrismaClient(product.databaseUrl);
try {
  const api = await product.startApi();
  await product.startWorker();
  const { token, gql, workspaceId } = await userWithWorkspace(api.url, "archive-bench@example.com");
  const root = path.join(sharedDir(), "datasets/flowers_small");
  const files: Record<string, Buffer> = {};
  for (const label of (await readdir(root)).sort())
    for (const name of (await readdir(path.join(root, label))).sort())
      files[`${label}/${name}`] = await readFile(path.join(root, label, name));
  const zip = await zipOf(files);
  console.log(`${Object.keys(files).length} photos, a zip of ${(zip.length / 1e6).toFixed(1)} MB`);
  for (let round = 1; round <= ROUNDS; round++) {
    const { createDataset } = await gql<{ createDataset: { id: string } }>(
      "mutation($w: ID!, $n: String!) { createDataset(workspaceId: $w, name: $n) { id } }",
      { w: workspaceId, n: `round ${round}` },
    );
    const started = performance.now();
    const response = await fetch(new URL(`/datasets/${createDataset.id}/archive`, api.url), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/zip" },
      body: zip,
    });
    if (!response.ok) throw new Error(`the archive was refused: ${response.status} ${await response.text()}`);
    const { jobId } = (await response.json()) as { jobId: string };
    const job = await until(
      "the import",
      async () => {
        const row = await db.job.findUniqueOrThrow({ where: { id: jobId } });
        return row.finishedAt ? row : undefined;
      },
      600_000,
    );
    const seconds = (performance.now() - started) / 1000;
    const { accepted, duplicates, rejected } = job.result as Record<string, number>;
    console.log(
      `round ${round}: ${job.status}, ${accepted} accepted, ${duplicates} duplicates, ${rejected} rejected in ` +
        `${seconds.toFixed(1)} s: ${Math.round(((accepted ?? 0) + (duplicates ?? 0)) / seconds)} photos/s`,
    );
  }
} finally {
  await db.$disconnect();
  await product.stop();
}
