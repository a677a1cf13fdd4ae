import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { experimentOnPhotos, gql, runSucceeded, signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// Two finished runs of one experiment, compared on the experiment page: the verdict in words (significant or
// chance, McNemar's exact test) and accuracy and per-class F1 with their intervals; the dataset's "Compare
// models" tab offers the same over every experiment on the dataset.
test("the experiment page says whether one run is really better than another", async ({ page }) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  const created = await signedUpWithDataset(page, "Cora Compare", "cora@example.com", "Compare lab");
  const ws = { id: created.workspaceId };
  const dataset = { id: created.datasetId };
  const files = ["daisy", "sunflower"].flatMap((label) =>
    flowerPhotos(label, 20).map((f, i) => ({
      name: f.name,
      label,
      base64: f.buffer.toString("base64"),
      split: i % 2 ? "TRAIN" : "TEST",
    })),
  );
  const { experimentId } = await experimentOnPhotos(page, dataset.id, files, "Two runs", 3);
  const experiment = { id: experimentId };
  for (const epochs of [1, 20]) {
    const { startRun: run } = await gql<{ startRun: { id: string } }>(
      page,
      "mutation($e: ID!, $n: Int!) { startRun(experimentId: $e, hyperparameters: { epochs: $n }) { id } }",
      { e: experiment.id, n: epochs },
    );
    await runSucceeded(page, run.id);
  }

  await page.goto(`/w/${ws.id}/experiments/${experiment.id}`);
  const panel = page.getByRole("region", { name: "Compare two runs" });
  await expect(panel.getByRole("status", { name: "Verdict" })).toContainText(
    /(Run \d is better|No significant difference).*20 images/,
  );
  await expect(panel.getByRole("table", { name: /Accuracy and F1/ })).toContainText("F1 daisy");
  await page.screenshot({ path: "test-results/screenshots/comparison.png", fullPage: true });

  // The dataset's page offers the same across its experiments (one on another base model, say).
  await page.goto(`/w/${ws.id}/datasets/${dataset.id}?tab=compare`);
  const across = page.getByRole("region", { name: "Compare two runs" });
  await expect(across.getByRole("combobox", { name: "Run A" })).toContainText("Two runs · MobileNetV2");
  await expect(across.getByRole("status", { name: "Verdict" })).toContainText(/20 images/);
});
