import type { Db } from "~/server/db-client";
import { emailLinks } from "./email-links";
import { enqueueEmail, type EmailTx } from "./enqueue-email";
import { ownerRecipient } from "./recipients";
import { trialEndedEmail } from "./templates/trial-ended";
import { trialEndingEmail, trialEndingTemplate, type TrialReminderThreshold } from "./templates/trial-ending";

export type { TrialReminderThreshold };

// For the schedules: they decide which restaurants are due and call these with a transaction client (`db.$transaction`),
// so that the message and its delivery job commit together. The dedupe key is the restaurant and its trial end, so a
// schedule that runs twice, or on two instances at once, queues each email once.

type Tx = EmailTx & Pick<Db, "user" | "restaurant">;

async function trialOf(tx: Tx, restaurantId: string) {
  const restaurant = await tx.restaurant.findUnique({
    where: { id: restaurantId },
    select: { id: true, name: true, ownerId: true, trialEndsAt: true },
  });
  if (!restaurant?.trialEndsAt) return null;
  const owner = await ownerRecipient(tx, restaurant.ownerId);
  return owner ? { ...restaurant, trialEndsAt: restaurant.trialEndsAt, owner } : null;
}

/**
 * "Your trial ends in 3 days" / "in 1 day". Returns the message id, or null when it was already queued, the
 * restaurant has no trial or its owner was deleted.
 */
export async function queueTrialReminderEmail(tx: Tx, restaurantId: string, threshold: TrialReminderThreshold): Promise<string | null> {
  const trial = await trialOf(tx, restaurantId);
  if (!trial) return null;
  const template = trialEndingTemplate(threshold);
  return enqueueEmail(tx, {
    ...trialEndingEmail({ restaurantName: trial.name, threshold, trialEndsAt: trial.trialEndsAt, billingUrl: emailLinks.billing(trial.id) }),
    template,
    to: trial.owner.email,
    dedupeKey: `${template}:${trial.id}:${trial.trialEndsAt.toISOString()}`,
    restaurantId: trial.id,
  });
}

/** "Your trial has ended" (the menu is offline until the owner subscribes). Same return as the reminder. */
export async function queueTrialEndedEmail(tx: Tx, restaurantId: string): Promise<string | null> {
  const trial = await trialOf(tx, restaurantId);
  if (!trial) return null;
  return enqueueEmail(tx, {
    ...trialEndedEmail({ restaurantName: trial.name, trialEndedAt: trial.trialEndsAt, billingUrl: emailLinks.billing(trial.id) }),
    template: "trial-ended",
    to: trial.owner.email,
    dedupeKey: `trial-ended:${trial.id}:${trial.trialEndsAt.toISOString()}`,
    restaurantId: trial.id,
  });
}
