import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Opens `path` once loaded and checks it with axe-core: no serious or critical WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByText("Loading")).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  // Soft: one run lists the violations of every page, not only the first page's.
  expect
    .soft(
      grave.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      path,
    )
    .toEqual([]);
}
