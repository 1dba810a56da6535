import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { menuEventBatchSchema } from "~/schemas/menu-events";

// The beacon client runs in the browser; here navigator, document and window are small stand-ins that record what
// was sent. Each test loads a fresh copy of the module, whose queue and context live at module level.
type Sent = { via: "beacon" | "fetch"; body: string };
let sent: Sent[];
let beaconAnswer: () => boolean;
let listeners: Map<string, () => void>;
let visibility: "visible" | "hidden";

async function loadTrack() {
  vi.resetModules();
  return import("~/components/public-menu/analytics/track");
}

const rid = "7b4a7c4e-8a2e-4c55-9a5b-2f4f7d1f0c11";
const pid = "1d8e6f0e-3c1a-4b7e-9f55-0a6d2c9b8e21";
const batches = () => sent.map((entry) => menuEventBatchSchema.parse(JSON.parse(entry.body)));

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  beaconAnswer = () => true;
  listeners = new Map();
  visibility = "visible";
  const listen = (name: string, listener: () => void) => listeners.set(name, listener);
  vi.stubGlobal("navigator", {
    sendBeacon: (_url: string, body: string) => {
      const accepted = beaconAnswer();
      if (accepted) sent.push({ via: "beacon", body });
      return accepted;
    },
  });
  vi.stubGlobal("fetch", async (_url: string, init: { body: string }) => {
    sent.push({ via: "fetch", body: init.body });
    return new Response(null, { status: 204 });
  });
  vi.stubGlobal("document", { addEventListener: listen, get visibilityState() { return visibility; } });
  vi.stubGlobal("window", { addEventListener: listen });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("menu event beacon", () => {
  it("gathers events and sends them in one batch after a pause, with the restaurant and table", async () => {
    const { startMenuTracking, track } = await loadTrack();
    startMenuTracking(rid, "t1");
    track({ type: "MENU_VIEW" });
    track({ type: "MODEL_OPEN", productId: pid });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(sent.map((entry) => entry.via)).toEqual(["beacon"]);
    expect(batches()).toEqual([{ restaurantId: rid, table: "t1", events: [{ type: "MENU_VIEW" }, { type: "MODEL_OPEN", productId: pid }] }]);
  });

  it("sends at once when 50 events have gathered, and never more than 50 in a batch", async () => {
    const { startMenuTracking, track } = await loadTrack();
    startMenuTracking(rid, undefined);
    for (let index = 0; index < 120; index += 1) track({ type: "PRODUCT_OPEN", productId: pid });
    expect(batches().map((batch) => batch.events.length)).toEqual([50, 50]);
    expect(batches()[0]).not.toHaveProperty("table");
    vi.advanceTimersByTime(5000);
    expect(batches().map((batch) => batch.events.length)).toEqual([50, 50, 20]);
  });

  it("sends what is waiting when the page is hidden", async () => {
    const { startMenuTracking, track } = await loadTrack();
    startMenuTracking(rid, undefined);
    track({ type: "MENU_VIEW" });
    visibility = "hidden";
    listeners.get("visibilitychange")?.();
    expect(sent).toHaveLength(1);
  });

  it("falls back to fetch with keepalive when the browser refuses the beacon or throws", async () => {
    const { startMenuTracking, track } = await loadTrack();
    startMenuTracking(rid, undefined);
    beaconAnswer = () => false;
    track({ type: "MENU_VIEW" });
    vi.advanceTimersByTime(5000);
    beaconAnswer = () => {
      throw new TypeError("Illegal invocation");
    };
    track({ type: "MENU_VIEW" });
    vi.advanceTimersByTime(5000);
    expect(sent.map((entry) => entry.via)).toEqual(["fetch", "fetch"]);
  });
});
