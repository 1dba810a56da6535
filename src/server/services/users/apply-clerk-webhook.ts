import type { ClerkWebhookEvent } from "~/schemas/clerk-webhook";
import type { Db } from "~/server/db-client";
import { clerkIdentityOf } from "~/server/services/users/clerk-identity";
import { markClerkUserDeleted } from "~/server/services/users/mark-clerk-user-deleted";
import { syncClerkUser } from "~/server/services/users/sync-clerk-user";

export type ClerkWebhookContext = { adminEmails: readonly string[]; now: Date };

export async function applyClerkWebhook(db: Db, event: ClerkWebhookEvent, context: ClerkWebhookContext): Promise<void> {
  if (event.type === "user.deleted") {
    await markClerkUserDeleted(db, event.data.id, context.now);
    return;
  }
  const identity = clerkIdentityOf({
    clerkUserId: event.data.id,
    emails: event.data.email_addresses.map((address) => ({ id: address.id, address: address.email_address })),
    primaryEmailId: event.data.primary_email_address_id,
    firstName: event.data.first_name,
    lastName: event.data.last_name,
  });
  await syncClerkUser(db, identity, new Date(event.data.updated_at), context.adminEmails);
}
