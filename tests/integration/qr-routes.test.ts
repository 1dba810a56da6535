import jsQR from "jsqr";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Restaurant, RestaurantTable, User } from "~/generated/prisma/client";
import type { Session } from "~/server/auth/session";
import { createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The route handlers are called as Next calls them, against this file's database, with whoever the test says
// is signed in. The codes are read back from the images, so a wrong URL fails here, not at a restaurant table.
let t: TestDatabase;
let session: Session | null = null;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/auth/get-session", () => ({ getSession: async () => session }));

type Handler = (request: Request, context: { params: Promise<{ restaurant: string }> }) => Promise<Response>;
let imageRoute: Handler;
let cardsRoute: Handler;
let owner: User;
let stranger: User;
let restaurant: Restaurant;
let tables: RestaurantTable[];
let strangersRestaurant: Restaurant;
let strangersTable: RestaurantTable;

const ORIGIN = "https://menus.example.com";

beforeAll(async () => {
  t = await createTestDatabase();
  imageRoute = (await import("~/../app/api/qr/[restaurant]/route")).GET;
  cardsRoute = (await import("~/../app/api/qr/[restaurant]/cards.pdf/route")).GET;
  owner = await createUser(t.db);
  stranger = await createUser(t.db);
  restaurant = await createRestaurant(t.db, owner.id, { name: "Karachi Grill", slug: "karachi-grill", reviewState: "APPROVED" });
  tables = await Promise.all(
    ["Table 1", "Table 2", "Terrace 3", "Window", "Bar", "Patio", "میز ۷"].map((label, position) =>
      t.db.restaurantTable.create({ data: { restaurantId: restaurant.id, label, code: `code-${position + 1}`, position } }),
    ),
  );
  strangersRestaurant = await createRestaurant(t.db, stranger.id, { name: "Lahori Dhaba", slug: "lahori-dhaba" });
  strangersTable = await t.db.restaurantTable.create({ data: { restaurantId: strangersRestaurant.id, label: "Table 1", code: "table-1", position: 0 } });
});

beforeEach(() => {
  session = sessionOf(owner);
});

function get(route: Handler, segment: string, path: string) {
  // Behind the proxy the browser's host arrives forwarded; the QR codes must point there.
  const request = new Request(`http://127.0.0.1:3000/api/qr/${path}`, {
    headers: { "x-forwarded-host": "menus.example.com", "x-forwarded-proto": "https" },
  });
  return route(request, { params: Promise.resolve({ restaurant: segment }) });
}

const image = (file: string, query = "") => get(imageRoute, file, `${file}${query}`);
const cards = (restaurantId: string, query = "") => get(cardsRoute, restaurantId, `${restaurantId}/cards.pdf${query}`);

async function decode(picture: Buffer): Promise<{ text: string | null; width: number }> {
  const { data, info } = await sharp(picture).flatten({ background: "white" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { text: jsQR(new Uint8ClampedArray(data), info.width, info.height, { inversionAttempts: "dontInvert" })?.data ?? null, width: info.width };
}

describe("GET /api/qr/<restaurantId>.png and .svg", () => {
  it("serves a table's PNG of at least 1024 px that reads back as the menu URL with the table's code", async () => {
    const table = tables[2] as RestaurantTable;
    const response = await image(`${restaurant.id}.png`, `?table=${table.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="karachi-grill-code-3.png"`);
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { text, width } = await decode(png);
    expect(width).toBeGreaterThanOrEqual(1024);
    expect(text).toBe(`${ORIGIN}/m/karachi-grill?t=code-3`);
  });

  it("serves the restaurant's own code without a table", async () => {
    const response = await image(`${restaurant.id}.png`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="karachi-grill.png"`);
    expect((await decode(Buffer.from(await response.arrayBuffer()))).text).toBe(`${ORIGIN}/m/karachi-grill`);
  });

  it("serves a well-formed SVG that renders to the same code", async () => {
    const table = tables[0] as RestaurantTable;
    const response = await image(`${restaurant.id}.svg`, `?table=${table.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="karachi-grill-code-1.svg"`);
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.trim()).toMatch(/<\/svg>$/);
    // librsvg (in sharp) refuses malformed XML, so rendering it is the well-formedness check.
    expect((await decode(await sharp(Buffer.from(svg)).png().toBuffer())).text).toBe(`${ORIGIN}/m/karachi-grill?t=code-1`);
  });

  it("answers 401 to nobody, before looking at anything", async () => {
    session = null;
    const response = await image(`${restaurant.id}.png`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to download QR codes" });
  });

  it("answers 404 for another owner's restaurant or table, exactly as for one that does not exist", async () => {
    const theirs = await image(`${strangersRestaurant.id}.png`);
    const missing = await image(`${crypto.randomUUID()}.png`);
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    expect(await theirs.json()).toEqual(await missing.json());
    // Their table through our own restaurant is not found either.
    expect((await image(`${restaurant.id}.svg`, `?table=${strangersTable.id}`)).status).toBe(404);
    expect((await image(`${restaurant.id}.gif`)).status).toBe(404);
    expect((await image("not-a-restaurant.png")).status).toBe(404);
    expect((await image(`${restaurant.id}.png`, "?table=nope")).status).toBe(400);
  });
});

describe("GET /api/qr/<restaurantId>/cards.pdf", () => {
  async function pdfOf(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    return PDFDocument.load(bytes);
  }

  it("prints every table, six to an A4 page", async () => {
    const response = await cards(restaurant.id);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="karachi-grill-qr-cards.pdf"`);
    const pdf = await pdfOf(response);
    expect(pdf.getPageCount()).toBe(2);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  it("prints only the chosen tables", async () => {
    const chosen = tables.slice(0, 2).map((table) => table.id);
    expect((await pdfOf(await cards(restaurant.id, `?tables=${chosen.join(",")}`))).getPageCount()).toBe(1);
  });

  it("prints the restaurant's own code when it has no tables, also for a name in Urdu", async () => {
    const urdu = await createRestaurant(t.db, owner.id, { name: "کراچی گرل اینڈ باربی کیو", slug: "karachi-grill-urdu" });
    expect((await pdfOf(await cards(urdu.id))).getPageCount()).toBe(1);
  });

  it("answers 401 to nobody, 404 for another owner's restaurant or tables, 400 for a malformed list", async () => {
    session = null;
    expect((await cards(restaurant.id)).status).toBe(401);
    session = sessionOf(owner);
    expect((await cards(strangersRestaurant.id)).status).toBe(404);
    expect((await cards(restaurant.id, `?tables=${tables[0]?.id},${strangersTable.id}`)).status).toBe(404);
    expect((await cards("not-a-restaurant")).status).toBe(404);
    const malformed = await cards(restaurant.id, "?tables=1,2");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "Unknown table" });
  });
});
