/** How an event that was processed ended: applied, or recognised and deliberately left without effect (with why). */
export type EventOutcome = { status: "PROCESSED" | "IGNORED"; restaurantId: string; note: string | null };
