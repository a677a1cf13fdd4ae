// A 300 MB zip through the compiled API and worker: the API streams it to disk and into the database in
// 1 MB chunks, the worker copies it back to disk and reads entry by entry, so neither process's memory grows
// by anything near the archive's size (before, the API held the whole body and the worker the whole blob).
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { compiledServices, graphqlRequest, sharedDir, signUpAt } from "@retrain/testing";
import { afterAll, describe, expect, it } from "vitest";
import yazl from "yazl";

const PADDING_FILES = 12;
const PADDING_BYTES = 25 * 1024 * 1024; // over the 20 MB a photo may be: refused without being read

/** 10 real photos in class folders and 300 MB of random padding, written straight to a file. */
async function bigArchive(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "retrain-big-zip-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, "big.zip");
  const zip = new yazl.ZipFile();
  for (const label of ["daisy", "tulip"]) {
    const dir = path.join(sharedDir(), "datasets/flowers_small", label);
    for (const name of (await readdir(dir)).sort().slice(0, 5))
      zip.addBuffer(await readFile(path.join(dir, name)), `${label}/${name}`);
  }
  for (let i = 0; i < PADDING_FILES; i++) {
    async function* random() {
      for (let left = PADDING_BYTES; left > 0; left -= 1024 * 1024) yield randomBytes(Math.min(left, 1024 * 1024));
    }
    zip.addReadStream(Readable.from(random()), `padding/blob-${i}.jpg`, { compress: false, size: PADDING_BYTES });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

/** Peak resident memory of a process while `work` runs, sampled every 50 ms from /proc. */
async function peakRss(pids: number[], work: () => Promise<unknown>) {
  const rss = async (pid: number) =>
    Number((await readFile(`/proc/${pid}/status`, "utf8")).match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024;
  const baseline = await Promise.all(pids.map(rss));
  const peaks = [...baseline];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      (await Promise.all(pids.map(rss))).forEach((v, i) => {
        peaks[i] = Math.max(peaks[i] ?? 0, v);
      });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  return pids.map((_, i) => ((peaks[i] ?? 0) - (baseline[i] ?? 0)) / 1024 ** 2);
}

describe("a 300 MB archive", () => {
  it("streams through the API and the worker without either holding it in memory", async () => {
    const { api, worker } = await compiledServices({ SIGN_UP: "open" });
    const token = await signUpAt(api.url, "big-zip@example.com");
    const q = async <T>(query: string, variables: Record<string, unknown> = {}) =>
      (await graphqlRequest<T>(api.url, query, variables, token)).data as T;
    const { createWorkspace } = await q<{ createWorkspace: { id: string } }>(
      'mutation { createWorkspace(name: "Big") { id } }',
    );
    const { createDataset } = await q<{ createDataset: { id: string } }>(
      'mutation($w: ID!) { createDataset(workspaceId: $w, name: "big") { id } }',
      { w: createWorkspace.id },
    );
    const file = await bigArchive();
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(300 * 1024 * 1024);

    let jobId = "";
    const [apiGrowth, workerGrowth] = await peakRss([api.process.pid ?? 0, worker.process.pid ?? 0], async () => {
      const answer = await fetch(api.url.replace(/\/graphql$/, `/datasets/${createDataset.id}/archive`), {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/zip",
          "content-length": String(size),
        },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      expect(answer.status).toBe(202);
      jobId = ((await answer.json()) as { jobId: string }).jobId;
      for (;;) {
        const { job } = await q<{ job: { status: string } }>("query($id: ID!) { job(id: $id) { status } }", {
          id: jobId,
        });
        if (job.status !== "QUEUED" && job.status !== "RUNNING") break;
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    const { job } = await q<{
      job: { status: string; result: { accepted: number; rejected: number; rejections: { reason: string }[] } };
    }>(
      "query($id: ID!) { job(id: $id) { status result { ... on ImportResult { accepted rejected rejections { reason } } } } }",
      { id: jobId },
    );
    expect(job.status).toBe("SUCCEEDED");
    expect(job.result.accepted).toBe(10);
    expect(job.result.rejected).toBe(PADDING_FILES);
    expect(job.result.rejections[0]?.reason).toBe("larger than 20 MB");
    console.info(`300 MB archive: API RSS +${apiGrowth?.toFixed(0)} MB, worker RSS +${workerGrowth?.toFixed(0)} MB`);
    // The archive is 300 MB; each process may take a few dozen MB (chunks, the driver's copies, the photos).
    expect(apiGrowth).toBeLessThan(120);
    expect(workerGrowth).toBeLessThan(150);
  }, 300_000);
});
