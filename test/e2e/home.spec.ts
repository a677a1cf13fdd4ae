import { expect, test } from "@playwright/test";

test("the home page explains the product and shows the API as ready", async ({ page }) => {
  // The dashboard and the API start side by side: wait until the API answers before judging the page.
  await expect
    .poll(async () =>
      (await page.request.post("http://localhost:4100/graphql", { data: { query: "{ health { ok } }" } })).ok(),
    )
    .toBe(true);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("image classifier");
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText("ready", { exact: true })).toBeVisible();
  await expect(status).toContainText(/PostgreSQL \d+/);
  await expect(status).toContainText(/tensorflow|wasm|cpu/);
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
});
