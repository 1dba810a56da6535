import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { addProductAndEdit, createRestaurantMenu, productRow } from "./support/menu";

test("an owner adds a category and a priced product, then marks it sold out", async ({ page }) => {
  await createRestaurantMenu(page);

  await page.getByRole("button", { name: "Add product" }).click();
  // "Add product" navigates; until it has, "Name" would also match the menu page's "Category name".
  await expect(page).toHaveURL(/\/menu\/products\/new/);
  await page.getByLabel("Name", { exact: true }).fill("Samosa");
  await page.getByLabel("Price").fill("1,250.50");
  await expect(page.getByLabel("Category")).toHaveValue(/.+/);
  await page.getByLabel("Description").fill("Crisp pastry, spiced potatoes and peas.");
  await page.getByRole("button", { name: "Save product" }).click();

  const row = productRow(page, "Samosa");
  await expect(row).toHaveCount(1);
  // Intl puts a no-break space between the symbol and the amount.
  await expect(row.getByTestId("price")).toHaveText("Rs\u00a01,250.50");
  await expect(row.getByTestId("availability")).toHaveText("Available");

  await row.getByRole("checkbox", { name: "Select Samosa" }).check();
  await page.getByRole("button", { name: "Mark sold out" }).click();
  await expect(row.getByTestId("availability")).toHaveText("Sold out");

  await page.reload();
  await expect(productRow(page, "Samosa").getByTestId("availability")).toHaveText("Sold out");
});

test("a badly typed price shows the field error and creates nothing", async ({ page }) => {
  await createRestaurantMenu(page);

  await page.getByRole("button", { name: "Add product" }).click();
  // "Add product" navigates; until it has, "Name" would also match the menu page's "Category name".
  await expect(page).toHaveURL(/\/menu\/products\/new/);
  await page.getByLabel("Name", { exact: true }).fill("Samosa");
  const price = page.getByLabel("Price");
  await price.fill("12,50");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("Use a dot for decimals: 12.50")).toBeVisible();
  await expect(price).toHaveAttribute("aria-invalid", "true");

  await price.fill("abc");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText(/Enter a price like/)).toBeVisible();
  await expect(page).toHaveURL(/\/menu\/products\/new/);

  await page.getByRole("link", { name: "Menu", exact: true }).click();
  await expect(page.getByText("No products yet")).toBeVisible();
  await expect(page.getByRole("region", { name: "Products" }).getByRole("listitem")).toHaveCount(0);
});

test("an owner uploads a photo to a product and a file that is not one is refused", async ({ page }) => {
  await createRestaurantMenu(page);
  await addProductAndEdit(page, "Samosa", "250");

  const media = page.getByRole("region", { name: "Photos and videos" });
  await expect(media.getByText("No photos or videos yet")).toBeVisible();
  // The error alert holds a list too; only the uploaded media count.
  const uploaded = media.getByRole("list", { name: "Uploaded photos and videos" }).getByRole("listitem");
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#c2410c" } }).png().toBuffer();
  await page.getByLabel("Add photo or video").setInputFiles({ name: "dish.png", mimeType: "image/png", buffer: png });
  await expect(uploaded).toHaveCount(1);
  // Without a description the photo has alt="" (no img role), so it is found by its element.
  await expect(uploaded.locator("img")).toBeVisible();

  // Named and typed as a photo, but the server reads the bytes.
  const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  await page.getByLabel("Add photo or video").setInputFiles({ name: "dish.jpg", mimeType: "image/jpeg", buffer: pdf });
  await expect(media.getByRole("alert")).toContainText("This file looks like a PDF document");
  await expect(uploaded).toHaveCount(1);
});
