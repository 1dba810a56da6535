import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

export const ADMIN_EMAIL = "admin@foodar.local";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/** Signs in through the local sign-in page, creating the owner when the email is new. */
export async function signInWithEmail(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue with email" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** In a context of its own; `options` override the test's (a phone test may want the admin on a desktop screen). */
export async function signInAsAdmin(browser: Browser, options?: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(ADMIN_EMAIL.replace(".", "\\.")) }).click();
  await expect(page).toHaveURL(/\/admin/);
  return page;
}
