import { expect, test } from "@playwright/test";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";

test("an owner deletes a restaurant after typing its name, and it is gone from the dashboard", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("deleting-owner"));
  const name = `Closing Cafe ${Date.now().toString(36)}`;
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  const settingsUrl = page.url();

  await page.getByRole("button", { name: "Delete restaurant" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await dialog.getByLabel(`Type "${name}" to confirm`).fill("Some other cafe");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByText(`Type "${name}" to confirm`, { exact: true }).last()).toBeVisible();
  await expect(dialog.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel(`Type "${name}" to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`${name} was deleted`)).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);

  const gone = await page.goto(settingsUrl);
  expect(gone?.status()).toBe(404);
});
