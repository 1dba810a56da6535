import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import type { ReviewState } from "~/generated/prisma/enums";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-01T10:00:00.000Z");
const minutesAfterT0 = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let t: TestDatabase;
let owner: User;
let otherOwner: User;
let admin: User;
let secondAdmin: User;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "owner@example.com" });
  otherOwner = await createUser(t.db, { email: "other@example.com" });
  admin = await createUser(t.db, { role: "ADMIN", email: "admin@example.com" });
  secondAdmin = await createUser(t.db, { role: "ADMIN", email: "admin2@example.com" });
});

const asOwner = (now = T0) => callerFor(t.db, sessionOf(owner), () => now);
const asAdmin = (now = T0, who: User = admin) => callerFor(t.db, sessionOf(who), () => now);
const httpContext = (user: User, now = T0) => ({ db: t.db, session: sessionOf(user), requestId: "test", now: () => now });

const auditFor = (restaurantId: string) =>
  t.db.auditLog.findMany({ where: { targetType: "restaurant", targetId: restaurantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** The restaurant row and its audit trail, to show that a refused action changed nothing. */
async function stateOf(restaurantId: string) {
  return { restaurant: await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurantId } }), audit: await auditFor(restaurantId) };
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error("expected the call to fail");
  if (!(outcome instanceof TRPCError)) throw outcome;
  return outcome;
}

async function pendingRestaurant(name: string, submittedAt = T0): Promise<Restaurant> {
  const created = await asOwner(submittedAt).restaurants.create({ name });
  return asOwner(submittedAt).restaurants.submit({ restaurantId: created.id });
}

describe("an owner registers a restaurant", () => {
  it("creates a draft whose address is derived from the name, and records who created it", async () => {
    const created = await asOwner().restaurants.create({ name: "  Karachi Biryani Centre ", city: "Karachi" });
    expect(created).toMatchObject({
      name: "Karachi Biryani Centre",
      slug: "karachi-biryani-centre",
      city: "Karachi",
      currency: "PKR",
      reviewState: "DRAFT",
      ownerId: owner.id,
      trialEndsAt: null,
    });
    expect((await asOwner().restaurants.list()).map((restaurant) => restaurant.id)).toContain(created.id);
    const audit = await auditFor(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "restaurant.created", actorId: owner.id, before: null });
    expect(audit[0]?.after).toMatchObject({ name: "Karachi Biryani Centre", slug: "karachi-biryani-centre", reviewState: "DRAFT" });
  });

  it("suffixes a derived address that is already taken: -2, then -3", async () => {
    const asOther = callerFor(t.db, sessionOf(otherOwner), () => T0);
    const first = await asOther.restaurants.create({ name: "Lahore Karahi" });
    const second = await asOther.restaurants.create({ name: "Lahore   Karahi!" });
    const third = await asOwner().restaurants.create({ name: "LAHORE KARAHI" });
    expect([first.slug, second.slug, third.slug]).toEqual(["lahore-karahi", "lahore-karahi-2", "lahore-karahi-3"]);
  });

  it("derives a usable address from an Urdu-only name", async () => {
    const created = await asOwner().restaurants.create({ name: "کراچی گرل" });
    expect(created.name).toBe("کراچی گرل");
    expect(created.slug).toMatch(/^restaurant(-\d+)?$/);
  });

  it("keeps a slug the owner typed", async () => {
    const created = await asOwner().restaurants.create({ name: "Quetta Cafe", slug: "Quetta-Chai" });
    expect(created.slug).toBe("quetta-chai");
  });

  it("edits the details and the address, and the audit entry shows before and after", async () => {
    const created = await asOwner().restaurants.create({ name: "Multan Sweets" });
    const updated = await asOwner().restaurants.update({
      restaurantId: created.id,
      name: "Multan Sweets & Bakers",
      slug: "multan-sweets-bakers",
      city: "Multan",
      phone: "+92 61 1234567",
      currency: "usd",
    });
    expect(updated).toMatchObject({ name: "Multan Sweets & Bakers", slug: "multan-sweets-bakers", city: "Multan", currency: "USD" });
    expect(await asOwner().restaurants.byId({ restaurantId: created.id })).toMatchObject({ slug: "multan-sweets-bakers" });
    const entry = (await auditFor(created.id)).find((row) => row.action === "restaurant.updated");
    expect(entry?.actorId).toBe(owner.id);
    expect(entry?.before).toMatchObject({ name: "Multan Sweets", slug: "multan-sweets", currency: "PKR" });
    expect(entry?.after).toMatchObject({ name: "Multan Sweets & Bakers", slug: "multan-sweets-bakers", currency: "USD" });
  });

  it("can keep its own slug when saving (it does not count as taken by itself)", async () => {
    const created = await asOwner().restaurants.create({ name: "Hyderabad Haleem" });
    await expect(asOwner().restaurants.slugAvailable({ slug: created.slug, restaurantId: created.id })).resolves.toEqual({ available: true });
    await expect(asOwner().restaurants.slugAvailable({ slug: created.slug })).resolves.toEqual({ available: false });
    const saved = await asOwner().restaurants.update({ restaurantId: created.id, name: "Hyderabad Haleem House", slug: created.slug });
    expect(saved.slug).toBe(created.slug);
  });

  it("submits it for review: it waits in the admins' queue", async () => {
    const created = await asOwner().restaurants.create({ name: "Sialkot Samosa" });
    const submitAt = minutesAfterT0(5);
    const submitted = await asOwner(submitAt).restaurants.submit({ restaurantId: created.id });
    expect(submitted).toMatchObject({ reviewState: "PENDING", submittedAt: submitAt, reviewReason: null });
    expect((await asAdmin().admin.reviewQueue()).map((restaurant) => restaurant.id)).toContain(created.id);
    expect((await auditFor(created.id)).map((row) => row.action)).toEqual(["restaurant.created", "restaurant.submitted"]);
  });
});

