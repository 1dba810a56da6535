import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db-client";
import type { ReviewState, Role } from "~/generated/prisma/enums";
import { createCaller } from "~/server/api/root";
import type { Session } from "~/server/auth/session";
import { trialEndFor } from "~/lib/trial";

export async function createUser(db: Db, overrides: { role?: Role; email?: string; name?: string } = {}) {
  const email = overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  return db.user.create({
    data: { authProvider: "LOCAL", authUserId: email, email, name: overrides.name ?? "Test User", role: overrides.role ?? "OWNER" },
  });
}

export async function createRestaurant(db: Db, ownerId: string, overrides: { name?: string; slug?: string; reviewState?: ReviewState } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return db.restaurant.create({
    data: {
      ownerId,
      name: overrides.name ?? `Restaurant ${suffix}`,
      slug: overrides.slug ?? `restaurant-${suffix}`,
      reviewState: overrides.reviewState ?? "DRAFT",
      submittedAt: overrides.reviewState && overrides.reviewState !== "DRAFT" ? new Date() : null,
      // As approval does: an approved restaurant is in its 7-day trial (tests that need it over set the dates).
      ...(overrides.reviewState === "APPROVED" ? { trialStartsAt: new Date(), trialEndsAt: trialEndFor(new Date()) } : {}),
    },
  });
}

export function callerFor(db: Db, session: Session | null, now: () => Date = () => new Date()) {
  return createCaller({ db, session, requestId: "test-request", now });
}

export const sessionOf = (user: { id: string; role: Role }): Session => ({ userId: user.id, role: user.role });
