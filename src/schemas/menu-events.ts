import { z } from "zod";
import { MAX_EVENTS_PER_BATCH, TABLE_CODE_MAX, TABLE_CODE_SHAPE } from "~/lib/menu-event-limits";

// What the public menu page reports: counts only, no identifiers of the person, no cookies.

export const MENU_EVENT_TYPES = ["MENU_VIEW", "PRODUCT_OPEN", "MODEL_OPEN", "AR_LAUNCH"] as const;
export { MAX_EVENTS_PER_BATCH, TABLE_CODE_MAX };

const productEvent = z.strictObject({
  type: z.enum(["PRODUCT_OPEN", "MODEL_OPEN", "AR_LAUNCH"]),
  productId: z.uuid("Unknown product"),
});
const menuView = z.strictObject({ type: z.literal("MENU_VIEW") });

export const menuEventSchema = z.discriminatedUnion("type", [menuView, productEvent]);
export type MenuEventInput = z.infer<typeof menuEventSchema>;

export const menuEventBatchSchema = z.strictObject({
  restaurantId: z.uuid("Unknown restaurant"),
  /** The `t` of the QR URL; absent when the menu was opened without one. */
  table: z
    .string()
    .max(TABLE_CODE_MAX, "Unknown table")
    .regex(TABLE_CODE_SHAPE, "Unknown table")
    .optional(),
  events: z.array(menuEventSchema).min(1, "Send at least one event").max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events at once`),
});
export type MenuEventBatch = z.infer<typeof menuEventBatchSchema>;