describe("an admin approves", () => {
  it("starts a trial that ends exactly 7 days after approval, and records the decision", async () => {
    const restaurant = await pendingRestaurant("Karachi Grill House");
    const approvedAt = new Date("2026-11-03T17:45:12.345Z");
    const approved = await asAdmin(approvedAt).admin.approve({ restaurantId: restaurant.id });
    expect(approved).toMatchObject({
      reviewState: "APPROVED",
      reviewedById: admin.id,
      reviewedAt: approvedAt,
      trialStartsAt: approvedAt,
      trialEndsAt: new Date(approvedAt.getTime() + 7 * DAY_MS),
    });
    expect(approved.trialEndsAt?.toISOString()).toBe("2026-11-10T17:45:12.345Z");

    // What the owner sees afterwards.
    const seenByOwner = await asOwner().restaurants.byId({ restaurantId: restaurant.id });
    expect(seenByOwner).toMatchObject({ reviewState: "APPROVED", trialEndsAt: approved.trialEndsAt });
    expect((await asAdmin().admin.reviewQueue()).map((row) => row.id)).not.toContain(restaurant.id);

    const entry = (await auditFor(restaurant.id)).find((row) => row.action === "restaurant.approved");
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "restaurant" });
    expect(entry?.before).toMatchObject({ reviewState: "PENDING", trialEndsAt: null });
    expect(entry?.after).toMatchObject({ reviewState: "APPROVED", trialEndsAt: "2026-11-10T17:45:12.345Z" });

    const detail = await asAdmin().admin.restaurant({ restaurantId: restaurant.id });
    expect(detail.restaurant.reviewedBy?.id).toBe(admin.id);
    expect(detail.history.map((row) => row.action)).toContain("restaurant.approved");
  });

  it("changes nothing when its audit entry cannot be written (the entry commits with the change, or neither does)", async () => {
    const restaurant = await pendingRestaurant("Atomic Tikka");
    const before = await stateOf(restaurant.id);
    // The audit table refuses this restaurant's entries, as a full disk or a broken constraint would.
    await t.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit_entry BEFORE INSERT ON "AuditLog" FOR EACH ROW
       WHEN (NEW."targetId" = '${restaurant.id}') EXECUTE FUNCTION refuse_audit_entry()`,
    );
    try {
      const error = await errorOf(asAdmin().admin.approve({ restaurantId: restaurant.id }));
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await stateOf(restaurant.id)).toEqual(before);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER refuse_audit_entry ON "AuditLog"`);
    }
    await expect(asAdmin().admin.approve({ restaurantId: restaurant.id })).resolves.toMatchObject({ reviewState: "APPROVED" });
  });
});

