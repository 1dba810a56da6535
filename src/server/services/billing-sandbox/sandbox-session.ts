import type { Db } from "~/server/db-client";
import type { SandboxDelivery } from "./sandbox-webhook-sender";

/** Who is driving the sandbox, and how its webhooks reach our route. */
export type SandboxSession = {
  db: Db;
  /** Only the restaurant's owner may drive its sandbox checkout and subscription. */
  ownerId: string;
  /** This app's origin: the sandbox's URLs (update payment method, customer portal) point at its pages here. */
  origin: string;
  now: Date;
  deliver: SandboxDelivery;
};
