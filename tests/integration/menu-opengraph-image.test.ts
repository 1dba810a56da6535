import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { notoFonts } from "~/server/text/noto-fonts";
import { shapeLine } from "~/server/text/shape-line";
import { createRestaurant, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// /m/<slug>/opengraph-image as Next calls it, against this file's database. The picture is read back: the name's
// ink (the only near-black in it) must start at the padding and be as wide as the name shaped by the Noto chain,
// which a name drawn as boxes, in the wrong order or unjoined would not be.

let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));
// Next's data cache lives in a running server; here the menu is read from the database on every call.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  unstable_cache: <Callback>(callback: Callback) => callback,
}));

type OpenGraphImage = (props: { params: Promise<{ slug: string }> }) => Promise<Response>;
let openGraphImage: OpenGraphImage;

beforeAll(async () => {
  t = await createTestDatabase();
  openGraphImage = (await import("~/../app/m/[slug]/opengraph-image")).default;
  const owner = await createUser(t.db);
  const restaurants = [
    { name: "کراچی گرل", slug: "karachi-grill-urdu", description: "کوئلے پر بنے تکے، کڑاہی اور تازہ نان۔", city: "کراچی" },
    { name: "Lahori Chaska لاہوری چسکا", slug: "lahori-chaska", description: "Street food from Lahore.", city: "Lahore" },
    { name: "Karachi Grill", slug: "karachi-grill", description: "Charcoal tikka and fresh naan.", city: "Karachi" },
  ];
  for (const { name, slug, description, city } of restaurants) {
    const restaurant = await createRestaurant(t.db, owner.id, { name, slug, reviewState: "APPROVED" });
    await t.db.restaurant.update({ where: { id: restaurant.id }, data: { description, city } });
  }
});

const render = (slug: string) => openGraphImage({ params: Promise.resolve({ slug }) });

/** The picture's size and the columns its near-black ink spans. */
async function read(response: Response) {
  expect(response.headers.get("content-type")).toBe("image/png");
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer())).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, right] = [Infinity, -Infinity];
  for (let pixel = 0; pixel < info.width * info.height; pixel += 1) {
    const [r = 255, g = 255, b = 255] = data.subarray(pixel * info.channels, pixel * info.channels + 3);
    if (r < 50 && g < 50 && b < 50) [left, right] = [Math.min(left, pixel % info.width), Math.max(right, pixel % info.width)];
  }
  return { width: info.width, height: info.height, ink: { left, right } };
}

describe("the public menu's OpenGraph image", () => {
  it("draws an Urdu name shaped at 96 px from the left padding, on a 1200×630 PNG", async () => {
    const { width, height, ink } = await read(await render("karachi-grill-urdu"));
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    const nameWidth = shapeLine("کراچی گرل", (await notoFonts()).regular).width * 96;
    // The first letter's ink starts a side bearing after the padding.
    expect(ink.left - 80).toBeGreaterThanOrEqual(0);
    expect(ink.left - 80).toBeLessThanOrEqual(10);
    // And ends within a side bearing of the shaped line's advance.
    expect(80 + nameWidth - ink.right).toBeGreaterThanOrEqual(-2);
    expect(80 + nameWidth - ink.right).toBeLessThanOrEqual(12);
  });

  it("draws a Latin name with an Urdu one as one line of outlines, made smaller to fit", async () => {
    const { width, height, ink } = await read(await render("lahori-chaska"));
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    // Too wide at 96 px for the 1040 px between the paddings, it takes the largest half pixel size that fits.
    const widthAtOne = shapeLine("Lahori Chaska لاہوری چسکا", (await notoFonts()).regular).width;
    expect(widthAtOne * 96).toBeGreaterThan(1040);
    const nameWidth = widthAtOne * (Math.floor((2 * 1040) / widthAtOne) / 2);
    // The first letter's ink starts a side bearing after the padding.
    expect(ink.left - 80).toBeGreaterThanOrEqual(0);
    expect(ink.left - 80).toBeLessThanOrEqual(10);
    // And ends within a side bearing of the shaped line's advance.
    expect(80 + nameWidth - ink.right).toBeGreaterThanOrEqual(-2);
    expect(80 + nameWidth - ink.right).toBeLessThanOrEqual(12);
  });

  it("still draws a Latin name as text", async () => {
    const { width, height, ink } = await read(await render("karachi-grill"));
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    expect(ink.left - 80).toBeGreaterThanOrEqual(0);
    expect(ink.left - 80).toBeLessThanOrEqual(10);
    expect(ink.right).toBeGreaterThan(400);
  });

  it("is not found for a menu that is not live", async () => {
    await expect(render("no-such-menu")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  });
});
