import type { Prisma, Subscription } from "~/generated/prisma/client";
import { WebhookRejectedError } from "./webhook-rejection";

type Tx = Prisma.TransactionClient;

/**
 * The restaurant an event is about: the one named in the checkout's custom data (`restaurant_id`), which must
 * exist and must agree with the restaurant that already holds the subscription, if any. Events without custom data
 * fall back to the subscription's restaurant. The restaurant's row is then locked, so that events about one
 * restaurant are applied one after another (a created and an updated event arriving together would otherwise both
 * find no subscription and both create one).
 */
export async function resolveRestaurant(
  tx: Tx,
  event: { restaurantId: string | null; name: string },
  subscription: Pick<Subscription, "lemonSqueezyId" | "restaurantId"> | null,
): Promise<string> {
  const named = event.restaurantId;
  if (named && subscription && subscription.restaurantId !== named) {
    throw new WebhookRejectedError(
      `Lemon Squeezy subscription ${subscription.lemonSqueezyId} belongs to restaurant ${subscription.restaurantId}, but this ${event.name} names restaurant ${named} in its custom data; nothing was changed`,
    );
  }
  const restaurantId = named ?? subscription?.restaurantId;
  if (!restaurantId) {
    throw new WebhookRejectedError(
      `This ${event.name} has no restaurant_id in its custom data and is about no subscription we know; it cannot be matched to a restaurant`,
    );
  }
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Restaurant" WHERE "id" = ${restaurantId}::uuid FOR UPDATE`;
  if (locked.length === 0) {
    throw new WebhookRejectedError(`Restaurant ${restaurantId} (from the event's custom data) does not exist; it may have been deleted`);
  }
  return restaurantId;
}
