import { expect, type Page } from "@playwright/test";

/**
 * Picks a base model in the new-experiment form by its name. The form preselects the recommended model
 * (EfficientNet-B0); tests that run on the seeded MobileNet choose it here.
 */
export async function chooseBaseModel(page: Page, name: string) {
  const select = page.getByLabel("Base model");
  const label = await select.locator("option", { hasText: name }).textContent();
  if (!label) throw new Error(`The form offers no base model named ${name}.`);
  await select.selectOption({ label });
  await expect(select.locator("option:checked")).toHaveText(label);
}
