import { expect, test } from "@playwright/test";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";

test("anonymous visitors are sent to sign in and come back to the page they wanted", async ({ page }) => {
  await page.goto("/dashboard/restaurants/new");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard%2Frestaurants%2Fnew/);
  await page.getByLabel("Email").fill(uniqueEmail("owner"));
  await page.getByRole("button", { name: "Continue with email" }).click();
  await expect(page).toHaveURL(/\/dashboard\/restaurants\/new$/);
});

test("an owner who opens the admin area gets a 403 page", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("owner"));
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You are not allowed to see this page" })).toBeVisible();
});

test("an owner who opens another owner's restaurant gets a 404 page", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("owner"));
  const response = await page.goto("/dashboard/restaurants/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
});
