import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessible.js";
import { gql, signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir } from "./shared-data.js";

// The dataset's image grid: search, order and selection live in the URL (a reload, or the link sent to a
// colleague, shows the same view), shift-click selects a run of images, a range selects without scrolling, and
// a bulk relabel applies to exactly the selected ones.
test("the image grid's view is a link: search, order, shift-click and range selection, bulk relabel", async ({
  page,
}) => {
  test.skip(!existsSync(flowersDir), "NOT RUN: ../shared/datasets/flowers_small is needed.");
  const { workspaceId, datasetId } = await signedUpWithDataset(page, "Grid", "grid@example.com", "Grid lab");
  const files = ["daisy", "tulip", "rose"].flatMap((label) =>
    flowerPhotos(label, 12).map((f, i) => ({
      name: `${label}-${String(i).padStart(2, "0")}.jpg`,
      label,
      base64: f.buffer.toString("base64"),
    })),
  );
  await gql(page, "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
    d: datasetId,
    f: files,
  });
  const { dataset } = await gql<{ dataset: { labels: { id: string; name: string }[] } }>(
    page,
    "query($d: ID!) { dataset(id: $d) { labels { id name } } }",
    { d: datasetId },
  );
  const roseId = dataset.labels.find((l) => l.name === "rose")?.id;

  await expectAccessible(page, `/w/${workspaceId}/datasets/${datasetId}`);
  const grid = page.getByRole("list", { name: "Images in this view" });
  const shown = (count: number) => page.getByRole("region", { name: "Images" }).getByText(`${count} images`);
  await expect(shown(36)).toBeVisible();
  await page.getByLabel("Search").fill("TULIP");
  await expect(shown(12)).toBeVisible();
  await page.getByLabel("Order").selectOption({ label: "Name, Z to A" });
  await expect(grid.getByRole("listitem").first().getByRole("img")).toHaveAttribute("alt", "tulip-11.jpg");
  for (const part of [/q=TULIP/, /sort=name/, /desc=1/]) await expect(page).toHaveURL(part);

  // Click the first, shift-click the fifth: five selected, and the selection is in the URL.
  await grid.getByLabel("Select tulip-11.jpg").click();
  await grid.getByLabel("Select tulip-07.jpg").click({ modifiers: ["Shift"] });
  const bulk = page.getByRole("group", { name: "Selected images" });
  await expect(bulk).toContainText("5 selected");
  await expect(page).toHaveURL(/sel=0-4/);
  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue("TULIP");
  await expect(bulk).toContainText("5 selected");
  await expect(grid.getByLabel("Select tulip-09.jpg")).toBeChecked();
  await expect(grid.getByLabel("Select tulip-06.jpg")).not.toBeChecked();

  // The five become roses: the tulip filter shows seven, the rose label fifteen.
  await bulk.getByLabel("Relabel selected").selectOption({ label: "rose" });
  await expect(bulk).toHaveCount(0);
  await expect(page).not.toHaveURL(/sel=/);
  await page.getByLabel("Search").fill("");
  await page.getByRole("combobox", { name: /^Label/ }).selectOption({ label: "rose" });
  await expect(shown(17)).toBeVisible();
  const roses = await gql<{ images: { totalCount: number } }>(
    page,
    "query($d: ID!, $l: ID) { images(datasetId: $d, labelId: $l) { totalCount } }",
    { d: datasetId, l: roseId },
  );
  expect(roses.images.totalCount).toBe(17);

  // A range by position, then all of them, without scrolling to any.
  const range = page.getByRole("form", { name: "Select by range" });
  await range.getByLabel("From").fill("3");
  await range.getByLabel("to").fill("10");
  await range.getByRole("button", { name: "Select range" }).click();
  await expect(bulk).toContainText("8 selected");
  await expect(page).toHaveURL(/sel=2-9/);
  await range.getByRole("button", { name: "Select all 17" }).click();
  await expect(bulk).toContainText("17 selected");
  await bulk.getByRole("button", { name: "Clear selection" }).click();
  await expect(bulk).toHaveCount(0);
});
