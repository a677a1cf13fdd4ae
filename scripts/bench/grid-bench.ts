// `npm run bench:grid`: the dataset page at 100,000 images, in Debian's Chromium against the compiled product
// (throw-away embedded PostgreSQL, API, dashboard). 100 real flowers_small photos are uploaded through the API;
// SQL then adds 99,900 image rows that reuse their thumbnails under their own hashes (this measures the grid,
// not import: issue 23's bench:scale imports for real). Measures:
// - first screen: from navigation to the first row of thumbnails drawn, 5 fresh loads (target <= 1 s);
// - scrolling: frame times while the grid is flung down 400 frames at 600 px a frame (36,000 px/s, a hard
//   trackpad fling) and at 2,400 px (a new screen every frame, the worst case for any virtualised list), then
//   while it jumps to 40 far positions: each frame's main-thread work (scroll handling, React, style, layout, paint; see
//   grid-bench-page.ts), target p95 <= 16 ms, with the time between frames and any long animation frame.
// Writes bench-results/grid.json.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { RetrainClient } from "@retrain/client";
import { createPrismaClient } from "@retrain/db";
import { flowerUploads, freePort, startDashboardProcess, startThrowawayProduct } from "@retrain/testing";
import { build } from "esbuild";

const IMAGES = Number(process.env.GRID_IMAGES ?? 100_000);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

const product = await startThrowawayProduct("grid", { compiled: true });
let web: Awaited<ReturnType<typeof startDashboardProcess>> | undefined;
try {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const api = await product.startApi({ WEB_ORIGINS: origin });
  web = await startDashboardProcess(api.url, { PORT: String(port) });
  const client = await RetrainClient.signUp(new URL(api.url).origin, {
    email: "grid@bench.test",
    name: "Grid",
    password: "correct horse",
  });
  const workspaceId = await client.createWorkspace("Grid");
  const datasetId = await client.createDataset(workspaceId, "100k");
  const photos = await flowerUploads(["daisy", "dandelion", "rose", "sunflower", "tulip"], 20);
  await client.uploadImages(
    datasetId,
    photos.map((f) => ({ name: f.name, label: f.label, bytes: Buffer.from(f.base64, "base64") })),
  );
  const db = createPrismaClient(product.databaseUrl);
  const started = performance.now();
  // Each added row: a photo's thumbnail under a hash of its own (an image's hash is unique in its dataset); a
  // photo that is its own thumbnail (128-pixel JPEGs are) brings its bytes.
  await db.$executeRawUnsafe(
    `INSERT INTO "Blob" (sha256, bytes, size, "mimeType", thumbnail, "thumbnailIsImage")
     SELECT 'grid-bench-' || g, CASE WHEN b."thumbnailIsImage" THEN b.bytes ELSE ''::bytea END, 0, b."mimeType",
            b.thumbnail, b."thumbnailIsImage"
     FROM generate_series(1, $1::int) g
     JOIN (SELECT row_number() OVER (ORDER BY i.id) - 1 AS k, bl.* FROM "Image" i JOIN "Blob" bl ON bl.sha256 = i.sha256
           WHERE i."datasetId" = $2) b ON b.k = g % 100`,
    IMAGES - 100,
    datasetId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Image" (id, "datasetId", "labelId", split, sha256, width, height, format, "originalName", "createdAt")
     SELECT 'gridbench' || lpad(g::text, 7, '0'), i."datasetId", i."labelId", i.split, 'grid-bench-' || g, i.width,
            i.height, i.format, 'variant-' || lpad(g::text, 6, '0') || '-' || i."originalName",
            now() + g * interval '1 millisecond'
     FROM generate_series(1, $1::int) g
     JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM "Image" WHERE "datasetId" = $2) i ON i.k = g % 100`,
    IMAGES - 100,
    datasetId,
  );
  await db.$executeRawUnsafe(`ANALYZE "Image"`);
  console.log(`${IMAGES} images in the dataset (${((performance.now() - started) / 1000).toFixed(1)} s of SQL)`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  // The page's CSP forbids eval, which the measuring snippets (strings, the DOM not being typed here) need.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addCookies([{ name: "rs_session", value: client.token ?? "", url: origin }]);
  const page = await context.newPage();
  const url = `${origin}/w/${workspaceId}/datasets/${datasetId}`;
  const firstScreens: number[] = [];
  for (let load = 0; load < 5; load++) {
    const at = performance.now();
    await page.goto(url);
    await page.waitForFunction(`(() => {
      const images = [...document.querySelectorAll('[data-testid="image-grid"] img')].slice(0, 8);
      return images.length === 8 && images.every((i) => i.complete && i.naturalWidth > 0);
    })()`);
    firstScreens.push(performance.now() - at);
  }
  // Where the last load's time went: each request's start and end after navigation began (ms).
  const requests = (await page.evaluate(`performance.getEntriesByType("resource")
    .filter((r) => r.name.includes("/graphql") || r.name.includes("/thumbnails/"))
    .slice(0, 12).map((r) => [r.name.replace(location.origin, ""), Math.round(r.startTime), Math.round(r.responseEnd)])`)) as [
    string,
    number,
    number,
  ][];
  const shownTotal = await page.getByRole("region", { name: "Images" }).getByRole("status").first().textContent();
  // The measuring code, bundled as a plain script (a function passed to evaluate would carry tsx's helpers).
  const script = await build({
    entryPoints: [path.join(import.meta.dirname, "../../apps/web/bench/grid-bench-page.ts")],
    bundle: true,
    format: "iife",
    globalName: "gridBench",
    write: false,
  });
  await page.addScriptTag({ content: script.outputFiles[0]?.text ?? "" });
  type Frames = { work: number[]; interval: number[] };
  const steps = [600, 2400];
  const scrolling = (await page.evaluate(
    `gridBench.measureScrolling({ flingFrames: 400, steps: ${JSON.stringify(steps)}, jumps: 40 })`,
  )) as { flings: Frames[]; jumps: Frames; longAnimationFrames: number[] };
  // The last jump's page arrives: the grid shows images (not placeholders) where it rests.
  await page.waitForFunction(`document.querySelectorAll('[data-testid="image-grid"] img').length > 0`);
  await browser.close();

  const results = {
    images: IMAGES,
    shownTotal,
    firstScreenMs: { each: firstScreens.map(Math.round), median: Math.round(percentile(firstScreens, 50)) },
    lastLoadRequests: requests,
    frameWorkMs: {
      ...Object.fromEntries(steps.map((step, i) => [`fling${step}px`, summary(scrolling.flings[i]?.work ?? [])])),
      jumps: summary(scrolling.jumps.work),
    },
    frameIntervalMs: summary([...scrolling.flings.flatMap((f) => f.interval), ...scrolling.jumps.interval]),
    longAnimationFramesMs: scrolling.longAnimationFrames.map(Math.round),
    targets: { firstScreenMs: 1000, frameP95Ms: 16 },
  };
  console.log(JSON.stringify(results, null, 2));
  await mkdir("bench-results", { recursive: true });
  await writeFile(path.join("bench-results", "grid.json"), `${JSON.stringify(results, null, 2)}\n`);
  await db.$disconnect();
} finally {
  web?.kill("SIGTERM"); // the throw-away product stops what it started; the dashboard was started here
  await web?.exited;
  await product.stop();
}

function summary(frames: number[]) {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: frames.length,
    p50: round(percentile(frames, 50)),
    p95: round(percentile(frames, 95)),
    max: round(Math.max(...frames)),
  };
}
