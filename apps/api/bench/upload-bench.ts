// `pnpm bench:upload`: photos into a dataset through the streamed REST route (multipart, no base64) against
// GraphQL's uploadImages (base64 in JSON), in one run: rounds alternate, each into a fresh dataset, batches of
// 25 photos, one client (a script uploading a folder) and then two at once, the client's own work (reading,
// encoding) counted as a script's would be. Two kinds of photos: 400 flowers_small photos as they are
// (128 x 128, about 3 KB), and 100 of them made camera-sized (1600 x 1200 JPEGs, about 150 KB: the size of
// what teams upload). Target (issue 22): multipart at least 2x base64's photos per second. Needs ../shared.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sharedDir, startThrowawayProduct, userWithWorkspace } from "@retrain/testing";
import sharp from "sharp";

const BATCH = 25;
const ROUNDS = 3;
const product = await startThrowawayProduct("upload-bench", { compiled: true });
try {
  const api = await product.startApi();
  const { token, gql, workspaceId } = await userWithWorkspace(api.url, "upload-bench@example.com");
  const root = path.join(sharedDir(), "datasets/flowers_small");
  const small: { path: string; label: string }[] = [];
  for (const label of (await readdir(root)).sort())
    for (const name of (await readdir(path.join(root, label))).sort().slice(0, 80))
      small.push({ path: path.join(root, label, name), label });
  const work = await mkdtemp(path.join(os.tmpdir(), "upload-bench-"));
  const large: typeof small = [];
  for (const [i, photo] of small.filter((_, i) => i % 4 === 0).entries()) {
    const file = path.join(work, photo.label, `large-${i}.jpg`);
    await mkdir(path.dirname(file), { recursive: true });
    await sharp(photo.path).resize(1600, 1200, { kernel: "lanczos3" }).jpeg({ quality: 90 }).toFile(file);
    large.push({ path: file, label: photo.label });
  }
  let datasets = 0;
  const freshDataset = async () =>
    (
      await gql<{ createDataset: { id: string } }>(
        "mutation($w: ID!, $n: String!) { createDataset(workspaceId: $w, name: $n) { id } }",
        { w: workspaceId, n: `round ${++datasets}` },
      )
    ).createDataset.id;

  const viaBase64 = async (datasetId: string, batch: typeof small) => {
    const encoded = await Promise.all(
      batch.map(async (f) => ({
        name: path.basename(f.path),
        label: f.label,
        base64: (await readFile(f.path)).toString("base64"),
      })),
    );
    const answer = await gql<{ uploadImages: { status: string }[] }>(
      "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }",
      { d: datasetId, f: encoded },
    );
    return answer.uploadImages.filter((r) => r.status === "ACCEPTED").length;
  };
  const viaMultipart = async (datasetId: string, batch: typeof small) => {
    const form = new FormData();
    for (const f of batch)
      form.append(
        "files",
        new Blob([new Uint8Array(await readFile(f.path))], { type: "image/jpeg" }),
        `${f.label}/${path.basename(f.path)}`,
      );
    const response = await fetch(api.url.replace(/\/graphql$/, `/v1/datasets/${datasetId}/images`), {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const { results } = (await response.json()) as { results: { status: string }[] };
    return results.filter((r) => r.status === "ACCEPTED").length;
  };

  /** Every photo into a fresh dataset, `clients` batches in flight: photos per second. */
  const round = async (send: typeof viaBase64, files: typeof small, clients: number) => {
    const datasetId = await freshDataset();
    const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, i) =>
      files.slice(i * BATCH, (i + 1) * BATCH),
    );
    const t0 = performance.now();
    let accepted = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const landed = await send(datasetId, batch); // not `accepted += await ...`: two clients add at once
          accepted += landed;
        }
      }),
    );
    if (accepted !== files.length) throw new Error(`only ${accepted} of ${files.length} photos were accepted`);
    return files.length / ((performance.now() - t0) / 1000);
  };

  await round(viaBase64, small, 2); // warm-up: connections, sharp, the database's caches
  await round(viaMultipart, small, 2);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const list = (values: number[]) => values.map((r) => r.toFixed(1)).join(", ");
  console.log(`batches of ${BATCH}, ${ROUNDS} rounds each, alternating, photos per second:`);
  for (const [kind, files] of [
    ["flowers_small", small],
    ["camera-sized", large],
  ] as const) {
    const megabytes = (await Promise.all(files.map((f) => readFile(f.path)))).reduce((n, b) => n + b.length, 0) / 1e6;
    for (const clients of [1, 2]) {
      const rates = { base64: [] as number[], multipart: [] as number[] };
      for (let i = 0; i < ROUNDS; i++) {
        rates.base64.push(await round(viaBase64, files, clients));
        rates.multipart.push(await round(viaMultipart, files, clients));
      }
      const [b, m] = [median(rates.base64), median(rates.multipart)];
      console.log(
        `  ${files.length} ${kind} photos (${megabytes.toFixed(1)} MB), ${clients} client${clients > 1 ? "s" : ""}: ` +
          `GraphQL base64 ${b.toFixed(1)} (${list(rates.base64)}), REST multipart ${m.toFixed(1)} (${list(rates.multipart)}): ${(m / b).toFixed(2)}x (target >= 2x)`,
      );
    }
  }
  await rm(work, { recursive: true, force: true });
} finally {
  await product.stop();
}
