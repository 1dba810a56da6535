import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { buildTexturedModel } from "../tests/helpers/textured-model";
import { addProductAndEdit, createRestaurantMenu } from "./support/menu";

const modelSection = (page: Page) => page.getByRole("region", { name: "3D model" });

test("an owner uploads a GLB, sees it optimised without reloading and previews it", async ({ page }) => {
  // Optimisation runs as a background job; the status may take a while on a busy machine.
  test.setTimeout(120_000);
  await createRestaurantMenu(page);
  await addProductAndEdit(page, "Chicken karahi", "1450");
  const section = modelSection(page);
  await expect(section.getByText("No 3D model yet")).toBeVisible();

  // A 20 cm dish of about 300 KB with a PNG texture: small enough to be quick, with something to optimise.
  const glb = Buffer.from(await buildTexturedModel({ segments: 48, rings: 24, textureSize: 256 }));
  expect(glb.byteLength).toBeLessThan(1024 * 1024);

  // A local upload finishes before the bar can be seen: the request is held until the test has seen it.
  let releaseUpload = () => {};
  const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
  await page.route(/\/api\/uploads\/model\?/, async (route) => {
    await uploadHeld;
    await route.continue();
  });
  await page.getByLabel("Upload 3D model").setInputFiles({ name: "karahi.glb", mimeType: "model/gltf-binary", buffer: glb });
  await expect(section.getByRole("progressbar", { name: "Uploading karahi.glb" })).toBeVisible();
  releaseUpload();
  await expect(section.getByRole("progressbar")).toHaveCount(0);

  await expect(section.getByTestId("model-status")).toHaveText("Ready", { timeout: 60_000 });
  await expect(section.getByTestId("model-file-size")).toHaveText(/^\d+ KB → \d+ KB, [\d.]+% smaller$/);
  await expect(section.getByTestId("model-dimensions")).toHaveText(/^[\d.]+ × [\d.]+ × [\d.]+ cm$/);
  await expect(section.getByLabel("Replace 3D model")).toBeAttached();

  const viewer = section.locator("model-viewer");
  await expect(viewer).toHaveAttribute("ar-modes", "webxr scene-viewer quick-look");
  // Once the element is defined React sets src as a property, so it is read from there rather than the attribute.
  await expect.poll(() => viewer.evaluate((element) => (element as HTMLElement & { src?: string }).src ?? null)).toMatch(/^\/|^https?:/);
  const src = await viewer.evaluate((element) => (element as HTMLElement & { src: string }).src);
  // The optimised file is meshopt-compressed: without a decoder model-viewer fails here while the status says Ready.
  // Software WebGL in headless Chromium can block the page for 20 s compiling shaders on a busy machine.
  await viewer.scrollIntoViewIfNeeded();
  await expect
    .poll(() => viewer.evaluate((element) => (element as HTMLElement & { loaded?: boolean }).loaded ?? false), { timeout: 60_000 })
    .toBe(true);
  await expect(section.getByText("The 3D preview could not be loaded")).toHaveCount(0);
  const file = await page.request.get(src);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("model/gltf-binary");
  expect((await file.body()).subarray(0, 4).toString("latin1")).toBe("glTF");
});

test("a file that is not a GLB is refused with a clear message and no model is created", async ({ page }) => {
  await createRestaurantMenu(page);
  await addProductAndEdit(page, "Seekh kebab", "900");
  const section = modelSection(page);

  // A photo renamed .glb: the browser takes the name at its word, the server reads the bytes.
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#c2410c" } }).png().toBuffer();
  await page.getByLabel("Upload 3D model").setInputFiles({ name: "kebab.glb", mimeType: "model/gltf-binary", buffer: png });
  await expect(section.getByRole("alert")).toContainText("This file is a PNG image, not a GLB 3D model");
  await expect(section.getByText("No 3D model yet")).toBeVisible();

  await page.reload();
  await expect(modelSection(page).getByText("No 3D model yet")).toBeVisible();
  await expect(modelSection(page).getByTestId("model-status")).toHaveCount(0);
});
