import { expect, type Page } from "@playwright/test";
import { signInWithEmail, uniqueEmail } from "./sign-in";

// Toasts are list items too: rows are looked up inside the Products section only.
export const productRow = (page: Page, name: string) =>
  page.getByRole("region", { name: "Products" }).getByRole("listitem").filter({ hasText: name });

/** A new owner with a draft restaurant whose menu has one category, "Starters"; ends on the menu editor. */
export async function createRestaurantMenu(page: Page) {
  await signInWithEmail(page, uniqueEmail("menu-owner"));
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(`Burns Road Bites ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  await page.getByRole("link", { name: "Edit menu" }).click();
  await expect(page.getByText("No categories yet")).toBeVisible();
  await page.getByLabel("Category name").fill("Starters");
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("region", { name: "Categories" }).getByText("Starters")).toBeVisible();
}

/** From the menu editor: adds a product with just a name and a price, then opens its edit page. */
export async function addProductAndEdit(page: Page, name: string, price: string) {
  await page.getByRole("button", { name: "Add product" }).click();
  // "Add product" navigates; until it has, "Name" would also match the menu page's "Category name".
  await expect(page).toHaveURL(/\/menu\/products\/new/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price").fill(price);
  await page.getByRole("button", { name: "Save product" }).click();
  await productRow(page, name).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/menu\/products\/[0-9a-f-]{36}$/);
}
