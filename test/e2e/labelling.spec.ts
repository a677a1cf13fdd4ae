import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessible.js";
import { experimentOnPhotos, gql, runSucceeded, signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// Labelling at the keyboard: a team trains on 16 photos, uploads 100 unlabelled ones, and labels all 100 from
// the "Label next" view with keys only (digits, ?, z, arrows), in the order the checkpoint proposes. The view
// passes axe.
test("100 images labelled by keyboard alone, in the checkpoint's order", async ({ page }) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  const { workspaceId, datasetId } = await signedUpWithDataset(page, "Keys", "keys@example.com", "Keyboard lab");
  const labelled = ["daisy", "tulip"].flatMap((label) =>
    flowerPhotos(label, 8).map((f) => ({ name: `${label}/${f.name}`, label, base64: f.buffer.toString("base64") })),
  );
  const { experimentId } = await experimentOnPhotos(page, datasetId, labelled, "Keys run", 5);
  const truth = new Map<string, string>();
  const unlabelled = ["daisy", "tulip"].flatMap((label) =>
    flowerPhotos(label, 50, 8).map((f) => {
      truth.set(f.name, label);
      return { name: f.name, base64: f.buffer.toString("base64") };
    }),
  );
  await gql(page, "mutation($d: ID!, $f: [UploadFileInput!]!) { uploadImages(datasetId: $d, files: $f) { status } }", {
    d: datasetId,
    f: unlabelled,
  });
  const { startRun } = await gql<{ startRun: { id: string } }>(
    page,
    "mutation($e: ID!) { startRun(experimentId: $e) { id } }",
    {
      e: experimentId,
    },
  );
  await runSucceeded(page, startRun.id); // its extraction computes the vectors of all 116 photos

  // The grid shows the checkpoint's pre-labels, surest first, for the 100 unlabelled photos.
  await page.goto(`/w/${workspaceId}/datasets/${datasetId}?unlabelled=1`);
  await page.getByLabel("Suggestions from").selectOption({ label: "Keys run (latest checkpoint)" });
  await page.getByLabel("Order").selectOption({ label: "Confidence, surest first" });
  await expect(page.getByRole("region", { name: "Images" }).getByText("100 images")).toBeVisible();
  const captions = page.getByRole("list", { name: "Images in this view" }).locator(".caption");
  await expect(captions.first()).toContainText(/unlabelled · \w+ · (daisy|tulip|\?) \d+%/);
  const percents = (await captions.allInnerTexts()).map((c) => Number(/(\d+)%/.exec(c)?.[1]));
  expect(percents.length).toBeGreaterThan(8);
  expect(percents).toEqual([...percents].sort((a, b) => b - a));

  // axe checks the view with an image, its suggestion and label keys showing.
  await expectAccessible(page, `/w/${workspaceId}/datasets/${datasetId}?tab=label`);
  const view = page.getByRole("application", { name: /Image to label/ });
  await expect(view).toBeFocused({ timeout: 30_000 });
  const keyOf = new Map<string, string>();
  for (const item of await view
    .getByRole("listitem")
    .filter({ has: page.locator("kbd") })
    .allInnerTexts()) {
    const [key, name] = item.trim().split(/\s+/);
    keyOf.set(name ?? "", key ?? "");
  }
  expect([...keyOf.keys()].sort()).toEqual(["daisy", "tulip"]);
  const shown = () => view.locator("figure img").getAttribute("alt");

  // ? shows the keys and hides them again.
  await page.keyboard.press("?");
  await expect(page.getByRole("definition").first()).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("definition")).toHaveCount(0);

  // z undoes: a wrong label, taken back, and the view returns to that image.
  const first = (await shown()) ?? "";
  const wrong = truth.get(first) === "daisy" ? "tulip" : "daisy";
  await page.keyboard.press(keyOf.get(wrong) ?? "");
  await expect.poll(shown).not.toBe(first);
  await page.keyboard.press("z");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(shown).toBe(first);

  for (let done = 0; done < 100; done++) {
    const name = (await shown()) ?? "";
    const label = truth.get(name);
    expect(label, `the view shows one of the unlabelled photos (${name})`).toBeDefined();
    await page.keyboard.press(keyOf.get(label ?? "") ?? "");
    if (done < 99) await expect.poll(shown, { timeout: 15_000 }).not.toBe(name);
  }
  await expect(page.getByText("Nothing left to label")).toBeVisible();

  const { dataset } = await gql<{
    dataset: { splitCounts: { unlabelled: number }; labels: { name: string; imageCount: number }[] };
  }>(page, "query($d: ID!) { dataset(id: $d) { splitCounts { unlabelled } labels { name imageCount } } }", {
    d: datasetId,
  });
  expect(dataset.splitCounts.unlabelled).toBe(0);
  expect(dataset.labels.map((l) => [l.name, l.imageCount]).sort()).toEqual([
    ["daisy", 58],
    ["tulip", 58],
  ]);
});
