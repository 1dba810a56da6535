import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInWithEmail } from "./support/sign-in";

// The seeded owner of the live demo restaurant: customers' beacons only count for a live menu.
const OWNER_EMAIL = "bilal@foodar.local";
const PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

async function beacon(request: APIRequestContext, data: unknown, userAgent = PHONE_UA) {
  const response = await request.post("/api/menu-events", {
    headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": userAgent },
    data: JSON.stringify(data),
  });
  expect(response.status()).toBe(204);
}

test("an owner sees views per day, top dishes in 3D and AR, and views per table after customers use the menu", async ({ page }) => {
  await signInWithEmail(page, OWNER_EMAIL);
  await page.getByRole("link", { name: /Karachi Grill/ }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/restaurants\/[0-9a-f-]{36}$/);
  const restaurantId = /restaurants\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";

  // Product ids from the menu editor's edit links.
  await page.getByRole("link", { name: "Edit menu" }).click();
  const editLinks = page.getByRole("region", { name: "Products" }).getByRole("link", { name: "Edit" });
  await expect(editLinks.first()).toBeVisible();
  const productIds = (await editLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? "")))
    .map((href) => /products\/([0-9a-f-]{36})/.exec(href)?.[1])
    .filter((id): id is string => Boolean(id))
    .slice(0, 2);
  expect(productIds).toHaveLength(2);
  const [first = "", second = ""] = productIds;

  await beacon(page.request, {
    restaurantId,
    events: [
      { type: "MENU_VIEW" },
      { type: "MENU_VIEW" },
      { type: "PRODUCT_OPEN", productId: first },
      { type: "MODEL_OPEN", productId: first },
      { type: "MODEL_OPEN", productId: first },
      { type: "AR_LAUNCH", productId: first },
      { type: "MODEL_OPEN", productId: second },
    ],
  });
  // A crawler's beacon is answered the same and not counted.
  await beacon(page.request, { restaurantId, events: [{ type: "MENU_VIEW" }] }, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");

  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page).toHaveURL(/\/analytics$/);
  await expect(page.getByRole("heading", { name: "Menu views per day" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

  // recharts draws into SVG once it has loaded in the browser: one bar per day with views, one per ranked dish.
  const viewsChart = page.locator(".recharts-wrapper").first();
  await expect(viewsChart.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect").first()).toBeVisible();
  await expect(page.getByText("Top dishes in 3D and AR")).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2);
  await expect(page.locator(".recharts-legend-item-text").filter({ hasText: "AR launches" })).toBeVisible();

  const directRow = page.getByRole("row", { name: /No table \(direct link\)/ });
  await expect(directRow).toBeVisible();
  const views = Number((await directRow.getByRole("cell").first().textContent())?.replace(/\D/g, ""));
  expect(views).toBeGreaterThanOrEqual(2);

  // The range lives in the URL: a preset, then a custom range the server refuses, shown on the input.
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await page.goto(`/dashboard/restaurants/${restaurantId}/analytics?from=2026-06-10&to=2026-06-01`);
  await expect(page.getByText("The end date must be on or after the start date")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
});
