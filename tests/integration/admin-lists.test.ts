import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~/generated/prisma/client";
import type { ReviewState } from "~/generated/prisma/enums";
import { callerFor, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

const HOUR_MS = 60 * 60 * 1000;
const T0 = new Date("2026-11-01T08:00:00.000Z");
const hoursAfterT0 = (hours: number) => new Date(T0.getTime() + hours * HOUR_MS);

let t: TestDatabase;
let admin: User;
let alice: User;
let bilal: User;

// name, owner, state, hours after T0 it was created (equal values on purpose: ties must not break paging)
const RESTAURANTS: [string, "alice" | "bilal", ReviewState, number][] = [
  ["Karachi Karahi", "alice", "PENDING", 1],
  ["Clifton Chai", "alice", "APPROVED", 2],
  ["Lahore Karahi Point", "bilal", "REJECTED", 3],
  ["Gulberg Grill", "bilal", "PENDING", 3],
  ["Anarkali Sweets", "bilal", "DRAFT", 3],
  ["Model Town Tikka", "bilal", "SUSPENDED", 4],
  ["100% Halal_Burgers", "alice", "DRAFT", 5],
];

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createUser(t.db, { role: "ADMIN", email: "ayesha@foodar.pk", name: "Ayesha Admin" });
  alice = await createUser(t.db, { email: "alice@karachi.pk", name: "Alice Khan" });
  bilal = await createUser(t.db, { email: "bilal@lahore.pk", name: "Bilal Ahmed" });
  const owners = { alice, bilal };
  for (const [name, owner, state, hours] of RESTAURANTS) {
    await t.db.restaurant.create({
      data: {
        name,
        slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        ownerId: owners[owner].id,
        reviewState: state,
        createdAt: hoursAfterT0(hours),
        submittedAt: state === "DRAFT" ? null : hoursAfterT0(hours),
      },
    });
  }
});

const asAdmin = () => callerFor(t.db, sessionOf(admin), () => hoursAfterT0(100));
const names = (rows: { name: string }[]) => rows.map((row) => row.name);

describe("review queue", () => {
  it("lists only waiting restaurants, the one waiting longest first, with its owner", async () => {
    const asAlice = callerFor(t.db, sessionOf(alice), () => hoursAfterT0(10));
    // Created now, but submitted before everything else in the queue.
    const early = await asAlice.restaurants.create({ name: "Saddar Seekh" });
    await callerFor(t.db, sessionOf(alice), () => hoursAfterT0(0.5)).restaurants.submit({ restaurantId: early.id });
    // Created and submitted last.
    const late = await asAlice.restaurants.create({ name: "Boat Basin BBQ" });
    await asAlice.restaurants.submit({ restaurantId: late.id });

    const queue = await asAdmin().admin.reviewQueue();
    expect(names(queue)).toEqual(["Saddar Seekh", "Karachi Karahi", "Gulberg Grill", "Boat Basin BBQ"]);
    expect(queue.every((row) => row.reviewState === "PENDING")).toBe(true);
    expect(queue[0]?.owner).toEqual({ id: alice.id, email: "alice@karachi.pk", name: "Alice Khan" });

    // Leave the fixed data set as it was for the lists below.
    await t.db.auditLog.deleteMany({ where: { targetId: { in: [early.id, late.id] } } });
    await t.db.restaurant.deleteMany({ where: { id: { in: [early.id, late.id] } } });
  });
});

