import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessible.js";
import { signedUpWithDataset } from "./page-gql.js";

// An owner adds a webhook from the dashboard (the e2e product allows 127.0.0.1 as a webhook host), keeps the
// secret it shows once, sends a test and reads the receiver's status code in the delivery log; a receiver that
// refuses shows its status and the next try. The page passes axe.
test("an owner adds a webhook, sends a test and reads the delivery log", async ({ page }) => {
  const received: { path: string; event: string | undefined }[] = [];
  const receiver = http.createServer((req, res) => {
    received.push({ path: req.url ?? "", event: req.headers["retrain-event"] as string | undefined });
    req.resume();
    res.writeHead(req.url === "/gone" ? 410 : 204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  try {
    const { workspaceId } = await signedUpWithDataset(page, "Hook Owner", "hooks-e2e@example.com", "Hooked");
    await page.goto(`/w/${workspaceId}/datasets`);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

    await page.getByLabel("Payload URL").fill(`http://127.0.0.1:${port}/ok`);
    await page.getByRole("checkbox", { name: /health\.completed/ }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByRole("status").filter({ hasText: "shown once" })).toContainText("whsec_");
    const hook = page.getByRole("article", { name: `Webhook http://127.0.0.1:${port}/ok` });
    await expect(hook).toContainText("run.succeeded, run.failed, health.completed");

    await hook.getByRole("button", { name: "Send test" }).click();
    const row = hook.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(row).toContainText("delivered", { timeout: 30_000 });
    await expect(row.getByRole("cell").nth(2)).toHaveText("204");
    expect(received).toContainEqual({ path: "/ok", event: "webhook.test" });

    await page.getByLabel("Payload URL").fill(`http://127.0.0.1:${port}/gone`);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const gone = page.getByRole("article", { name: `Webhook http://127.0.0.1:${port}/gone` });
    await gone.getByRole("button", { name: "Send test" }).click();
    const refused = gone.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(refused).toContainText("the receiver answered 410", { timeout: 30_000 });
    await expect(refused).toContainText("next try");
    await expect(refused.getByRole("cell").nth(2)).toHaveText("410");

    await gone.getByRole("button", { name: "Disable" }).click();
    await expect(gone).toContainText("disabled");
    await expectAccessible(page, `/w/${workspaceId}/webhooks`);
    await page.goto(`/w/${workspaceId}/webhooks`);
    await gone.getByRole("button", { name: "Delete" }).click();
    await expect(gone).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
