import type { BillingProvider } from "~/server/integrations/lemon-squeezy/billing-provider";
import { createSandboxCheckout } from "./sandbox-checkouts";
import type { SandboxSession } from "./sandbox-session";
import { changeSandboxSubscription, sandboxSubscriptionIdOf } from "./sandbox-subscriptions";

/**
 * The payments port's local driver: checkouts open the sandbox's checkout page; cancel and resume change the
 * sandbox's subscription and send the webhooks Lemon Squeezy would, before answering, so the billing page already
 * shows the new state when it refetches.
 */
export function createSandboxBilling(session: SandboxSession): BillingProvider {
  return {
    driver: "sandbox",
    createCheckout: (request) => createSandboxCheckout(session.db, request, session.origin),
    async cancelSubscription(lemonSqueezyId) {
      await changeSandboxSubscription(session, sandboxSubscriptionIdOf(lemonSqueezyId), "cancel");
    },
    async resumeSubscription(lemonSqueezyId) {
      await changeSandboxSubscription(session, sandboxSubscriptionIdOf(lemonSqueezyId), "resume");
    },
  };
}
