import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { buildTexturedModel } from "../tests/helpers/textured-model";
import { createRestaurantMenu, productRow } from "./support/menu";
import { watchPolicyViolations } from "./support/policy-violations";
import { signInAsAdmin } from "./support/sign-in";

// The public menu on phones, as guests meet it after scanning a table's QR code. Only Debian's Chromium runs here,
// so each profile keeps its screen, touch and user agent but not its browser type (which cannot change inside a
// file's describe blocks anyway): the iPhone runs on Chromium too.
const { defaultBrowserType: _webkit, ...iPhone } = devices["iPhone 13"];
const { defaultBrowserType: _chromium, ...pixel } = devices["Pixel 7"];
const { defaultBrowserType: _desktop, ...desktop } = devices["Desktop Chrome"];

const SCRIPT_NAME = "<script>alert(1)</script>";
const DISH_WITH_MODEL = "Chicken karahi";

// Seeded by prisma/seed.ts: approved and in its trial, with five categories, a sold-out and a hidden dish.
const SEEDED_LIVE = "karachi-grill";
const SEEDED_SUSPENDED = "quetta-sajji";
const SEEDED_PENDING = "lahore-chai-house";

/** A 1200×900 photo that looks like a plate from above, so screenshots show the layout as it will be. */
async function platePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <defs><radialGradient id="sauce"><stop offset="0" stop-color="#f59e0b"/><stop offset="0.7" stop-color="#c2410c"/><stop offset="1" stop-color="#7c2d12"/></radialGradient></defs>
    <rect width="1200" height="900" fill="#57534e"/><circle cx="600" cy="450" r="380" fill="#fafaf9"/>
    <circle cx="600" cy="450" r="300" fill="url(#sauce)"/><circle cx="520" cy="400" r="40" fill="#fde68a"/><circle cx="680" cy="500" r="34" fill="#fef3c7"/>
    <circle cx="650" cy="360" r="18" fill="#16a34a"/><circle cx="540" cy="530" r="14" fill="#15803d"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** From the menu editor: a product with a name and a price in the given category. */
async function addProductInCategory(page: Page, menuUrl: string, name: string, price: string, category: string) {
  await page.goto(menuUrl);
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page).toHaveURL(/\/menu\/products\/new/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price").fill(price);
  await page.getByLabel("Category").selectOption({ label: category });
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page).toHaveURL(/\/menu$/);
}

/**
 * An owner builds a menu through the dashboard (a dish with a photo and a 3D model, a dish named like a script tag,
 * a second category) and an admin approves the restaurant, all under the pages' Content-Security-Policy (none of it
 * may be refused). Returns the menu's slug.
 */
async function publishMenuWithModel(browser: Browser): Promise<string> {
  // The dashboard is set up on a desktop screen, whichever phone the first test emulates.
  const context = await browser.newContext(desktop);
  const violations = await watchPolicyViolations(context);
  const page = await context.newPage();
  await createRestaurantMenu(page);
  const menuUrl = page.url();
  const restaurantUrl = menuUrl.replace(/\/menu$/, "");
  // The form clears itself once the first category is saved, which can wipe text typed just before.
  await expect(async () => {
    await page.getByLabel("Category name").fill("Drinks");
    await page.getByRole("button", { name: "Add category" }).click();
    await expect(page.getByRole("region", { name: "Categories" }).getByText("Drinks").first()).toBeVisible({ timeout: 2_000 });
  }).toPass();

  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page).toHaveURL(/\/menu\/products\/new/);
  await page.getByLabel("Name", { exact: true }).fill(DISH_WITH_MODEL);
  await page.getByLabel("Price").fill("1450");
  await page.getByLabel("Description").fill("Tomato, green chilli and ginger, cooked in the wok.");
  await page.getByRole("button", { name: "Save product" }).click();
  await productRow(page, DISH_WITH_MODEL).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/menu\/products\/[0-9a-f-]{36}$/);
  await page.getByLabel("Add photo or video").setInputFiles({ name: "karahi.jpg", mimeType: "image/jpeg", buffer: await platePhoto() });
  const media = page.getByRole("region", { name: "Photos and videos" });
  await expect(media.getByRole("list", { name: "Uploaded photos and videos" }).getByRole("listitem")).toHaveCount(1);
  const glb = Buffer.from(await buildTexturedModel({ segments: 48, rings: 24, textureSize: 256, diameter: 0.24 }));
  await page.getByLabel("Upload 3D model").setInputFiles({ name: "karahi.glb", mimeType: "model/gltf-binary", buffer: glb });
  const modelRegion = page.getByRole("region", { name: "3D model" });
  await expect(modelRegion.getByTestId("model-status")).toHaveText("Ready", { timeout: 90_000 });
  // The owner's preview is model-viewer too, with its decoders, under the dashboard's nonce policy.
  // model-viewer loads its model once it is on screen.
  await modelRegion.locator("model-viewer").scrollIntoViewIfNeeded();
  await expect(modelRegion.getByText("Loading the 3D preview")).toHaveCount(0, { timeout: 90_000 });
  await expect(modelRegion.getByText("could not be loaded")).toHaveCount(0);

  await addProductInCategory(page, menuUrl, SCRIPT_NAME, "100", "Starters");
  await addProductInCategory(page, menuUrl, "Mint Margarita", "350", "Drinks");

  await page.goto(restaurantUrl);
  const slug = (await page.getByText(/^\/m\/[a-z0-9-]+$/).textContent())?.slice(3);
  if (!slug) throw new Error("The restaurant page shows no menu address");
  const name = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);

  const admin = await signInAsAdmin(browser, desktop);
  const adminViolations = await watchPolicyViolations(admin.context());
  await admin.goto("/admin");
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Approved/);
  await admin.context().close();
  await context.close();
  expect([...violations, ...adminViolations]).toEqual([]);
  return slug;
}

