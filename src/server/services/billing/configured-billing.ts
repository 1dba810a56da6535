import { billingDriver } from "~/env.js";
import type { Db } from "~/server/db-client";
import type { BillingProvider } from "~/server/integrations/lemon-squeezy/billing-provider";
import { createLemonSqueezyBilling } from "~/server/integrations/lemon-squeezy/lemon-squeezy-billing";
import { lemonSqueezyCredentials } from "~/server/integrations/lemon-squeezy/lemon-squeezy-client";
import { createSandboxBilling } from "~/server/services/billing-sandbox/sandbox-billing";
import type { SandboxSession } from "~/server/services/billing-sandbox/sandbox-session";
import { createSandboxDelivery, sandboxWebhookUrl } from "~/server/services/billing-sandbox/sandbox-webhook-sender";

/** Lemon Squeezy when LEMONSQUEEZY_API_KEY is set, else the sandbox, acting for this owner. */
export function billingProvider(context: { db: Db; ownerId: string; origin: string; now: Date }): BillingProvider {
  const credentials = lemonSqueezyCredentials();
  if (credentials) return createLemonSqueezyBilling(credentials);
  return createSandboxBilling(sandboxSession(context));
}

/** The sandbox acting for this owner, delivering to this app's own webhook route. */
export function sandboxSession(context: { db: Db; ownerId: string; origin: string; now: Date }): SandboxSession {
  return { ...context, deliver: (event) => createSandboxDelivery(sandboxWebhookUrl(context.origin))(event) };
}

/** The sandbox exists only while Lemon Squeezy is not configured. */
export const sandboxEnabled = () => billingDriver() === "sandbox";
