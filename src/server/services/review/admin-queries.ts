import type { Db } from "~/server/db-client";
import type { Prisma } from "~/generated/prisma/client";
import type { ReviewState, Role } from "~/generated/prisma/enums";
import { notFound } from "~/server/errors";
import { cursorPage, cursorPageArgs } from "~/server/services/shared/cursor-page";

const ownerSummary = { select: { id: true, email: true, name: true } } as const;

// Prisma passes `contains` to LIKE as is, so "%" or "_" typed into a search box would match anything.
const literally = (search: string) => search.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function listReviewQueue(db: Db) {
  return db.restaurant.findMany({
    where: { reviewState: "PENDING" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    include: { owner: ownerSummary },
  });
}

export async function listRestaurantsForAdmin(
  db: Db,
  filter: { state?: ReviewState; search?: string; cursor?: string; limit: number },
) {
  const search = filter.search ? literally(filter.search) : undefined;
  const where: Prisma.RestaurantWhereInput = {
    reviewState: filter.state,
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { slug: { contains: search.toLowerCase() } },
            { owner: { email: { contains: search, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const rows = await db.restaurant.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorPageArgs(filter),
    include: { owner: ownerSummary },
  });
  return cursorPage(rows, filter.limit);
}

export async function getRestaurantForAdmin(db: Db, restaurantId: string) {
  const restaurant = await db.restaurant.findUnique({
    where: { id: restaurantId },
    include: { owner: ownerSummary, reviewedBy: ownerSummary },
  });
  if (!restaurant) throw notFound("Restaurant");
  const history = await db.auditLog.findMany({
    where: { targetType: "restaurant", targetId: restaurantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    include: { actor: ownerSummary },
  });
  return { restaurant, history };
}

export async function listUsersForAdmin(
  db: Db,
  filter: { search?: string; role?: Role; cursor?: string; limit: number },
) {
  const search = filter.search ? literally(filter.search) : undefined;
  const rows = await db.user.findMany({
    where: {
      role: filter.role,
      ...(search
        ? {
            OR: [
              { email: { contains: search, mode: "insensitive" } },
              { name: { contains: search, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorPageArgs(filter),
    include: { _count: { select: { restaurants: true } } },
  });
  return cursorPage(rows, filter.limit);
}

export async function listAuditLog(
  db: Db,
  filter: {
    action?: string;
    actorId?: string;
    targetType?: string;
    targetId?: string;
    from?: Date;
    to?: Date;
    cursor?: string;
    limit: number;
  },
) {
  const rows = await db.auditLog.findMany({
    where: {
      action: filter.action,
      actorId: filter.actorId,
      targetType: filter.targetType,
      targetId: filter.targetId,
      createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorPageArgs(filter),
    include: { actor: ownerSummary },
  });
  return cursorPage(rows, filter.limit);
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
