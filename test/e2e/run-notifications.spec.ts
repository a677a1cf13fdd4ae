import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { experimentOnPhotos, gql, signedUpWithDataset } from "./page-gql.js";
import { flowerPhotos, flowersDir, hasSharedModel } from "./shared-data.js";

// A run started elsewhere (the API, as a script would) ends while its author is on another page: the
// dashboard says so in the page, and as a browser notification once they allowed them.
test("the dashboard tells you when your run ends, in the page and in the browser", async ({ page }) => {
  test.skip(!hasSharedModel || !existsSync(flowersDir), "NOT RUN: ../shared (flowers and MobileNetV2) is needed.");
  // The browser's notifications, recorded instead of shown (Chromium shows none when headless).
  await page.addInitScript(() => {
    const shown: string[] = [];
    (globalThis as unknown as { shown: string[] }).shown = shown;
    class RecordedNotification {
      static permission = "default";
      static requestPermission = async () => {
        RecordedNotification.permission = "granted";
        return "granted";
      };
      constructor(_title: string, options?: { body?: string }) {
        shown.push(options?.body ?? "");
      }
    }
    Object.defineProperty(globalThis, "Notification", { value: RecordedNotification });
  });
  const { workspaceId, datasetId } = await signedUpWithDataset(page, "Nora", "nora@example.com", "Notified");
  const files = ["daisy", "tulip"].flatMap((label) =>
    flowerPhotos(label, 8).map((f) => ({ name: `${label}/${f.name}`, label, base64: f.buffer.toString("base64") })),
  );
  const { experimentId } = await experimentOnPhotos(page, datasetId, files, "Notify run", 5);
  await page.goto(`/w/${workspaceId}/team`);
  await page.getByRole("button", { name: "Notify me in the browser when my runs end" }).click();
  await expect(page.getByRole("button", { name: /Notify me in the browser/ })).toHaveCount(0);
  await gql(page, "mutation($e: ID!) { startRun(experimentId: $e) { id } }", { e: experimentId });
  const note = page.getByRole("status").filter({ hasText: "Your run finished" });
  await expect(note).toContainText(/validation \d+\.\d%/, { timeout: 180_000 });
  await expect(note.getByRole("link", { name: "Open the run" })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { shown: string[] }).shown)).toEqual([
    expect.stringMatching(/^Your run finished/),
  ]);
});
