import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ReviewState } from "~/generated/prisma/enums";
import { utcDay } from "~/schemas/analytics";
import { createRestaurant, createUser } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The beacon route is called as Next calls it, against this file's database.
let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));

type PostHandler = (request: Request) => Promise<Response>;
let POST: PostHandler;

const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.126 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

type Menu = { restaurantId: string; productId: string; otherProductId: string; hiddenProductId: string };
let live: Menu;
let foreign: Menu;

async function createMenu(reviewState: ReviewState, trialEndsAt: Date | null): Promise<Menu> {
  const owner = await createUser(t.db);
  const restaurant = await createRestaurant(t.db, owner.id, { reviewState });
  await t.db.restaurant.update({ where: { id: restaurant.id }, data: { trialEndsAt } });
  const category = await t.db.category.create({ data: { restaurantId: restaurant.id, name: "Mains", position: 1 } });
  const product = (name: string, position: number, availability: "AVAILABLE" | "HIDDEN" = "AVAILABLE") =>
    t.db.product.create({ data: { restaurantId: restaurant.id, categoryId: category.id, name, priceMinor: 100_000, position, availability } });
  const [a, b, hidden] = [await product("Karahi", 1), await product("Biryani", 2), await product("Secret", 3, "HIDDEN")];
  await t.db.restaurantTable.create({ data: { restaurantId: restaurant.id, label: "Table 1", code: "t1", position: 1 } });
  return { restaurantId: restaurant.id, productId: a.id, otherProductId: b.id, hiddenProductId: hidden.id };
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

beforeAll(async () => {
  t = await createTestDatabase();
  vi.resetModules();
  POST = (await import("~/../app/api/menu-events/route")).POST;
  live = await createMenu("APPROVED", inAWeek());
  foreign = await createMenu("APPROVED", inAWeek());
});

function beacon(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/menu-events", {
    method: "POST",
    headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": PHONE, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

const json = (value: unknown) => JSON.stringify(value);

async function stats() {
  const menu = await t.db.menuDailyStat.findMany({ orderBy: [{ restaurantId: "asc" }, { tableCode: "asc" }, { event: "asc" }] });
  const products = await t.db.productDailyStat.findMany({ orderBy: [{ productId: "asc" }, { tableCode: "asc" }, { event: "asc" }] });
  return { menu, products };
}

async function menuCount(restaurantId: string, event: "MENU_VIEW" | "PRODUCT_OPEN" | "MODEL_OPEN" | "AR_LAUNCH", tableCode = "") {
  const row = await t.db.menuDailyStat.findUnique({
    where: { restaurantId_day_tableCode_event: { restaurantId, day: new Date(`${utcDay(new Date())}T00:00:00Z`), tableCode, event } },
  });
  return row?.count ?? 0;
}

async function productCount(productId: string, event: "PRODUCT_OPEN" | "MODEL_OPEN" | "AR_LAUNCH", tableCode = "") {
  const row = await t.db.productDailyStat.findUnique({
    where: { productId_day_tableCode_event: { productId, day: new Date(`${utcDay(new Date())}T00:00:00Z`), tableCode, event } },
  });
  return row?.count ?? 0;
}

/** Sends what must be refused and checks that no stats row changed. */
async function refused(request: Request) {
  const before = await stats();
  const response = await POST(request);
  expect(await stats()).toEqual(before);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("set-cookie")).toBeNull();
  return { status: response.status, body: (await response.json()) as { error: string } };
}

/** Sends what must be answered 204 and dropped, and checks that no stats row changed. */
async function dropped(request: Request) {
  const before = await stats();
  const response = await POST(request);
  expect(response.status).toBe(204);
  expect(await stats()).toEqual(before);
}

describe("POST /api/menu-events", () => {
  it("adds a batch to today's daily rows, one row per event and product, and a second batch adds to the same rows", async () => {
    const { restaurantId, productId, otherProductId } = live;
    const batch = json({
      restaurantId,
      table: "t1",
      events: [
        { type: "MENU_VIEW" },
        { type: "PRODUCT_OPEN", productId },
        { type: "MODEL_OPEN", productId },
        { type: "AR_LAUNCH", productId },
        { type: "MODEL_OPEN", productId },
        { type: "PRODUCT_OPEN", productId: otherProductId },
      ],
    });
    const first = await POST(beacon(batch));
    expect(first.status).toBe(204);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.headers.get("set-cookie")).toBeNull();
    expect(await first.text()).toBe("");

    // sendBeacon with a JSON Blob sends application/json: accepted the same.
    expect((await POST(beacon(batch, { "content-type": "application/json" }))).status).toBe(204);

    expect(await menuCount(restaurantId, "MENU_VIEW", "t1")).toBe(2);
    expect(await menuCount(restaurantId, "PRODUCT_OPEN", "t1")).toBe(4);
    expect(await menuCount(restaurantId, "MODEL_OPEN", "t1")).toBe(4);
    expect(await menuCount(restaurantId, "AR_LAUNCH", "t1")).toBe(2);
    expect(await productCount(productId, "MODEL_OPEN", "t1")).toBe(4);
    expect(await productCount(productId, "AR_LAUNCH", "t1")).toBe(2);
    expect(await productCount(productId, "PRODUCT_OPEN", "t1")).toBe(2);
    expect(await productCount(otherProductId, "PRODUCT_OPEN", "t1")).toBe(2);
    const rows = await t.db.productDailyStat.count({ where: { restaurantId } });
    expect(rows).toBe(4);
  });

  it("adds up beacons that arrive at the same time on the same rows, without losing any or deadlocking", async () => {
    const { restaurantId, productId, otherProductId } = live;
    const before = { views: await menuCount(restaurantId, "MENU_VIEW", "t1"), ar: await productCount(otherProductId, "AR_LAUNCH", "t1") };
    // Opposite orders inside the batches: the upserts still take their row locks in one order.
    const batches = Array.from({ length: 20 }, (_, index) => {
      const events = [{ type: "MENU_VIEW" }, { type: "MODEL_OPEN", productId }, { type: "AR_LAUNCH", productId: otherProductId }];
      return json({ restaurantId, table: "t1", events: index % 2 ? events.reverse() : events });
    });
    const responses = await Promise.all(batches.map((batch) => POST(beacon(batch))));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(204));
    expect(await menuCount(restaurantId, "MENU_VIEW", "t1")).toBe(before.views + 20);
    expect(await productCount(otherProductId, "AR_LAUNCH", "t1")).toBe(before.ar + 20);
  });

  it("counts a view without a table, and a table code the restaurant does not have, as no table", async () => {
    const { restaurantId } = live;
    const before = await menuCount(restaurantId, "MENU_VIEW");
    expect((await POST(beacon(json({ restaurantId, events: [{ type: "MENU_VIEW" }] })))).status).toBe(204);
    expect((await POST(beacon(json({ restaurantId, table: "made-up", events: [{ type: "MENU_VIEW" }] })))).status).toBe(204);
    expect(await menuCount(restaurantId, "MENU_VIEW")).toBe(before + 2);
    expect(await t.db.menuDailyStat.count({ where: { tableCode: "made-up" } })).toBe(0);
  });

  it("drops events for another restaurant's product or a hidden one, and counts the rest of the batch", async () => {
    const { restaurantId, productId, hiddenProductId } = live;
    const before = { opens: await menuCount(restaurantId, "PRODUCT_OPEN"), views: await menuCount(restaurantId, "MENU_VIEW") };
    const response = await POST(
      beacon(
        json({
          restaurantId,
          events: [
            { type: "MENU_VIEW" },
            { type: "PRODUCT_OPEN", productId: foreign.productId },
            { type: "AR_LAUNCH", productId: hiddenProductId },
            { type: "PRODUCT_OPEN", productId },
          ],
        }),
      ),
    );
    expect(response.status).toBe(204);
    expect(await menuCount(restaurantId, "MENU_VIEW")).toBe(before.views + 1);
    expect(await menuCount(restaurantId, "PRODUCT_OPEN")).toBe(before.opens + 1);
    expect(await menuCount(restaurantId, "AR_LAUNCH")).toBe(0);
    expect(await t.db.productDailyStat.count({ where: { productId: { in: [foreign.productId, hiddenProductId] } } })).toBe(0);
    expect(await t.db.menuDailyStat.count({ where: { restaurantId: foreign.restaurantId } })).toBe(0);
  });

  it("writes nothing when every event names a foreign product", async () => {
    await dropped(beacon(json({ restaurantId: live.restaurantId, events: [{ type: "MODEL_OPEN", productId: foreign.productId }] })));
  });

  it("answers a menu that is not live exactly as a restaurant that does not exist, and counts nothing", async () => {
    const pending = await createMenu("PENDING", null);
    const suspended = await createMenu("SUSPENDED", inAWeek());
    const trialOver = await createMenu("APPROVED", new Date(Date.now() - 1000));
    const answers: string[] = [];
    for (const restaurantId of [pending.restaurantId, suspended.restaurantId, trialOver.restaurantId, randomUUID()]) {
      const before = await stats();
      const response = await POST(beacon(json({ restaurantId, table: "t1", events: [{ type: "MENU_VIEW" }] })));
      answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
      expect(await stats()).toEqual(before);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^204 /);
  });

  it.each([
    ["Googlebot", { "user-agent": GOOGLEBOT }],
    ["a headless browser", { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36" }],
    ["curl", { "user-agent": "curl/8.5.0" }],
    ["an empty User-Agent", { "user-agent": "" }],
    ["a prefetch (Sec-Purpose)", { "sec-purpose": "prefetch" }],
    ["a prerender (Sec-Purpose)", { "sec-purpose": "prefetch;prerender" }],
    ["a prefetch (Purpose)", { purpose: "prefetch" }],
  ])("drops %s with the usual 204", async (_label, headers) => {
    await dropped(beacon(json({ restaurantId: live.restaurantId, events: [{ type: "MENU_VIEW" }] }), headers));
  });

  it("counts a phone's in-app browser (not a bot)", async () => {
    const before = await menuCount(live.restaurantId, "MENU_VIEW");
    const instagram = `${PHONE} Instagram 330.0.0.0.0 (iPhone15,2; iOS 17_5; en_US)`;
    expect((await POST(beacon(json({ restaurantId: live.restaurantId, events: [{ type: "MENU_VIEW" }] }), { "user-agent": instagram }))).status).toBe(204);
    expect(await menuCount(live.restaurantId, "MENU_VIEW")).toBe(before + 1);
  });

  const rid = () => live.restaurantId;
  it.each<[string, () => unknown, RegExp]>([
    ["events that are not a list", () => ({ restaurantId: rid(), events: "MENU_VIEW" }), /^events: .*expected array/],
    ["no events field", () => ({ restaurantId: rid() }), /^events: /],
    ["no restaurant", () => ({ events: [{ type: "MENU_VIEW" }] }), /^restaurantId: Unknown restaurant$/],
    ["a restaurant id that is a number", () => ({ restaurantId: 42, events: [{ type: "MENU_VIEW" }] }), /^restaurantId: Unknown restaurant$/],
    ["an unknown event type", () => ({ restaurantId: rid(), events: [{ type: "MENU_VIEW" }, { type: "CHECKOUT" }] }), /^events\.1\.type: /],
    ["a product event without a product", () => ({ restaurantId: rid(), events: [{ type: "MODEL_OPEN" }] }), /^events\.0\.productId: Unknown product$/],
    ["an unexpected field", () => ({ restaurantId: rid(), events: [{ type: "MENU_VIEW", ip: "1.2.3.4" }] }), /^events\.0: Unrecognized key/],
    ["a table code with spaces", () => ({ restaurantId: rid(), table: "Table 1", events: [{ type: "MENU_VIEW" }] }), /^table: Unknown table$/],
    ["an empty batch", () => ({ restaurantId: rid(), events: [] }), /^events: Send at least one event$/],
    ["51 events", () => ({ restaurantId: rid(), events: Array.from({ length: 51 }, () => ({ type: "MENU_VIEW" })) }), /^events: Send at most 50 events at once$/],
    ["a list instead of an object", () => [{ type: "MENU_VIEW" }], /expected object/],
  ])("refuses %s with 400, naming the field, and writes nothing", async (_label, body, message) => {
    const { status, body: answer } = await refused(beacon(json(body())));
    expect(status).toBe(400);
    expect(answer.error).toMatch(message);
  });

  it("refuses a batch of 50 good events and one bad one whole: nothing of it is counted", async () => {
    const events = [...Array.from({ length: 49 }, () => ({ type: "MENU_VIEW" })), { type: "AR_LAUNCH", productId: "nope" }];
    expect((await refused(beacon(json({ restaurantId: rid(), events })))).status).toBe(400);
  });

  it("refuses what is not JSON, or not UTF-8, with 400", async () => {
    expect(await refused(beacon("restaurantId=1&events=MENU_VIEW"))).toEqual({ status: 400, body: { error: "The body is not valid JSON" } });
    expect(await refused(beacon(""))).toEqual({ status: 400, body: { error: "The body is not valid JSON" } });
    expect(await refused(beacon(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toEqual({ status: 400, body: { error: "The body is not valid UTF-8 text" } });
  });

  it("refuses other content types with 415, and a missing one", async () => {
    const body = json({ restaurantId: rid(), events: [{ type: "MENU_VIEW" }] });
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
      const { status, body: answer } = await refused(beacon(body, { "content-type": type }));
      expect(status).toBe(415);
      expect(answer.error).toMatch(/application\/json or text\/plain/);
    }
    const untyped = new Request("http://localhost:3000/api/menu-events", { method: "POST", headers: { "user-agent": PHONE }, body: new Blob([body]) });
    expect((await refused(untyped)).status).toBe(415);
  });

  it("stops reading an oversized body at 16 KB with 413, whatever Content-Length says", async () => {
    // Valid JSON all the way (a long run of spaces), so only the size can be what is refused.
    const padded = `${json({ restaurantId: rid(), events: [{ type: "MENU_VIEW" }] }).slice(0, -1)}${" ".repeat(20 * 1024)}}`;
    expect(await refused(beacon(padded))).toEqual({ status: 413, body: { error: "Send at most 16 KB of events at once" } });

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new TextEncoder().encode(sent === 0 ? `{"restaurantId":"${rid()}","events":[` : `{"type":"MENU_VIEW"},`.repeat(100));
        sent += chunk.length;
        if (sent > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await refused(beacon(endless, { "content-length": "100" }))).status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024);
  });
});
