import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type RadosGateway, startRadosGateway } from "../../packages/testing/src/rados-gateway.js";
import { signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir } from "./shared-data.js";

// With blobs in an S3 bucket and S3_BROWSER_UPLOADS on, the dashboard sends chosen photos from the browser
// straight to the bucket (an upload URL each), not through its own server or the API; each file still gets its
// answer and the dataset its images. A browser that cannot reach the bucket sends them through the dashboard's
// server instead, and the panel says so. A second product, as `npm start` runs it, beside Ceph's RADOS Gateway on
// a one-node cluster (the other end-to-end tests keep their blobs in PostgreSQL).
// Ports of its own, beside the main product's (3100, 4100, 54339).
const ports = { web: 3110, api: 4110, postgres: 54349 };
const dashboard = `http://localhost:${ports.web}`;
test.use({ baseURL: dashboard });
let gateway: RadosGateway;
let product: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  gateway = await startRadosGateway();
  dir = mkdtempSync(path.join(os.tmpdir(), "retrain-e2e-s3-"));
  const log = path.join(dir, "product.log");
  const out = openSync(log, "w");
  product = spawn("node", ["--conditions=compiled", "dist/start.js"], {
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      WEB_PORT: String(ports.web),
      API_PORT: String(ports.api),
      POSTGRES_PORT: String(ports.postgres),
      POSTGRES_DATA_DIR: path.join(dir, "postgres"),
      DATABASE_URL: "",
      MODEL_CACHE_DIR: path.join(dir, "models"),
      EXPORT_DIR: path.join(dir, ".data", "exports"),
      NEXT_TELEMETRY_DISABLED: "1",
      SIGN_UP: "open",
      ...gateway.settings("retrain-e2e-browser-uploads"),
      S3_BROWSER_UPLOADS: "true",
    },
  });
  // Ready when both answer; a product that stopped instead shows its output in the failure.
  const state = async (url: string) =>
    product.exitCode !== null
      ? `stopped:\n${readFileSync(log, "utf8").slice(-3000)}`
      : (await fetch(url).catch(() => null))?.status;
  for (const url of [`http://localhost:${ports.api}/readyz`, `${dashboard}/signin`])
    await expect.poll(() => state(url), { timeout: 180_000 }).toBe(200);
});

/** The dashboard's own upload route (the way through its server). */
const UPLOAD_ROUTE = "**/uploads/images/**";

/** The URLs of the page's requests matching `pattern` (of one method, if given), let through as they are. */
async function requestsTo(page: Page, pattern: string, method?: string) {
  const urls: string[] = [];
  await page.route(pattern, (route) => {
    if (!method || route.request().method() === method) urls.push(route.request().url());
    return route.continue();
  });
  return urls;
}

test.afterAll(async () => {
  if (product && product.exitCode === null) {
    const exited = new Promise((resolve) => product.once("exit", resolve));
    product.kill("SIGTERM");
    await exited;
  }
  await gateway?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("chosen photos go from the browser straight to the bucket, each with its answer", async ({ page }) => {
  test.skip(!existsSync(flowersDir), "NOT RUN: ../shared/datasets/flowers_small is needed.");
  const { workspaceId, datasetId } = await signedUpWithDataset(page, "Bucket", "bucket@example.com", "Bucket lab");
  // Every request to the bucket and to the dashboard's upload route, counted on its way (and let through).
  const toBucket = await requestsTo(page, `${gateway.endpoint}/**`, "PUT");
  const throughDashboard = await requestsTo(page, UPLOAD_ROUTE);

  await page.goto(`/w/${workspaceId}/datasets/${datasetId}`);
  await page.getByLabel("Label for images not in a class folder").fill("daisy");
  await page.getByLabel("Choose images or zip archives").setInputFiles(flowerPhotos("daisy", 6));
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results.getByText("accepted")).toHaveCount(6, { timeout: 60_000 });
  expect(toBucket).toHaveLength(6);
  expect(throughDashboard).toEqual([]);
  // The same photo again: stored once, answered as a duplicate, as through the server.
  await page.getByLabel("Choose images or zip archives").setInputFiles(flowerPhotos("daisy", 1));
  await expect(results.getByText("duplicate")).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Images", exact: true }).getByText("6 images")).toBeVisible();
  await expect(page.getByRole("img", { name: /\.jpg$/ }).first()).toBeVisible();
});

test("when the browser cannot reach the bucket, the photos go through the dashboard's server, and it says so", async ({
  page,
}) => {
  test.skip(!existsSync(flowersDir), "NOT RUN: ../shared/datasets/flowers_small is needed.");
  const { workspaceId, datasetId } = await signedUpWithDataset(
    page,
    "Fallback",
    "fallback@example.com",
    "Fallback lab",
  );
  // The bucket's address unreachable from this browser (as one inside a compose network would be).
  await page.route(`${gateway.endpoint}/**`, (route) => route.abort("connectionrefused"));
  const throughDashboard = await requestsTo(page, UPLOAD_ROUTE);

  await page.goto(`/w/${workspaceId}/datasets/${datasetId}`);
  await page.getByLabel("Label for images not in a class folder").fill("tulip");
  await page.getByLabel("Choose images or zip archives").setInputFiles(flowerPhotos("tulip", 3));
  await expect(page.getByRole("list", { name: "Upload results" }).getByText("accepted")).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(page.getByRole("status").filter({ hasText: "could not be reached" })).toContainText(
    "through the server instead",
  );
  expect(throughDashboard).toHaveLength(1);
  await expect(page.getByRole("region", { name: "Images", exact: true }).getByText("3 images")).toBeVisible();
});
