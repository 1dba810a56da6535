import type { Restaurant } from "~/generated/prisma/client";
import type { Db } from "~/server/db-client";
import { emailLinks } from "./email-links";
import { enqueueEmail, type EmailTx } from "./enqueue-email";
import { adminRecipients, ownerRecipient } from "./recipients";
import { restaurantApprovedEmail } from "./templates/restaurant-approved";
import { restaurantRejectedEmail } from "./templates/restaurant-rejected";
import { restaurantSubmittedEmail } from "./templates/restaurant-submitted";

// Each of these is called with the transaction of the review transition that causes it, with the restaurant as
// that transition left it. The dedupe keys name the transition (its time), so a transition queues its email once
// and a later one of the same kind (a second rejection) gets its own.

type Tx = EmailTx & Pick<Db, "user">;

type ReviewedRestaurant = Pick<Restaurant, "id" | "name" | "slug" | "ownerId" | "reviewReason" | "reviewedAt" | "trialEndsAt">;

/** To every admin: the restaurant was submitted (or resubmitted) for review. Returns how many were queued. */
export async function queueRestaurantSubmittedEmails(
  tx: Tx,
  restaurant: Pick<Restaurant, "id" | "name" | "city" | "ownerId" | "submittedAt">,
  options: { resubmitted: boolean },
): Promise<number> {
  const owner = await tx.user.findUniqueOrThrow({ where: { id: restaurant.ownerId }, select: { email: true, name: true } });
  const submittedAt = (restaurant.submittedAt ?? new Date(0)).toISOString();
  const rendered = restaurantSubmittedEmail({
    restaurantName: restaurant.name,
    city: restaurant.city,
    ownerEmail: owner.email,
    ownerName: owner.name,
    resubmitted: options.resubmitted,
    reviewUrl: emailLinks.adminReview(restaurant.id),
  });
  let queued = 0;
  for (const to of await adminRecipients(tx)) {
    const id = await enqueueEmail(tx, {
      ...rendered,
      template: "restaurant-submitted",
      to,
      dedupeKey: `restaurant-submitted:${restaurant.id}:${submittedAt}:${to}`,
      restaurantId: restaurant.id,
    });
    if (id) queued += 1;
  }
  return queued;
}

/** To the owner: approved, with the trial's end. */
export async function queueRestaurantApprovedEmail(tx: Tx, restaurant: ReviewedRestaurant): Promise<string | null> {
  const owner = await ownerRecipient(tx, restaurant.ownerId);
  if (!owner || !restaurant.trialEndsAt) return null;
  const rendered = restaurantApprovedEmail({
    restaurantName: restaurant.name,
    trialEndsAt: restaurant.trialEndsAt,
    menuUrl: emailLinks.menu(restaurant.slug),
    dashboardUrl: emailLinks.dashboard(restaurant.id),
  });
  return enqueueEmail(tx, {
    ...rendered,
    template: "restaurant-approved",
    to: owner.email,
    dedupeKey: `restaurant-approved:${restaurant.id}:${(restaurant.reviewedAt ?? restaurant.trialEndsAt).toISOString()}`,
    restaurantId: restaurant.id,
  });
}

/** To the owner: rejected, with the admin's reason. */
export async function queueRestaurantRejectedEmail(tx: Tx, restaurant: ReviewedRestaurant): Promise<string | null> {
  const owner = await ownerRecipient(tx, restaurant.ownerId);
  if (!owner) return null;
  const rendered = restaurantRejectedEmail({
    restaurantName: restaurant.name,
    reason: restaurant.reviewReason ?? "",
    dashboardUrl: emailLinks.dashboard(restaurant.id),
  });
  return enqueueEmail(tx, {
    ...rendered,
    template: "restaurant-rejected",
    to: owner.email,
    dedupeKey: `restaurant-rejected:${restaurant.id}:${(restaurant.reviewedAt ?? new Date(0)).toISOString()}`,
    restaurantId: restaurant.id,
  });
}
