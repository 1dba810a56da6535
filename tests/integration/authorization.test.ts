import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { User, Restaurant } from "~/generated/prisma/client";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callByPath, callOverHttp, procedurePaths } from "../helpers/trpc-http";

// Procedures that anyone may call without signing in. Adding one here is a security decision: say why.
const PUBLIC_PROCEDURES = new Set([
  "account.me", // the header asks on every page whether someone is signed in; returns null for nobody
]);

let t: TestDatabase;
let ownerA: User;
let ownerB: User;
let admin: User;
let restaurantOfA: Restaurant;

beforeAll(async () => {
  t = await createTestDatabase();
  ownerA = await createUser(t.db, { email: "a@example.com" });
  ownerB = await createUser(t.db, { email: "b@example.com" });
  admin = await createUser(t.db, { role: "ADMIN" });
  restaurantOfA = await createRestaurant(t.db, ownerA.id, { name: "A's Grill", slug: "as-grill", reviewState: "DRAFT" });
});

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected an error, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof TRPCError)) throw outcome.error;
  return outcome.error;
}

// Inputs a stranger might send: nothing, garbage, and something shaped like a real call.
const probeInputs = (restaurantId: string): unknown[] => [
  undefined,
  { restaurantId: "not-a-uuid", unexpected: "<script>" },
  { restaurantId, name: "Taken over", slug: "taken-over", reason: "because I can", search: "a", limit: 5 },
];

async function snapshot() {
  return {
    restaurants: await t.db.restaurant.findMany({ orderBy: { id: "asc" } }),
    users: await t.db.user.findMany({ orderBy: { id: "asc" } }),
    audit: await t.db.auditLog.count(),
  };
}

describe("every procedure of the app router", () => {
  it("lists the procedures this test protects, and the allow-list names only real ones", () => {
    const paths = procedurePaths().map((procedure) => procedure.path);
    expect(paths.length).toBeGreaterThanOrEqual(17);
    for (const path of ["restaurants.create", "restaurants.update", "admin.approve", "admin.auditLog"]) expect(paths).toContain(path);
    for (const path of PUBLIC_PROCEDURES) expect(paths).toContain(path);
  });

  it("refuses anonymous callers with UNAUTHORIZED before looking at the input, except the allow-listed ones", async () => {
    const before = await snapshot();
    const anonymous = callerFor(t.db, null);
    const problems: string[] = [];
    for (const { path } of procedurePaths()) {
      if (PUBLIC_PROCEDURES.has(path)) continue;
      for (const input of probeInputs(restaurantOfA.id)) {
        const outcome = await callByPath(anonymous, path, input).then(
          () => "succeeded",
          (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
        );
        if (outcome !== "UNAUTHORIZED") problems.push(`${path}(${JSON.stringify(input) ?? "no input"}) → ${outcome}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers an anonymous HTTP call with 401 and a message that says to sign in", async () => {
    const result = await callOverHttp({ db: t.db, session: null, requestId: "test", now: () => new Date() }, "restaurants.create", {
      name: "",
    });
    expect(result.status).toBe(401);
    expect(result.error?.message).toBe("Sign in to continue");
    expect(result.error?.data.fieldErrors).toBeNull();
  });

  it("lets anonymous callers ask who is signed in, and tells them: nobody", async () => {
    expect(await callerFor(t.db, null).account.me()).toBeNull();
    expect(await callerFor(t.db, sessionOf(ownerA)).account.me()).toMatchObject({ id: ownerA.id, email: "a@example.com", role: "OWNER" });
  });
});

describe("owners on admin procedures", () => {
  it("get FORBIDDEN on every admin procedure, whatever they send, and nothing changes", async () => {
    const before = await snapshot();
    const asOwner = callerFor(t.db, sessionOf(ownerA));
    const adminPaths = procedurePaths()
      .map((procedure) => procedure.path)
      .filter((path) => path.startsWith("admin."));
    expect(adminPaths.sort()).toEqual(
      [
        "admin.approve",
        "admin.auditActions",
        "admin.auditLog",
        "admin.emails.list",
        "admin.emails.resend",
        "admin.reject",
        "admin.restaurant",
        "admin.restaurants",
        "admin.restore",
        "admin.reviewQueue",
        "admin.suspend",
        "admin.users",
        "admin.webhooks.list",
        "admin.webhooks.reprocess",
      ].sort(),
    );
    const problems: string[] = [];
    for (const path of adminPaths) {
      for (const input of [...probeInputs(restaurantOfA.id), { restaurantId: restaurantOfA.id, reason: "Looks fine to me" }]) {
        const outcome = await callByPath(asOwner, path, input).then(
          () => "succeeded",
          (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
        );
        if (outcome !== "FORBIDDEN") problems.push(`${path}(${JSON.stringify(input) ?? "no input"}) → ${outcome}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("see 403 with a plain message over HTTP", async () => {
    const result = await callOverHttp(
      { db: t.db, session: sessionOf(ownerA), requestId: "test", now: () => new Date() },
      "admin.approve",
      { restaurantId: restaurantOfA.id },
    );
    expect(result.status).toBe(403);
    expect(result.error?.message).toBe("Only admins can do this");
  });
});

describe("one owner on another owner's restaurant", () => {
  it("cannot read it: NOT_FOUND, exactly as if it did not exist", async () => {
    const asB = callerFor(t.db, sessionOf(ownerB));
    const theirs = await errorOf(asB.restaurants.byId({ restaurantId: restaurantOfA.id }));
    const missing = await errorOf(asB.restaurants.byId({ restaurantId: randomUUID() }));
    expect(theirs.code).toBe("NOT_FOUND");
    expect({ code: theirs.code, message: theirs.message }).toEqual({ code: missing.code, message: missing.message });
  });

  it("cannot update it, even with a valid form, and nothing changes", async () => {
    const before = await snapshot();
    const asB = callerFor(t.db, sessionOf(ownerB));
    const error = await errorOf(
      asB.restaurants.update({ restaurantId: restaurantOfA.id, name: "Taken over", slug: "taken-over", city: "Karachi" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("learns nothing from an invalid update either: NOT_FOUND before any validation message", async () => {
    const asB = callerFor(t.db, sessionOf(ownerB));
    const error = await errorOf(asB.restaurants.update({ restaurantId: restaurantOfA.id, name: "", slug: "admin" }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("cannot submit it for review, and nothing changes", async () => {
    const before = await snapshot();
    const asB = callerFor(t.db, sessionOf(ownerB));
    const error = await errorOf(asB.restaurants.submit({ restaurantId: restaurantOfA.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    expect((await t.db.restaurant.findUniqueOrThrow({ where: { id: restaurantOfA.id } })).reviewState).toBe("DRAFT");
  });

  it("does not see it in their list, while its owner does", async () => {
    const asA = callerFor(t.db, sessionOf(ownerA));
    const asB = callerFor(t.db, sessionOf(ownerB));
    expect((await asB.restaurants.list()).map((restaurant) => restaurant.id)).not.toContain(restaurantOfA.id);
    expect((await asA.restaurants.list()).map((restaurant) => restaurant.id)).toContain(restaurantOfA.id);
    await expect(asA.restaurants.byId({ restaurantId: restaurantOfA.id })).resolves.toMatchObject({ name: "A's Grill" });
  });

  it("is not an owner of it just by being an admin: owner procedures stay scoped to the admin's own restaurants", async () => {
    const asAdmin = callerFor(t.db, sessionOf(admin));
    await expect(asAdmin.restaurants.byId({ restaurantId: restaurantOfA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
