import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";

// Toasts are list items too: rows are looked up in the list of tables only.
const tableRow = (page: Page, label: string) =>
  page.getByRole("list", { name: "Tables" }).getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });

async function downloaded(page: Page, start: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), start()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test("an owner names tables, downloads a table's code as PNG and prints the cards as PDF", async ({ page }) => {
  // Many steps, each a round trip, and a PDF built on the server: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await signInWithEmail(page, uniqueEmail("qr-owner"));
  await page.goto("/dashboard/restaurants/new");
  const slug = `qr-cafe-${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill("QR Cafe");
  await page.getByLabel("Web address").fill(slug);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  await page.getByRole("link", { name: "QR codes" }).click();
  await expect(page.getByRole("heading", { name: "QR Cafe" })).toBeVisible();
  await expect(page.getByText(/No tables yet/)).toBeVisible();

  // One named table, then "Table 1" to "Table 3" in one go.
  await page.getByLabel("Table name", { exact: true }).fill("Terrace");
  await page.getByRole("button", { name: "Add table" }).click();
  await expect(tableRow(page, "Terrace")).toContainText("?t=terrace");
  await page.getByLabel("To", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Add numbered tables" }).click();
  await expect(page.getByRole("list", { name: "Tables" }).getByRole("listitem")).toHaveCount(4);

  // A second "terrace" is refused on the field, whatever its case.
  await page.getByLabel("Table name", { exact: true }).fill("TERRACE");
  await page.getByRole("button", { name: "Add table" }).click();
  await expect(page.getByText("There is already a table called “TERRACE”")).toBeVisible();

  // Renamed, the table keeps its code, so a code printed before still counts for it.
  await tableRow(page, "Table 2").getByRole("button", { name: "Rename" }).click();
  const renameInput = page.getByRole("list", { name: "Tables" }).getByLabel("Table name", { exact: true });
  await renameInput.fill("Window");
  await renameInput.press("Enter");
  await expect(tableRow(page, "Window")).toContainText("?t=table-2");

  const png = await downloaded(page, () => tableRow(page, "Window").getByRole("link", { name: "PNG" }).click());
  expect(png.name).toBe(`${slug}-table-2.png`);
  const { data, info } = await sharp(png.bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info.width).toBeGreaterThanOrEqual(1024);
  const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height, { inversionAttempts: "dontInvert" })?.data;
  expect(decoded).toBe(`${new URL(page.url()).origin}/m/${slug}?t=table-2`);

  const pdf = await downloaded(page, () => page.getByRole("link", { name: "Download printable cards (PDF)" }).click());
  expect(pdf.name).toBe(`${slug}-qr-cards.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // Deleting asks first, in a dialog.
  await tableRow(page, "Table 3").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Table 3?" });
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "Tables" }).getByRole("listitem")).toHaveCount(3);

  // Moved up, Window comes first, and stays first after a reload.
  await tableRow(page, "Window").getByRole("button", { name: "Move up" }).click();
  await tableRow(page, "Window").getByRole("button", { name: "Move up" }).click();
  await expect(page.getByRole("list", { name: "Tables" }).getByRole("listitem").first()).toContainText("Window");
  await page.reload();
  await expect(page.getByRole("list", { name: "Tables" }).getByRole("listitem").first()).toContainText("Window");
});
