import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findOrCreateUser } from "~/server/services/users/find-or-create-user";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const clerkIdentity = (email: string) => ({ authProvider: "CLERK" as const, authUserId: `user_${randomUUID()}`, email, name: "Racer" });

describe("findOrCreateUser under concurrency", () => {
  it("creates exactly one row for 16 parallel first requests of a new Clerk user, and all get its id", async () => {
    const identity = clerkIdentity("racer@example.com");
    const users = await Promise.all(Array.from({ length: 16 }, () => findOrCreateUser(t.db, identity, [])));

    expect(new Set(users.map((user) => user.id)).size).toBe(1);
    expect(await t.db.user.count({ where: { authProvider: "CLERK", authUserId: identity.authUserId } })).toBe(1);
    expect(users[0]).toMatchObject({ email: "racer@example.com", role: "OWNER" });
  });

  it("makes the single row an admin when its email is in ADMIN_EMAILS, however the race is won", async () => {
    const identity = clerkIdentity("Chief@Foodar.test");
    const users = await Promise.all(Array.from({ length: 12 }, () => findOrCreateUser(t.db, identity, ["chief@foodar.test"])));

    expect(new Set(users.map((user) => user.id)).size).toBe(1);
    const row = await t.db.user.findUniqueOrThrow({ where: { authProvider_authUserId: { authProvider: "CLERK", authUserId: identity.authUserId } } });
    expect(row).toMatchObject({ email: "chief@foodar.test", role: "ADMIN" });
  });

  it("promotes an existing owner once their email is listed in ADMIN_EMAILS", async () => {
    const identity = clerkIdentity("later-admin@example.com");
    expect((await findOrCreateUser(t.db, identity, [])).role).toBe("OWNER");
    expect((await findOrCreateUser(t.db, identity, ["later-admin@example.com"])).role).toBe("ADMIN");
  });
});
