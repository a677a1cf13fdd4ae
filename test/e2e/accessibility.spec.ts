import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessible.js";
import { experimentOnPhotos, gql, runSucceeded, signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// Every dashboard page, signed in with real data (a trained run, a checkpoint, an invitation), checked by
// axe-core: no serious or critical violation. Then the keyboard alone reaches and uses the controls, and the
// everyday actions (rename, delete with confirmation) work from the dashboard.
test.describe.configure({ mode: "serial" });

test("every page has no serious accessibility violation; the keyboard reaches the controls", async ({ page }) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  for (const path of ["/", "/signin", "/signup"]) await expectAccessible(page, path);

  // Real data behind every page: a dataset of photos, a trained run with a checkpoint, an invitation.
  const created = await signedUpWithDataset(page, "Axe Tester", "axe@example.com", "Access lab");
  const ws = { id: created.workspaceId };
  const dataset = { id: created.datasetId };
  const files = ["daisy", "tulip"].flatMap((label) =>
    flowerPhotos(label, 8).map((f) => ({ name: `${label}/${f.name}`, label, base64: f.buffer.toString("base64") })),
  );
  const { experimentId, baseModelId } = await experimentOnPhotos(page, dataset.id, files, "Access run", 5);
  const experiment = { id: experimentId };
  const { startRun: run } = await gql<{ startRun: { id: string } }>(
    page,
    "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
    { e: experiment.id },
  );
  await runSucceeded(page, run.id);
  const { startHealthCheck: check } = await gql<{ startHealthCheck: { id: string } }>(
    page,
    "mutation($d: ID!, $m: ID!) { startHealthCheck(datasetId: $d, baseModelId: $m) { id } }",
    { d: dataset.id, m: baseModelId },
  );
  await expect
    .poll(
      async () =>
        (await gql<{ job: { status: string } }>(page, "query($id: ID!) { job(id: $id) { status } }", { id: check.id }))
          .job.status,
      { timeout: 120_000 },
    )
    .toBe("SUCCEEDED");
  const { inviteMember } = await gql<{ inviteMember: { path: string } }>(
    page,
    'mutation($w: ID!) { inviteMember(workspaceId: $w, email: "guest@example.com", role: VIEWER) { path } }',
    { w: ws.id },
  );

  const w = `/w/${ws.id}`;
  for (const path of [
    "/workspaces",
    "/account",
    inviteMember.path,
    `${w}/datasets`,
    `${w}/datasets/${dataset.id}`,
    `${w}/datasets/${dataset.id}?tab=health`,
    `${w}/experiments`,
    `${w}/experiments/${experiment.id}`,
    `${w}/runs/${run.id}`,
    `${w}/predict`,
    `${w}/review`,
    `${w}/activity`,
    `${w}/team`,
    `${w}/tokens`,
  ])
    await expectAccessible(page, path);

  // Dark mode, as the system prefers it: the same pages keep their contrast.
  await page.emulateMedia({ colorScheme: "dark" });
  for (const path of ["/workspaces", `${w}/datasets/${dataset.id}`, `${w}/experiments`, `${w}/runs/${run.id}`])
    await expectAccessible(page, path);
  await page.emulateMedia({ colorScheme: "light" });
  // The toggle: system, light, dark in turn; the choice holds on the next page.
  await page.goto("/workspaces");
  await page.getByRole("button", { name: "Theme: system" }).click();
  await page.getByRole("button", { name: "Theme: light" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.goto(`${w}/team`);
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expectAccessible(page, `${w}/team`);
  await page.getByRole("button", { name: "Theme: dark" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);

  // The keyboard alone: from the page's start, Tab reaches the form, and Enter creates a dataset.
  await page.goto(`${w}/datasets`);
  const input = page.getByLabel("New dataset");
  for (let i = 0; i < 30 && !(await input.evaluate((el) => el.ownerDocument.activeElement === el)); i++)
    await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  await page.keyboard.type("Typed by keyboard");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /Typed by keyboard/ })).toBeVisible();
});

test("everyday actions from the dashboard: rename an experiment, delete a run, delete the workspace", async ({
  page,
}) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  await page.goto("/signin");
  await page.getByLabel("Email").fill("axe@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Access lab" }).click();
  await page.getByRole("link", { name: "Experiments" }).click();
  await page.getByRole("link", { name: "Access run" }).click();

  page.once("dialog", (dialog) => dialog.accept("Access run, renamed"));
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { name: "Access run, renamed" })).toBeVisible();

  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Delete Run 1" }).click();
  await expect(page.getByRole("link", { name: "Run 1" })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete Run 1" }).click();
  await expect(page.getByRole("link", { name: "Run 1" })).toHaveCount(0);

  await page.getByRole("link", { name: "Team" }).click();
  page.once("dialog", (dialog) => dialog.accept("not its name"));
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Type the workspace's name" })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept("Access lab"));
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole("link", { name: "Access lab" })).toHaveCount(0);
});