describe("an admin rejects; the owner fixes and resubmits", () => {
  it.each([
    ["without a reason", {}, "A reason is required"],
    ["with a reason that is too short", { reason: " ok " }, "Give the owner a reason of at least 3 characters"],
  ])("refuses to reject %s, with the message on the reason field, and changes nothing", async (_label, extra, message) => {
    const restaurant = await pendingRestaurant(`Reasonless ${message.length}`);
    const before = await stateOf(restaurant.id);
    const result = await callOverHttp(httpContext(admin), "admin.reject", { restaurantId: restaurant.id, ...extra });
    expect(result.status).toBe(400);
    expect(result.error?.data.code).toBe("BAD_REQUEST");
    expect(result.error?.data.fieldErrors?.reason).toEqual([message]);
    expect(result.error?.message).toContain(message);
    expect(await stateOf(restaurant.id)).toEqual(before);
  });

  it("shows the owner the reason; after an edit and a resubmission the reason is gone and it waits again", async () => {
    const restaurant = await pendingRestaurant("Peshawar Tikka");
    const reason = "Please add a street address and a phone number.";
    const rejectedAt = minutesAfterT0(60);
    const rejected = await asAdmin(rejectedAt).admin.reject({ restaurantId: restaurant.id, reason: `  ${reason} ` });
    expect(rejected).toMatchObject({ reviewState: "REJECTED", reviewReason: reason, reviewedById: admin.id, reviewedAt: rejectedAt, trialEndsAt: null });

    // The owner sees the state and the reason on the restaurant and in the list.
    expect(await asOwner().restaurants.byId({ restaurantId: restaurant.id })).toMatchObject({ reviewState: "REJECTED", reviewReason: reason });
    expect((await asOwner().restaurants.list()).find((row) => row.id === restaurant.id)).toMatchObject({ reviewReason: reason });

    const edited = await asOwner().restaurants.update({
      restaurantId: restaurant.id,
      name: "Peshawar Tikka",
      slug: restaurant.slug,
      address: "Namak Mandi, Peshawar",
      phone: "+92 91 1234567",
    });
    expect(edited).toMatchObject({ reviewState: "REJECTED", address: "Namak Mandi, Peshawar" });

    const resubmittedAt = minutesAfterT0(120);
    const resubmitted = await asOwner(resubmittedAt).restaurants.submit({ restaurantId: restaurant.id });
    expect(resubmitted).toMatchObject({ reviewState: "PENDING", reviewReason: null, submittedAt: resubmittedAt });
    expect((await asAdmin().admin.reviewQueue()).map((row) => row.id)).toContain(restaurant.id);

    const audit = await auditFor(restaurant.id);
    expect(audit.map((row) => row.action)).toEqual([
      "restaurant.created",
      "restaurant.submitted",
      "restaurant.rejected",
      "restaurant.updated",
      "restaurant.resubmitted",
    ]);
    expect(audit.find((row) => row.action === "restaurant.rejected")).toMatchObject({ actorId: admin.id, reason });

    const approved = await asAdmin(minutesAfterT0(180)).admin.approve({ restaurantId: restaurant.id });
    expect(approved.trialEndsAt).toEqual(new Date(minutesAfterT0(180).getTime() + 7 * DAY_MS));
  });
});

