import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { chooseBaseModel } from "./experiment-form.js";
import { gql } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// Dataset health in the dashboard, against the real stack: a check with a live bar finds a photo saved twice
// across splits, the map draws every image and a lasso selects them, starting a run warns of the leak with a
// link to it, and one click ("Keep this one") fixes it.
test.describe.configure({ mode: "serial" });

test("a health check finds a leak, maps the dataset, warns before a run, and one click fixes it", async ({ page }) => {
  test.skip(
    !hasSharedModel || !existsSync(flowersDir),
    "NOT RUN: ../shared/models/mobilenet_v2_035_224_notop and ../shared/datasets/flowers_small are needed.",
  );
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Hana Health");
  await page.getByLabel("Email").fill("hana@example.com");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByLabel("New workspace").fill("Health lab");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByLabel("New dataset").fill("Garden");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await page.getByRole("link", { name: /Garden/ }).click();
  await page.waitForURL(/\/datasets\/\w+$/);
  await expect(page.getByRole("heading", { name: "Garden", exact: true })).toBeVisible();
  const datasetId = page.url().split("/datasets/")[1]?.split(/[?#]/)[0] ?? "";

  const files = ["daisy", "sunflower", "tulip"].flatMap((label) =>
    flowerPhotos(label, 15).map((f, i) => ({
      name: f.name,
      base64: f.buffer.toString("base64"),
      label,
      split: i % 5 === 0 ? "TEST" : "TRAIN",
    })),
  );
  // The same photo saved again (bytes after the JPEG's end change its hash, not its pixels), in another split.
  const original = files[1];
  if (!original) throw new Error("no photos");
  const resaved = Buffer.concat([Buffer.from(original.base64, "base64"), Buffer.from("saved again")]);
  await gql(page, "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
    d: datasetId,
    f: [...files, { name: "daisy-saved-again.jpg", base64: resaved.toString("base64"), label: "daisy", split: "TEST" }],
  });

  // The check, with its live bar, then the summary and the map.
  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByText("No check yet")).toBeVisible();
  await page.getByRole("button", { name: "Check health" }).click();
  await expect(page.getByRole("progressbar")).toBeVisible();
  const summary = page.getByRole("list", { name: "Health summary" });
  await expect(summary).toContainText("1 leaking duplicate groups", { timeout: 120_000 });
  const map = page.getByRole("img", { name: /Map of 46 images/ });
  await expect(map).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/health.png", fullPage: true });

  // A lasso drawn around the whole map selects every image, ready for the bulk actions.
  const box = await map.boundingBox();
  if (!box) throw new Error("no map");
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.mouse.down();
  for (const [x, y] of [
    [box.width - 2, 2],
    [box.width - 2, box.height - 2],
    [2, box.height - 2],
  ] as const)
    await page.mouse.move(box.x + x, box.y + y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole("group", { name: "Selected images" })).toContainText("46 selected");

  // Starting a run warns of the leak and links to it.
  await page.getByRole("link", { name: "Experiments" }).click();
  await page.getByLabel("Name").fill("Garden on MobileNet");
  await chooseBaseModel(page, "MobileNetV2 0.35");
  await page.getByRole("button", { name: "Create experiment" }).click();
  await page.getByRole("button", { name: "Start a run" }).click();
  await expect(page.getByRole("alert", { name: "Leakage warning" })).toContainText(
    "1 group of near-duplicate images span splits",
  );
  await page.getByRole("link", { name: "Review them in the dataset's health" }).click();
  await expect(page).toHaveURL(/tab=health&highlight=\w+,\w+/);

  // One click keeps one copy and deletes the other: no leak left, and the report says the dataset changed.
  const duplicates = page.getByRole("region", { name: "Near-duplicates" });
  await duplicates.getByRole("button", { name: "Keep this one" }).first().click();
  await expect(summary).toContainText("0 leaking duplicate groups");
  await expect(page.getByText("The dataset changed since")).toBeVisible();
});
