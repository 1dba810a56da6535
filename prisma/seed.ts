import type { PrismaClient } from "../src/generated/prisma/client";
import type { ReviewState } from "../src/generated/prisma/enums";
import { trialEndFor } from "../src/lib/trial";
import { demoMenuRows, demoMenus } from "./seed-menus";
import { seedDemoStats } from "./seed-stats";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SEED_ADMIN_EMAIL = "admin@foodar.local";

type SeedRestaurant = {
  owner: "bilal" | "sana";
  name: string;
  slug: string;
  city: string;
  address: string;
  description: string;
  state: ReviewState;
  reason?: string;
  approvedDaysAgo?: number;
};

const restaurants: SeedRestaurant[] = [
  { owner: "bilal", name: "Karachi Grill", slug: "karachi-grill", city: "Karachi", address: "12 Zamzama Blvd, DHA Phase 5", description: "Charcoal grills, seekh kebabs and karahi, cooked to order.", state: "APPROVED", approvedDaysAgo: 2 },
  { owner: "bilal", name: "Lahore Chai House", slug: "lahore-chai-house", city: "Lahore", address: "45 MM Alam Road, Gulberg III", description: "Doodh patti, parathas and all-day breakfast.", state: "PENDING" },
  { owner: "bilal", name: "Multan Sweets", slug: "multan-sweets", city: "Multan", address: "Hussain Agahi Bazaar", description: "Sohan halwa and mithai boxes.", state: "DRAFT" },
  { owner: "sana", name: "Peshawar Tikka", slug: "peshawar-tikka", city: "Peshawar", address: "Namak Mandi", description: "Lamb tikka and chapli kebab.", state: "REJECTED", reason: "Please add a street address and a contact phone number." },
  { owner: "sana", name: "Quetta Sajji", slug: "quetta-sajji", city: "Quetta", address: "Jinnah Road", description: "Whole roasted sajji and kaak bread.", state: "SUSPENDED", reason: "Repeated reports of photos that do not match the dishes served.", approvedDaysAgo: 20 },
  { owner: "sana", name: "Islamabad Bistro", slug: "islamabad-bistro", city: "Islamabad", address: "F-7 Markaz", description: "Continental breakfast and coffee.", state: "APPROVED", approvedDaysAgo: 6 },
];

/** Demo data for a fresh database. Runs once: it does nothing when the seed admin already exists. */
export async function seedDemoData(db: PrismaClient, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Two launchers seeding the same fresh database at once: the second waits here, then sees the data.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if (await tx.user.findFirst({ where: { email: SEED_ADMIN_EMAIL } })) return false;
    const user = (email: string, name: string, role: "ADMIN" | "OWNER") =>
      tx.user.create({ data: { authProvider: "LOCAL", authUserId: email, email, name, role } });
    const admin = await user(SEED_ADMIN_EMAIL, "Ayesha Admin", "ADMIN");
    const owners = {
      bilal: await user("bilal@foodar.local", "Bilal Owner", "OWNER"),
      sana: await user("sana@foodar.local", "Sana Owner", "OWNER"),
    };
    for (const seed of restaurants) {
      const approvedAt = seed.approvedDaysAgo === undefined ? null : new Date(now.getTime() - seed.approvedDaysAgo * DAY_MS);
      const submittedAt = seed.state === "DRAFT" ? null : new Date((approvedAt ?? now).getTime() - DAY_MS);
      const createdAt = new Date((submittedAt ?? now).getTime() - DAY_MS);
      const reviewed = seed.state !== "DRAFT" && seed.state !== "PENDING";
      const restaurant = await tx.restaurant.create({
        data: {
          ownerId: owners[seed.owner].id,
          name: seed.name,
          slug: seed.slug,
          city: seed.city,
          address: seed.address,
          description: seed.description,
          phone: "+92 300 1234567",
          reviewState: seed.state,
          reviewReason: seed.reason ?? null,
          suspendedFromState: seed.state === "SUSPENDED" ? "APPROVED" : null,
          submittedAt,
          reviewedById: reviewed ? admin.id : null,
          reviewedAt: reviewed ? (approvedAt ?? now) : null,
          trialStartsAt: approvedAt,
          trialEndsAt: approvedAt ? trialEndFor(approvedAt) : null,
          createdAt,
        },
      });
      const menu = demoMenus[seed.slug];
      if (menu) {
        const rows = demoMenuRows(restaurant.id, menu);
        await tx.category.createMany({ data: rows.categories });
        await tx.product.createMany({ data: rows.products });
        if (seed.state === "APPROVED" && approvedAt) await seedDemoStats(tx, restaurant.id, approvedAt, now);
      }
      await tx.auditLog.create({
        data: { actorId: owners[seed.owner].id, action: "restaurant.created", targetType: "restaurant", targetId: restaurant.id, createdAt },
      });
      if (submittedAt) {
        await tx.auditLog.create({
          data: { actorId: owners[seed.owner].id, action: "restaurant.submitted", targetType: "restaurant", targetId: restaurant.id, createdAt: submittedAt },
        });
      }
      if (reviewed) {
        const action = seed.state === "REJECTED" ? "restaurant.rejected" : seed.state === "SUSPENDED" ? "restaurant.suspended" : "restaurant.approved";
        await tx.auditLog.create({
          data: { actorId: admin.id, action, targetType: "restaurant", targetId: restaurant.id, reason: seed.reason ?? null, after: { reviewState: seed.state }, createdAt: approvedAt ?? now },
        });
      }
    }
    return true;
  });
}