describe("an admin suspends and restores", () => {
  it("suspends with a reason; the owner cannot edit; restoring returns it to APPROVED with the same trial", async () => {
    const restaurant = await pendingRestaurant("Quetta Sajji");
    const approved = await asAdmin(T0).admin.approve({ restaurantId: restaurant.id });

    const suspended = await asAdmin(minutesAfterT0(30)).admin.suspend({ restaurantId: restaurant.id, reason: "Photos do not match the dishes" });
    expect(suspended).toMatchObject({
      reviewState: "SUSPENDED",
      reviewReason: "Photos do not match the dishes",
      trialStartsAt: approved.trialStartsAt,
      trialEndsAt: approved.trialEndsAt,
    });
    expect(await asOwner().restaurants.byId({ restaurantId: restaurant.id })).toMatchObject({
      reviewState: "SUSPENDED",
      reviewReason: "Photos do not match the dishes",
    });

    const restored = await asAdmin(minutesAfterT0(90), secondAdmin).admin.restore({ restaurantId: restaurant.id, reason: "Photos replaced" });
    expect(restored).toMatchObject({
      reviewState: "APPROVED",
      reviewReason: null,
      reviewedById: secondAdmin.id,
      trialStartsAt: approved.trialStartsAt,
      trialEndsAt: approved.trialEndsAt,
    });
    const audit = await auditFor(restaurant.id);
    expect(audit.find((row) => row.action === "restaurant.suspended")).toMatchObject({ actorId: admin.id, reason: "Photos do not match the dishes" });
    expect(audit.find((row) => row.action === "restaurant.restored")).toMatchObject({ actorId: secondAdmin.id, reason: "Photos replaced" });
  });

  it.each([
    ["a waiting restaurant goes back to the queue", "PENDING"],
    ["a draft goes back to being a draft", "DRAFT"],
  ] as const)("restoring: %s", async (_label, state: ReviewState) => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: state });
    await asAdmin().admin.suspend({ restaurantId: restaurant.id, reason: "Checking a complaint" });
    const restored = await asAdmin().admin.restore({ restaurantId: restaurant.id, reason: "Complaint unfounded" });
    expect(restored).toMatchObject({ reviewState: state, trialEndsAt: null });
  });

  it("a rejected restaurant that is suspended and restored is rejected again, for its original reason", async () => {
    const restaurant = await pendingRestaurant("Hyderabad Handi");
    await asAdmin().admin.reject({ restaurantId: restaurant.id, reason: "Add a contact phone number" });
    await asAdmin(minutesAfterT0(10)).admin.suspend({ restaurantId: restaurant.id, reason: "Spam reports" });

    const restored = await asAdmin(minutesAfterT0(20)).admin.restore({ restaurantId: restaurant.id, reason: "Reports were wrong" });
    expect(restored).toMatchObject({ reviewState: "REJECTED", reviewReason: "Add a contact phone number" });
    expect((await asAdmin().admin.reviewQueue()).map((row) => row.id)).not.toContain(restaurant.id);
  });

  it.each(["admin.suspend", "admin.restore"])("%s needs a reason, and changes nothing without one", async (path) => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: path === "admin.restore" ? "SUSPENDED" : "APPROVED" });
    const before = await stateOf(restaurant.id);
    const result = await callOverHttp(httpContext(admin), path, { restaurantId: restaurant.id, reason: "" });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.reason).toEqual(["Give the owner a reason of at least 3 characters"]);
    expect(await stateOf(restaurant.id)).toEqual(before);
  });
});

