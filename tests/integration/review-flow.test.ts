import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

describe("restaurant review flow", () => {
  it("approving a submitted restaurant starts a 7-day trial and writes the audit entry", async () => {
    const owner = await createUser(t.db);
    const admin = await createUser(t.db, { role: "ADMIN" });
    const now = new Date("2026-11-01T10:00:00Z");
    const asOwner = callerFor(t.db, sessionOf(owner), () => now);
    const asAdmin = callerFor(t.db, sessionOf(admin), () => now);

    const created = await asOwner.restaurants.create({ name: "Karachi Biryani Centre" });
    expect(created.slug).toBe("karachi-biryani-centre");
    expect(created.reviewState).toBe("DRAFT");
    await asOwner.restaurants.submit({ restaurantId: created.id });
    expect((await asAdmin.admin.reviewQueue()).map((r) => r.id)).toContain(created.id);

    const approved = await asAdmin.admin.approve({ restaurantId: created.id });
    expect(approved.reviewState).toBe("APPROVED");
    expect(approved.trialEndsAt?.toISOString()).toBe("2026-11-08T10:00:00.000Z");
    const audit = await t.db.auditLog.findFirst({ where: { targetId: created.id, action: "restaurant.approved" } });
    expect(audit?.actorId).toBe(admin.id);
  });
});