let slug = "";

test.beforeAll(async ({ browser }, testInfo) => {
  // The model is optimised by a background job, which takes a while on a busy machine.
  testInfo.setTimeout(240_000);
  slug = await publishMenuWithModel(browser);
});

/** Every request the page makes, to check that nothing leaves our origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

/** The analytics beacons, held at the route so the test reads what the page sent. */
async function captureBeacons(page: Page): Promise<unknown[]> {
  const batches: unknown[] = [];
  await page.route("**/api/menu-events", async (route) => {
    batches.push(route.request().postDataJSON());
    await route.fulfill({ status: 204 });
  });
  return batches;
}

function menuTests(device: "iPhone" | "Pixel") {
  test("a QR link opens the menu, and the category nav follows and moves the page", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const response = await page.goto(`/m/${SEEDED_LIVE}?t=table-1`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Karachi Grill" })).toBeVisible();
    await expect(page.getByRole("link", { name: /\+92 300 1234567/ })).toHaveAttribute("href", "tel:+923001234567");

    const nav = page.getByRole("navigation", { name: "Menu categories" });
    await expect(nav.getByRole("link")).toHaveText(["Starters", "From the grill", "Karahi", "Breads", "Drinks"]);
    await expect(nav.getByRole("link", { name: "Starters" })).toHaveAttribute("aria-current", "location");

    await nav.getByRole("link", { name: "Breads" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Breads" })).toBeInViewport();
    await expect(nav.getByRole("link", { name: "Breads" })).toHaveAttribute("aria-current", "location");
    await expect(nav.getByRole("link", { name: "Starters" })).not.toHaveAttribute("aria-current", "location");
    // The sticky nav stays on screen while the page has moved.
    await expect(nav).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await expect(page).toHaveURL(/\?t=table-1#category-/);
    // The tapped link scrolls smoothly; wait until it has arrived, below the sticky nav.
    await expect(async () => {
      const top = await page.getByRole("heading", { level: 2, name: "Breads" }).evaluate((heading) => heading.getBoundingClientRect().top);
      expect(top).toBeLessThan(150);
    }).toPass();

    // Scrolling by hand moves the highlight too.
    await page.getByRole("heading", { level: 2, name: "Karahi" }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await expect(nav.getByRole("link", { name: "Karahi" })).toHaveAttribute("aria-current", "location");

    // Sold-out dishes are listed as such; hidden ones are not there at all.
    const chops = page.getByRole("article", { name: "Mutton Chops" });
    await expect(chops.getByText("Sold out")).toBeVisible();
    await expect(page.getByText("Staff special")).toHaveCount(0);
    await expect(page.getByRole("article", { name: "Chicken Samosa" }).getByRole("list", { name: "Allergens" })).toContainText("Gluten");
    expect(dialogs).toBe(0);
  });

  test("a dish opens in the 3D viewer with decoders from our own origin, and the AR button is there, nothing refused by the CSP", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const violations = await watchPolicyViolations(page.context());
    const requests = recordRequests(page);
    const beacons = await captureBeacons(page);
    await page.goto(`/m/${slug}?t=table-1`);
    const dish = page.getByRole("article", { name: DISH_WITH_MODEL });
    // Without a description the photo has alt="" (no img role), so it is found by its element.
    await expect(dish.locator("img")).toHaveAttribute("loading", "lazy");
    // model-viewer's code is not part of the page until a guest opens a model.
    expect(await page.evaluate(() => customElements.get("model-viewer") === undefined)).toBe(true);

    // Details first: the photo, the description, the allergens section.
    await dish.getByRole("button", { name: DISH_WITH_MODEL }).click();
    const details = page.getByRole("dialog", { name: DISH_WITH_MODEL, exact: true });
    await expect(details).toBeVisible();
    await expect(details.getByText("Tomato, green chilli and ginger")).toBeVisible();
    await expect(page).toHaveURL(/#dish=/);
    // Back closes it, as on any phone sheet.
    await page.goBack();
    await expect(details).toBeHidden();

    // model-viewer's `load` does not bubble: a capturing listener on the document still hears it. The flag is
    // polled rather than awaited: while software WebGL renders, the page's timers and promises starve.
    await page.evaluate(() => {
      document.addEventListener("load", (event) => {
        if (event.target instanceof Element && event.target.localName === "model-viewer") document.documentElement.dataset.modelLoaded = "true";
      }, true);
    });
    await dish.getByRole("button", { name: "View in 3D" }).click();
    const viewer = page.getByRole("dialog", { name: `3D view ${DISH_WITH_MODEL}` });
    const modelViewer = viewer.locator("model-viewer");
    await expect(modelViewer).toHaveAttribute("ar-modes", "webxr scene-viewer quick-look");
    await expect(modelViewer).toHaveAttribute("ar-placement", "floor");
    await expect(modelViewer).toHaveAttribute("ar-scale", "auto");
    await expect(modelViewer).toHaveAttribute("camera-controls", "");
    // Software WebGL in headless Chromium can take long to compile shaders on a busy machine.
    await expect(page.locator("html")).toHaveAttribute("data-model-loaded", "true", { timeout: 90_000 });
    await expect(viewer.getByText("Loading the 3D model")).toHaveCount(0);

    const arButton = viewer.getByRole("button", { name: "View on your table" });
    await expect(arButton).toBeVisible();
    if (device === "Pixel") {
      // Android's user agent is enough for model-viewer to offer Scene Viewer.
      await expect(arButton).toBeEnabled();
    } else {
      // Chromium is not Safari: no Quick Look, and the page says so instead of offering a dead button.
      await expect(arButton).toBeDisabled();
      await expect(viewer.getByText("This browser cannot place dishes on your table")).toBeVisible();
    }

    // One viewer for the page: opened from the dish's details it closes back onto them, and back/Escape close the rest.
    await viewer.getByRole("button", { name: "Close" }).click();
    await expect(viewer).toBeHidden();
    await dish.getByRole("button", { name: DISH_WITH_MODEL }).click();
    await details.getByRole("button", { name: "View in 3D" }).click();
    await expect(viewer).toBeVisible();
    await expect(page.locator("model-viewer")).toHaveCount(1);
    await viewer.getByRole("button", { name: "Close" }).click();
    await expect(viewer).toBeHidden();
    await expect(details).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(details).toBeHidden();
    await expect(page).not.toHaveURL(/#dish=/);

    const origin = new URL(baseURL ?? "").origin;
    expect(requests.filter((url) => url.includes("/decoders/meshopt-"))).toHaveLength(1);
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);

    // The page hands its counts over when it is left.
    await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
    await expect.poll(() => beacons.length).toBeGreaterThan(0);
    const events = beacons.flatMap((batch) => (batch as { table?: string; events: { type: string }[] }).events.map((event) => event.type));
    expect(beacons.every((batch) => (batch as { table?: string }).table === "table-1")).toBe(true);
    expect(events).toEqual(expect.arrayContaining(["MENU_VIEW", "PRODUCT_OPEN", "MODEL_OPEN"]));
    // The cached page's static policy refused nothing that the menu, the viewer or its decoders do.
    expect(violations).toEqual([]);
  });

  test("a dish named like a script tag is shown as text and runs nothing", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(`/m/${slug}`);
    await expect(page.getByRole("heading", { level: 3, name: SCRIPT_NAME })).toBeVisible();
    // The JSON-LD carries the name too, escaped: still one script element, whose JSON reads back the same name.
    const jsonLd = (await page.locator('script[type="application/ld+json"]').textContent()) ?? "";
    expect(jsonLd).not.toContain("<");
    const sections = (JSON.parse(jsonLd) as { hasMenu: { hasMenuSection: { hasMenuItem: { name: string }[] }[] } }).hasMenu.hasMenuSection;
    expect(sections.flatMap((section) => section.hasMenuItem.map((item) => item.name))).toContain(SCRIPT_NAME);
    await page.getByRole("button", { name: SCRIPT_NAME }).click();
    await expect(page.getByRole("dialog", { name: SCRIPT_NAME })).toBeVisible();
    expect(dialogs).toBe(0);
  });

  test("suspended and unapproved restaurants get the same not-found page, naming nothing", async ({ page }) => {
    for (const [hidden, name] of [
      [SEEDED_SUSPENDED, "Quetta Sajji"],
      [SEEDED_PENDING, "Lahore Chai House"],
      ["no-such-menu", null],
    ] as const) {
      const response = await page.goto(`/m/${hidden}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "This menu isn’t available" })).toBeVisible();
      if (name) expect(await page.content()).not.toContain(name);
    }
  });
}

test.describe("on an iPhone", () => {
  test.use(iPhone);
  menuTests("iPhone");
});

test.describe("on a Pixel", () => {
  test.use(pixel);
  menuTests("Pixel");
});