describe("actions that are not possible in the current state", () => {
  type Case = { label: string; state: ReviewState; act: (restaurant: Restaurant) => Promise<unknown>; message: RegExp };
  const cases: Case[] = [
    { label: "approving a draft", state: "DRAFT", act: (r) => asAdmin().admin.approve({ restaurantId: r.id }), message: /^Cannot approve this restaurant: it is still a draft; the owner has not submitted it for review$/ },
    { label: "approving twice", state: "APPROVED", act: (r) => asAdmin().admin.approve({ restaurantId: r.id }), message: /^Cannot approve this restaurant: it is already approved$/ },
    {
      label: "rejecting an approved restaurant",
      state: "APPROVED",
      act: (r) => asAdmin().admin.reject({ restaurantId: r.id, reason: "Changed my mind" }),
      message: /^Cannot reject this restaurant: it is already approved$/,
    },
    {
      label: "approving a rejected restaurant before the owner resubmits it",
      state: "REJECTED",
      act: (r) => asAdmin().admin.approve({ restaurantId: r.id }),
      message: /^Cannot approve this restaurant: it was rejected; the owner has to edit and resubmit it first$/,
    },
    {
      label: "restoring a restaurant that is not suspended",
      state: "APPROVED",
      act: (r) => asAdmin().admin.restore({ restaurantId: r.id, reason: "Just because" }),
      message: /^Cannot restore this restaurant: it is already approved$/,
    },
    {
      label: "suspending a suspended restaurant",
      state: "SUSPENDED",
      act: (r) => asAdmin().admin.suspend({ restaurantId: r.id, reason: "Again" }),
      message: /^Cannot suspend this restaurant: it is already suspended$/,
    },
    { label: "submitting a waiting restaurant", state: "PENDING", act: (r) => asOwner().restaurants.submit({ restaurantId: r.id }), message: /^This restaurant is already waiting for review$/ },
    { label: "submitting an approved restaurant", state: "APPROVED", act: (r) => asOwner().restaurants.submit({ restaurantId: r.id }), message: /^A restaurant that is approved cannot be submitted for review$/ },
    { label: "submitting a suspended restaurant", state: "SUSPENDED", act: (r) => asOwner().restaurants.submit({ restaurantId: r.id }), message: /^A restaurant that is suspended cannot be submitted for review$/ },
    {
      label: "editing a suspended restaurant",
      state: "SUSPENDED",
      act: (r) => asOwner().restaurants.update({ restaurantId: r.id, name: "New name", slug: r.slug }),
      message: /^A suspended restaurant cannot be edited; contact support$/,
    },
  ];

  it.each(cases)("$label → PRECONDITION_FAILED with a clear message, nothing changed", async ({ state, act, message }) => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: state });
    const before = await stateOf(restaurant.id);
    const error = await errorOf(act(restaurant));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(message);
    expect(await stateOf(restaurant.id)).toEqual(before);
  });

  it("answers with HTTP 412 and the same message over HTTP", async () => {
    const restaurant = await createRestaurant(t.db, owner.id, { reviewState: "DRAFT" });
    const result = await callOverHttp(httpContext(admin), "admin.approve", { restaurantId: restaurant.id });
    expect(result.status).toBe(412);
    expect(result.error?.message).toBe("Cannot approve this restaurant: it is still a draft; the owner has not submitted it for review");
  });
});

describe("two admins acting at the same moment", () => {
  it("approving concurrently: exactly one succeeds and exactly one audit entry is written", async () => {
    for (let round = 0; round < 5; round += 1) {
      const restaurant = await pendingRestaurant(`Race ${round}`);
      const results = await Promise.allSettled([
        asAdmin(minutesAfterT0(1), admin).admin.approve({ restaurantId: restaurant.id }),
        asAdmin(minutesAfterT0(2), secondAdmin).admin.approve({ restaurantId: restaurant.id }),
      ]);
      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toBeInstanceOf(TRPCError);
      expect((rejected[0]?.reason as TRPCError).code).toBe("PRECONDITION_FAILED");
      const approvals = (await auditFor(restaurant.id)).filter((row) => row.action === "restaurant.approved");
      expect(approvals).toHaveLength(1);
      const row = await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurant.id } });
      expect(row.reviewedById).toBe(approvals[0]?.actorId);
      expect(row.trialEndsAt?.getTime()).toBe((row.reviewedAt?.getTime() ?? 0) + 7 * DAY_MS);
    }
  });

  it("approve and reject at once: one decision wins, the row and the audit trail agree", async () => {
    for (let round = 0; round < 5; round += 1) {
      const restaurant = await pendingRestaurant(`Tug of war ${round}`);
      const results = await Promise.allSettled([
        asAdmin(T0, admin).admin.approve({ restaurantId: restaurant.id }),
        asAdmin(T0, secondAdmin).admin.reject({ restaurantId: restaurant.id, reason: "Menu is missing" }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const decisions = (await auditFor(restaurant.id)).filter((row) => row.action === "restaurant.approved" || row.action === "restaurant.rejected");
      expect(decisions).toHaveLength(1);
      const row = await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurant.id } });
      expect(row.reviewState).toBe(decisions[0]?.action === "restaurant.approved" ? "APPROVED" : "REJECTED");
    }
  });
});
