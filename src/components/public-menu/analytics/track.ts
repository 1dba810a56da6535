import type { MenuEventBatch, MenuEventInput } from "~/schemas/menu-events";
import { MAX_EVENTS_PER_BATCH } from "~/lib/menu-event-limits";

// Events wait in memory and leave in one beacon: when enough have gathered, after a short pause, or when the page
// is hidden (the last moment a phone reliably lets a page send anything).

export const MENU_EVENTS_ENDPOINT = "/api/menu-events";
const FLUSH_AFTER_MS = 5000;

let context: Pick<MenuEventBatch, "restaurantId" | "table"> | null = null;
const queued: MenuEventInput[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function flush() {
  clearTimeout(timer);
  timer = undefined;
  if (!context || queued.length === 0) return;
  const batch: MenuEventBatch = { ...context, events: queued.splice(0, MAX_EVENTS_PER_BATCH) };
  // A string goes as text/plain, a CORS-safelisted type: some browsers refuse (even throw on) a beacon whose Blob has
  // another type. The endpoint reads JSON from either.
  const body = JSON.stringify(batch);
  let queuedByBrowser = false;
  try {
    queuedByBrowser = navigator.sendBeacon?.(MENU_EVENTS_ENDPOINT, body) ?? false;
  } catch {
    queuedByBrowser = false;
  }
  if (!queuedByBrowser) {
    void fetch(MENU_EVENTS_ENDPOINT, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }
  if (queued.length > 0) flush();
}

/** Called once by the menu page: which restaurant, and which table the QR code named. */
export function startMenuTracking(restaurantId: string, table: string | undefined) {
  if (context) return;
  context = { restaurantId, ...(table ? { table } : {}) };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  document.addEventListener("visibilitychange", onHidden);
  window.addEventListener("pagehide", flush);
}

export function track(event: MenuEventInput) {
  queued.push(event);
  if (queued.length >= MAX_EVENTS_PER_BATCH) flush();
  else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
}
