import { beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import type { Context } from "~/server/api/trpc";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

let t: TestDatabase;
let owner: User;
let otherOwner: User;
let mine: Restaurant;
let theirs: Restaurant;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "owner@example.com" });
  otherOwner = await createUser(t.db, { email: "other@example.com" });
  mine = await createRestaurant(t.db, owner.id, { name: "Karachi Grill", slug: "karachi-grill" });
  theirs = await createRestaurant(t.db, otherOwner.id, { name: "Lahore Grill", slug: "lahore-grill" });
});

const ownerContext = (): Context => ({ db: t.db, session: sessionOf(owner), requestId: "test", now: () => new Date() });

async function counts() {
  return { restaurants: await t.db.restaurant.count(), audit: await t.db.auditLog.count(), users: await t.db.user.count() };
}

/** Runs a call that must be refused and checks that the database is exactly as before. */
async function refused(path: string, input: unknown) {
  const before = { counts: await counts(), mine: await t.db.restaurant.findUniqueOrThrow({ where: { id: mine.id } }) };
  const result = await callOverHttp(ownerContext(), path, input);
  expect(result.error, "the call should have been refused").toBeDefined();
  expect(await counts()).toEqual(before.counts);
  expect(await t.db.restaurant.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(before.mine);
  return { status: result.status, code: result.error?.data.code, message: result.error?.message, fieldErrors: result.error?.data.fieldErrors, formErrors: result.error?.data.formErrors };
}

describe("creating a restaurant with bad input changes nothing and says what to fix", () => {
  it.each([
    ["an empty name", { name: "" }, "Name must be at least 2 characters"],
    ["a name of spaces", { name: "     " }, "Name must be at least 2 characters"],
    ["no name at all", {}, "Name is required"],
    ["a 300-character name", { name: "x".repeat(300) }, "Name must be at most 120 characters"],
  ])("%s → 400 with the message on the name field", async (_label, input, message) => {
    const error = await refused("restaurants.create", input);
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST", message: `name: ${message}` });
    expect(error.fieldErrors?.name).toEqual([message]);
  });

  it("a reserved address → 400 on the slug field", async () => {
    const error = await refused("restaurants.create", { name: "Admin Panel Cafe", slug: "admin" });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(error.fieldErrors?.slug).toEqual(["This address is reserved; choose another"]);
  });

  it("an address with characters a URL cannot show → 400 on the slug field", async () => {
    const error = await refused("restaurants.create", { name: "Karachi Grill", slug: "karachi grill!" });
    expect(error.status).toBe(400);
    expect(error.fieldErrors?.slug).toEqual(["Use lowercase letters, digits and single hyphens (e.g. karachi-grill)"]);
  });

  it("an address another restaurant already has → 409 on the slug field", async () => {
    const error = await refused("restaurants.create", { name: "Another Lahore Grill", slug: "lahore-grill" });
    expect(error).toMatchObject({ status: 409, code: "CONFLICT", message: "This address is already taken" });
    expect(error.fieldErrors?.slug).toEqual(["This address is already taken; choose another"]);
  });

  it.each([
    ["reviewState", "APPROVED"],
    ["ownerId", "00000000-0000-4000-8000-000000000000"],
    ["trialEndsAt", "2099-01-01T00:00:00.000Z"],
  ])("an unknown field %j → 400 naming the field, not silently ignored", async (field, value) => {
    const error = await refused("restaurants.create", { name: "Sneaky Grill", [field]: value });
    expect(error.status).toBe(400);
    expect(error.formErrors).toEqual([`Unrecognized key: "${field}"`]);
  });

  it("several problems at once are all reported, each on its field", async () => {
    const error = await refused("restaurants.create", { name: "", slug: "api", phone: "call me", currency: "RUPEES" });
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["currency", "name", "phone", "slug"]);
  });

  it.each([
    ["text", "Karachi Grill"],
    ["null", null],
    ["a list", [{ name: "Karachi Grill" }]],
  ])("a body that is %s instead of a form → 400", async (_label, input) => {
    const error = await refused("restaurants.create", input);
    expect(error.status).toBe(400);
  });

  it("the in-process caller refuses the same way (BAD_REQUEST), for server components", async () => {
    const before = await counts();
    await expect(callerFor(t.db, sessionOf(owner)).restaurants.create({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await counts()).toEqual(before);
  });
});

describe("markup in a name is kept as text", () => {
  it("stores <script> verbatim, derives a plain address, and returns it unchanged", async () => {
    const name = "<script>alert(1)</script>";
    const created = await callerFor(t.db, sessionOf(owner)).restaurants.create({ name, description: `<img src=x onerror="alert('x')">` });
    expect(created.name).toBe(name);
    expect(created.slug).toBe("script-alert-1-script");
    const stored = await t.db.restaurant.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.name).toBe(name);
    expect(stored.description).toBe(`<img src=x onerror="alert('x')">`);
    const overHttp = await callOverHttp(ownerContext(), "restaurants.byId", { restaurantId: created.id });
    expect(overHttp.data).toMatchObject({ name });
  });

  it("stores quotes and SQL-looking text verbatim", async () => {
    const name = `Robert'); DROP TABLE "Restaurant";--`;
    const created = await callerFor(t.db, sessionOf(owner)).restaurants.create({ name });
    expect((await t.db.restaurant.findUniqueOrThrow({ where: { id: created.id } })).name).toBe(name);
  });
});

describe("editing a restaurant with bad input changes nothing", () => {
  const edit = (changes: Record<string, unknown>) => ({ restaurantId: mine.id, name: "Karachi Grill", slug: "karachi-grill", ...changes });

  it("an empty name → 400 on the name field", async () => {
    const error = await refused("restaurants.update", edit({ name: "" }));
    expect(error.fieldErrors?.name).toEqual(["Name must be at least 2 characters"]);
  });

  it("another restaurant's address → 409 on the slug field", async () => {
    const error = await refused("restaurants.update", edit({ slug: theirs.slug }));
    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.fieldErrors?.slug).toEqual(["This address is already taken; choose another"]);
  });

  it("a reserved address → 400 on the slug field", async () => {
    const error = await refused("restaurants.update", edit({ slug: "dashboard" }));
    expect(error.fieldErrors?.slug).toEqual(["This address is reserved; choose another"]);
  });

  it.each([
    ["reviewState", "APPROVED"],
    ["ownerId", "00000000-0000-4000-8000-000000000000"],
    ["reviewReason", null],
  ])("an unknown field %j → 400, the restaurant keeps its state and owner", async (field, value) => {
    const error = await refused("restaurants.update", edit({ [field]: value }));
    expect(error.status).toBe(400);
    expect(error.formErrors).toEqual([`Unrecognized key: "${field}"`]);
  });

  it("an address that is missing → 400 on the slug field", async () => {
    const error = await refused("restaurants.update", { restaurantId: mine.id, name: "Karachi Grill" });
    expect(error.fieldErrors?.slug?.length).toBe(1);
  });
});

describe("two owners claiming one address at the same moment", () => {
  it("typed: one gets it, the other is told it is taken, and exactly one restaurant exists", async () => {
    const asOwner = callerFor(t.db, sessionOf(owner));
    const asOther = callerFor(t.db, sessionOf(otherOwner));
    const results = await Promise.allSettled([
      asOwner.restaurants.create({ name: "Race Cafe", slug: "race-cafe" }),
      asOther.restaurants.create({ name: "Race Cafe Too", slug: "race-cafe" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(loser?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.restaurant.count({ where: { slug: "race-cafe" } })).toBe(1);
  });

  it("derived from the same name: both are created, with different addresses", async () => {
    for (let round = 0; round < 5; round += 1) {
      const name = `Twin Tikka ${round}`;
      const results = await Promise.all([
        callerFor(t.db, sessionOf(owner)).restaurants.create({ name }),
        callerFor(t.db, sessionOf(otherOwner)).restaurants.create({ name }),
      ]);
      expect(results.map((restaurant) => restaurant.slug).sort()).toEqual([`twin-tikka-${round}`, `twin-tikka-${round}-2`]);
    }
  });
});
