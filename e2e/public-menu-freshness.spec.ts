import { expect, test } from "@playwright/test";
import { addProductAndEdit, createRestaurantMenu } from "./support/menu";
import { signInAsAdmin } from "./support/sign-in";

// The public page is served from the cache; an edit must still reach customers within a second.
test("a product edited in the dashboard is on the public menu within 1 second", async ({ page, browser, request }) => {
  await createRestaurantMenu(page);
  const menuUrl = page.url();
  await addProductAndEdit(page, "Seekh kebab", "850");
  const editUrl = page.url();

  await page.goto(menuUrl.replace(/\/menu$/, ""));
  const name = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  const slug = (await page.getByText(/^\/m\//).first().textContent())?.trim().replace(/^\/m\//, "") ?? "";
  expect(slug).not.toBe("");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);
  const admin = await signInAsAdmin(browser);
  await admin.goto("/admin");
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Approved/);

  // Twice: the first request renders and caches the page, the second is served from the cache.
  for (let i = 0; i < 2; i += 1) {
    const cached = await request.get(`/m/${slug}`);
    expect(cached.status()).toBe(200);
    expect(await cached.text()).toContain("Seekh kebab");
  }

  await page.goto(editUrl);
  await page.getByLabel("Name", { exact: true }).fill("Seekh kebab platter");
  const saved = page.waitForResponse((response) => response.url().includes("menu.products.update") && response.ok());
  await page.getByRole("button", { name: "Save product" }).click();
  await saved;
  const savedAt = Date.now();
  let html = "";
  while (Date.now() - savedAt < 1000) {
    html = await (await request.get(`/m/${slug}`)).text();
    if (html.includes("Seekh kebab platter")) break;
  }
  expect(html).toContain("Seekh kebab platter");
  expect(Date.now() - savedAt).toBeLessThan(1000);
});
