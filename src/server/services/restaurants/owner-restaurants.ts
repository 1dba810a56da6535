import { z } from "zod";
import { publishMenuChange } from "~/server/cache/menu-cache";
import type { Db } from "~/server/db-client";
import { runAsSystem } from "~/server/db/db-scope";
import { conflict, invalidState, notFound } from "~/server/errors";
import { writeAudit } from "~/server/services/audit/write-audit";
import { queueRestaurantSubmittedEmails } from "~/server/services/email/restaurant-emails";
import { isUniqueViolation } from "~/server/services/users/find-or-create-user";
import { restaurantSnapshot } from "~/server/services/restaurants/restaurant-snapshot";
import type { createRestaurantSchema, updateRestaurantSchema } from "~/schemas/restaurant";
import { baseSlugFor, slugCandidate } from "~/lib/slug";

type CreateInput = z.output<typeof createRestaurantSchema>;
type UpdateInput = z.output<typeof updateRestaurantSchema>;

const SLUG_TAKEN = { slug: ["This address is already taken; choose another"] };
const EDITABLE_STATES = new Set(["DRAFT", "PENDING", "REJECTED", "APPROVED"]);
const SUBMITTABLE_STATES = new Set(["DRAFT", "REJECTED"]);
const MAX_SLUG_ATTEMPTS = 20;

export async function listOwnerRestaurants(db: Db, ownerId: string) {
  return db.restaurant.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
  });
}

export async function getOwnerRestaurant(db: Db, ownerId: string, restaurantId: string) {
  const restaurant = await db.restaurant.findFirst({ where: { id: restaurantId, ownerId } });
  if (!restaurant) throw notFound("Restaurant");
  return restaurant;
}

async function freeSlugFor(db: Db, name: string): Promise<string> {
  const base = baseSlugFor(name);
  const candidates = Array.from({ length: MAX_SLUG_ATTEMPTS }, (_, index) => slugCandidate(base, index + 1));
  const taken = new Set(
    (await runAsSystem(() => db.restaurant.findMany({ where: { slug: { in: candidates } }, select: { slug: true } }))).map(
      (row) => row.slug,
    ),
  );
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (!free) throw conflict("Could not find a free address for this name; type one yourself", { slug: ["Choose an address"] });
  return free;
}

// A derived slug can be taken between our read and our insert (two restaurants of the same name created at
// once); the owner did not choose it, so we look for the next free one rather than report it as taken.
const DERIVED_SLUG_RETRIES = 3;

export async function createOwnerRestaurant(db: Db, ownerId: string, input: CreateInput) {
  const { slug: requestedSlug, ...details } = input;
  for (let attempt = 1; ; attempt += 1) {
    const slug = requestedSlug ?? (await freeSlugFor(db, details.name));
    try {
      return await db.$transaction(async (tx) => {
        const restaurant = await tx.restaurant.create({ data: { ...details, slug, ownerId } });
        await writeAudit(tx, {
          actorId: ownerId,
          action: "restaurant.created",
          targetType: "restaurant",
          targetId: restaurant.id,
          after: restaurantSnapshot(restaurant),
        });
        return restaurant;
      });
    } catch (error) {
      // Checked by the unique index, not by a prior read, so two owners racing for one slug cannot both win.
      if (!isUniqueViolation(error)) throw error;
      if (requestedSlug || attempt >= DERIVED_SLUG_RETRIES) throw conflict("This address is already taken", SLUG_TAKEN);
    }
  }
}

export async function updateOwnerRestaurant(db: Db, ownerId: string, input: UpdateInput) {
  const { restaurantId, ...changes } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.restaurant.findFirst({ where: { id: restaurantId, ownerId } });
      if (!before) throw notFound("Restaurant");
      if (!EDITABLE_STATES.has(before.reviewState)) {
        throw invalidState("A suspended restaurant cannot be edited; contact support");
      }
      const after = await tx.restaurant.update({ where: { id: restaurantId }, data: changes });
      await publishMenuChange(tx, restaurantId, before.slug);
      await writeAudit(tx, {
        actorId: ownerId,
        action: "restaurant.updated",
        targetType: "restaurant",
        targetId: restaurantId,
        before: restaurantSnapshot(before),
        after: restaurantSnapshot(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This address is already taken", SLUG_TAKEN);
    throw error;
  }
}

export async function submitOwnerRestaurant(db: Db, ownerId: string, restaurantId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const before = await tx.restaurant.findFirst({ where: { id: restaurantId, ownerId } });
    if (!before) throw notFound("Restaurant");
    if (!SUBMITTABLE_STATES.has(before.reviewState)) {
      throw invalidState(
        before.reviewState === "PENDING"
          ? "This restaurant is already waiting for review"
          : `A restaurant that is ${before.reviewState.toLowerCase()} cannot be submitted for review`,
      );
    }
    // The state is part of the update's filter so that a concurrent admin decision is not overwritten.
    const { count } = await tx.restaurant.updateMany({
      where: { id: restaurantId, reviewState: before.reviewState },
      data: { reviewState: "PENDING", submittedAt: now, reviewReason: null },
    });
    if (count === 0) throw invalidState("The restaurant changed meanwhile; reload and try again");
    const after = await tx.restaurant.findUniqueOrThrow({ where: { id: restaurantId } });
    await queueRestaurantSubmittedEmails(tx, after, { resubmitted: before.reviewState === "REJECTED" });
    await writeAudit(tx, {
      actorId: ownerId,
      action: before.reviewState === "REJECTED" ? "restaurant.resubmitted" : "restaurant.submitted",
      targetType: "restaurant",
      targetId: restaurantId,
      before: restaurantSnapshot(before),
      after: restaurantSnapshot(after),
    });
    return after;
  });
}

// Addresses are public (every menu's URL shows one) and unique across all restaurants, so the lookups above and
// here see past row-level security, and return nothing but whether an address is taken.
export async function isSlugAvailable(db: Db, slug: string, exceptRestaurantId?: string): Promise<boolean> {
  const existing = await runAsSystem(() => db.restaurant.findUnique({ where: { slug }, select: { id: true } }));
  return !existing || existing.id === exceptRestaurantId;
}