describe("restaurants list", () => {
  it("lists every restaurant, newest first", async () => {
    const { items, nextCursor } = await asAdmin().admin.restaurants({});
    expect(items).toHaveLength(RESTAURANTS.length);
    expect(nextCursor).toBeUndefined();
    expect(names(items.slice(0, 2))).toEqual(["100% Halal_Burgers", "Model Town Tikka"]);
    expect(names(items.slice(-2))).toEqual(["Clifton Chai", "Karachi Karahi"]);
  });

  it.each([
    ["PENDING", ["Gulberg Grill", "Karachi Karahi"]],
    ["REJECTED", ["Lahore Karahi Point"]],
    ["SUSPENDED", ["Model Town Tikka"]],
    ["APPROVED", ["Clifton Chai"]],
  ] as const)("filters by state %s", async (state, expected) => {
    const { items } = await asAdmin().admin.restaurants({ state });
    expect(names(items).sort()).toEqual([...expected].sort());
  });

  it("searches names case-insensitively, slugs, and owner emails", async () => {
    expect(names((await asAdmin().admin.restaurants({ search: "KARAHI" })).items).sort()).toEqual(["Karachi Karahi", "Lahore Karahi Point"]);
    expect(names((await asAdmin().admin.restaurants({ search: "model-town" })).items)).toEqual(["Model Town Tikka"]);
    expect(names((await asAdmin().admin.restaurants({ search: "@karachi.pk" })).items).sort()).toEqual(
      ["100% Halal_Burgers", "Clifton Chai", "Karachi Karahi"].sort(),
    );
    expect((await asAdmin().admin.restaurants({ search: "no such place" })).items).toEqual([]);
  });

  it("combines the state filter with the search", async () => {
    const { items } = await asAdmin().admin.restaurants({ state: "PENDING", search: "karahi" });
    expect(names(items)).toEqual(["Karachi Karahi"]);
  });

  it("treats % and _ in a search as the characters themselves, not as wildcards", async () => {
    expect(names((await asAdmin().admin.restaurants({ search: "%" })).items)).toEqual(["100% Halal_Burgers"]);
    expect(names((await asAdmin().admin.restaurants({ search: "_" })).items)).toEqual(["100% Halal_Burgers"]);
  });

  it("pages through everything with a cursor, each restaurant exactly once, in order", async () => {
    const all = names((await asAdmin().admin.restaurants({ limit: 100 })).items);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await asAdmin().admin.restaurants({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page.items));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(RESTAURANTS.length / 2));
  });

  it("pages through a filtered list too", async () => {
    const first = await asAdmin().admin.restaurants({ search: "karahi", limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();
    const second = await asAdmin().admin.restaurants({ search: "karahi", limit: 1, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect([...names(first.items), ...names(second.items)].sort()).toEqual(["Karachi Karahi", "Lahore Karahi Point"]);
  });

  it("shows one restaurant with its owner and history, and NOT_FOUND for an unknown id", async () => {
    const row = await t.db.restaurant.findFirstOrThrow({ where: { name: "Gulberg Grill" } });
    const detail = await asAdmin().admin.restaurant({ restaurantId: row.id });
    expect(detail.restaurant).toMatchObject({ name: "Gulberg Grill", owner: { email: "bilal@lahore.pk" } });
    expect(Array.isArray(detail.history)).toBe(true);
    await expect(asAdmin().admin.restaurant({ restaurantId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a page size outside 1–100", async () => {
    for (const limit of [0, 101, 2.5]) {
      const result = await callOverHttp({ db: t.db, session: sessionOf(admin), requestId: "t", now: () => T0 }, "admin.restaurants", { limit });
      expect(result.status, String(limit)).toBe(400);
      expect(result.error?.data.fieldErrors?.limit?.length).toBe(1);
    }
  });
});

describe("users list", () => {
  it("lists users newest first, with how many restaurants each owns", async () => {
    const { items } = await asAdmin().admin.users({});
    const byEmail = new Map(items.map((user) => [user.email, user]));
    expect(byEmail.get("alice@karachi.pk")?._count.restaurants).toBe(3);
    expect(byEmail.get("bilal@lahore.pk")?._count.restaurants).toBe(4);
    expect(byEmail.get("ayesha@foodar.pk")).toMatchObject({ role: "ADMIN", _count: { restaurants: 0 } });
    const created = items.map((user) => user.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("searches email and name case-insensitively, and filters by role", async () => {
    expect((await asAdmin().admin.users({ search: "AHMED" })).items.map((user) => user.email)).toEqual(["bilal@lahore.pk"]);
    expect((await asAdmin().admin.users({ search: "karachi.pk" })).items.map((user) => user.email)).toEqual(["alice@karachi.pk"]);
    expect((await asAdmin().admin.users({ role: "ADMIN" })).items.map((user) => user.email)).toEqual(["ayesha@foodar.pk"]);
    expect((await asAdmin().admin.users({ role: "OWNER" })).items.map((user) => user.email).sort()).toEqual(["alice@karachi.pk", "bilal@lahore.pk"]);
    expect((await asAdmin().admin.users({ search: "%" })).items).toEqual([]);
    expect((await asAdmin().admin.users({ search: "a_" })).items).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const all = (await asAdmin().admin.users({})).items.map((user) => user.id);
    const first = await asAdmin().admin.users({ limit: 2 });
    const rest = await asAdmin().admin.users({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((user) => user.id)).toEqual(all);
    expect(rest.nextCursor).toBeUndefined();
  });
});

describe("audit log", () => {
  const target = randomUUID();
  const otherTarget = randomUUID();

  beforeAll(async () => {
    const entry = (action: string, targetId: string, actorId: string, at: Date) =>
      t.db.auditLog.create({ data: { action, targetType: "restaurant", targetId, actorId, createdAt: at } });
    await entry("restaurant.created", target, alice.id, new Date("2026-10-01T09:00:00Z"));
    await entry("restaurant.submitted", target, alice.id, new Date("2026-10-02T09:00:00Z"));
    await entry("restaurant.rejected", target, admin.id, new Date("2026-10-03T09:00:00Z"));
    await entry("restaurant.created", otherTarget, bilal.id, new Date("2026-10-03T12:00:00Z"));
    await entry("restaurant.approved", otherTarget, admin.id, new Date("2026-10-05T09:00:00Z"));
    await t.db.auditLog.create({
      data: { action: "user.promoted", targetType: "user", targetId: bilal.id, actorId: null, createdAt: new Date("2026-10-04T09:00:00Z") },
    });
  });

  const actions = (rows: { action: string }[]) => rows.map((row) => row.action);

  it("lists entries newest first, with the actor", async () => {
    const { items } = await asAdmin().admin.auditLog({});
    expect(actions(items)).toEqual([
      "restaurant.approved",
      "user.promoted",
      "restaurant.created",
      "restaurant.rejected",
      "restaurant.submitted",
      "restaurant.created",
    ]);
    expect(items[0]?.actor).toEqual({ id: admin.id, email: "ayesha@foodar.pk", name: "Ayesha Admin" });
    expect(items[1]?.actor).toBeNull();
  });

  it("filters by action", async () => {
    const { items } = await asAdmin().admin.auditLog({ action: "restaurant.created" });
    expect(items.map((row) => row.targetId).sort()).toEqual([target, otherTarget].sort());
  });

  it("filters by target, and by actor", async () => {
    expect(actions((await asAdmin().admin.auditLog({ targetType: "restaurant", targetId: target })).items)).toEqual([
      "restaurant.rejected",
      "restaurant.submitted",
      "restaurant.created",
    ]);
    expect(actions((await asAdmin().admin.auditLog({ targetType: "user" })).items)).toEqual(["user.promoted"]);
    expect(actions((await asAdmin().admin.auditLog({ actorId: admin.id })).items)).toEqual(["restaurant.approved", "restaurant.rejected"]);
  });

  it("filters by a date range that includes its start and excludes its end", async () => {
    const { items } = await asAdmin().admin.auditLog({ from: new Date("2026-10-02T09:00:00Z"), to: new Date("2026-10-04T09:00:00Z") });
    expect(actions(items)).toEqual(["restaurant.created", "restaurant.rejected", "restaurant.submitted"]);
    const onlyBefore = await asAdmin().admin.auditLog({ to: new Date("2026-10-02T00:00:00Z") });
    expect(actions(onlyBefore.items)).toEqual(["restaurant.created"]);
    const onlyAfter = await asAdmin().admin.auditLog({ from: new Date("2026-10-04T10:00:00Z") });
    expect(actions(onlyAfter.items)).toEqual(["restaurant.approved"]);
  });

  it("combines filters", async () => {
    const { items } = await asAdmin().admin.auditLog({
      action: "restaurant.created",
      targetType: "restaurant",
      from: new Date("2026-10-03T00:00:00Z"),
    });
    expect(items.map((row) => row.targetId)).toEqual([otherTarget]);
  });

  it("rejects a range whose start is after its end, with the message on the end date", async () => {
    const result = await callOverHttp({ db: t.db, session: sessionOf(admin), requestId: "t", now: () => T0 }, "admin.auditLog", {
      from: new Date("2026-10-05T00:00:00Z"),
      to: new Date("2026-10-01T00:00:00Z"),
    });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.to).toEqual(["The start date must be before the end date"]);
  });

  it("pages with a cursor", async () => {
    const all = (await asAdmin().admin.auditLog({})).items.map((row) => row.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await asAdmin().admin.auditLog({ limit: 4, cursor });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("lists the distinct actions for the filter menu, alphabetically", async () => {
    expect(await asAdmin().admin.auditActions()).toEqual([
      "restaurant.approved",
      "restaurant.created",
      "restaurant.rejected",
      "restaurant.submitted",
      "user.promoted",
    ]);
  });
});
