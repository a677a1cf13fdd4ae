import { expect, test } from "@playwright/test";

test("the home page explains the product and shows the API as ready", async ({ page }) => {
  // The dashboard and the API start side by side: wait until the API answers before judging the page.
  await expect
    .poll(async () =>
      (await page.request.post("http://localhost:4100/graphql", { data: { query: "{ health { ok } }" } })).ok(),
    )
    .toBe(true);
  const response = await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("image classifier");
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText("ready", { exact: true })).toBeVisible();
  // A visitor who is not signed in learns that it works and its version, not what it runs on.
  await expect(status).not.toContainText(/PostgreSQL/);
  // Security headers on every page.
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});

test("the dashboard and the API answer their probes", async ({ request }) => {
  const dashboard = await request.get("/healthz");
  expect(dashboard.status()).toBe(200);
  expect(await dashboard.json()).toEqual({ ok: true });
  expect((await request.get("http://localhost:4100/healthz")).status()).toBe(200);
  await expect.poll(async () => (await request.get("http://localhost:4100/readyz")).status()).toBe(200);
});
