import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "../../proxy";

const runsOn = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("where the sign-in proxy runs", () => {
  it("runs on the signed-in app and the API routes that read a session", () => {
    for (const url of ["/", "/dashboard", "/admin/webhooks", "/sign-in", "/api/trpc/menu.get", "/api/qr/abc.png", "/api/uploads/model"]) {
      expect(runsOn(url), url).toBe(true);
    }
  });

  it("skips the public menu, its decoders, signed webhooks, the beacon, the health check and static files", () => {
    for (const url of [
      "/m/karachi-grill",
      "/m/karachi-grill?t=table-1",
      "/decoders/meshopt-1.3.0/meshopt_decoder.js",
      "/api/webhooks/lemon-squeezy",
      "/api/webhooks/clerk",
      "/api/menu-events",
      "/api/health",
      "/_next/static/chunks/main.js",
      "/icon.svg",
    ]) {
      expect(runsOn(url), url).toBe(false);
    }
  });
});
