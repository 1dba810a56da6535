"use client";

import { useEffect } from "react";
import { startMenuTracking, track } from "~/components/public-menu/analytics/track";
import { TABLE_CODE_MAX, TABLE_CODE_SHAPE } from "~/lib/menu-event-limits";

// Once per page load, also when development's strict mode runs the effect twice.
let counted = false;

/**
 * Counts this visit. The table comes from the QR code's `?t=` and is read here, in the browser: the server-rendered
 * page is the same for every table, so it can be cached once.
 */
export function MenuTracking({ restaurantId }: { restaurantId: string }) {
  useEffect(() => {
    if (counted) return;
    counted = true;
    const table = new URLSearchParams(window.location.search).get("t")?.trim().toLowerCase();
    // A code the endpoint would refuse is dropped here rather than losing the whole batch with it.
    startMenuTracking(restaurantId, table && table.length <= TABLE_CODE_MAX && TABLE_CODE_SHAPE.test(table) ? table : undefined);
    track({ type: "MENU_VIEW" });
  }, [restaurantId]);
  return null;
}
