import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { gql } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// Two finished runs of one experiment, compared on the experiment page: the verdict in words (significant or
// chance, McNemar's exact test) and accuracy and per-class F1 with their intervals.
test("the experiment page says whether one run is really better than another", async ({ page }) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Cora Compare");
  await page.getByLabel("Email").fill("cora@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Cora Compare" })).toBeVisible();

  const { createWorkspace: ws } = await gql<{ createWorkspace: { id: string } }>(
    page,
    'mutation { createWorkspace(name: "Compare lab") { id } }',
  );
  const { createDataset: dataset } = await gql<{ createDataset: { id: string } }>(
    page,
    'mutation($w: ID!) { createDataset(workspaceId: $w, name: "Flowers") { id } }',
    { w: ws.id },
  );
  const files = ["daisy", "sunflower"].flatMap((label) =>
    flowerPhotos(label, 20).map((f, i) => ({
      name: f.name,
      label,
      base64: f.buffer.toString("base64"),
      split: i % 2 ? "TRAIN" : "TEST",
    })),
  );
  await gql(page, "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
    d: dataset.id,
    f: files,
  });
  const { baseModels } = await gql<{ baseModels: { id: string; key: string }[] }>(page, "{ baseModels { id key } }");
  const { createExperiment: experiment } = await gql<{ createExperiment: { id: string } }>(
    page,
    'mutation($d: ID!, $m: ID!) { createExperiment(datasetId: $d, baseModelId: $m, name: "Two runs", hyperparameters: { epochs: 3 }) { id } }',
    { d: dataset.id, m: baseModels.find((m) => m.key === "mobilenet_v2_035_224")?.id },
  );
  for (const epochs of [1, 20]) {
    const { startRun: run } = await gql<{ startRun: { id: string } }>(
      page,
      "mutation($e: ID!, $n: Int!) { startRun(experimentId: $e, hyperparameters: { epochs: $n }) { id } }",
      { e: experiment.id, n: epochs },
    );
    await expect
      .poll(
        async () =>
          (await gql<{ run: { status: string } }>(page, "query($id: ID!) { run(id: $id) { status } }", { id: run.id }))
            .run.status,
        { timeout: 180_000 },
      )
      .toBe("SUCCEEDED");
  }

  await page.goto(`/w/${ws.id}/experiments/${experiment.id}`);
  const panel = page.getByRole("region", { name: "Compare two runs" });
  await expect(panel.getByRole("status", { name: "Verdict" })).toContainText(
    /(Run \d is better|No significant difference).*20 images/,
  );
  await expect(panel.getByRole("table", { name: /Accuracy and F1/ })).toContainText("F1 daisy");
  await page.screenshot({ path: "test-results/screenshots/comparison.png", fullPage: true });
});
