import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "~/server/db-client";
import { signLemonSqueezyBody } from "~/server/integrations/lemon-squeezy/signature";
import { captureLogs } from "../helpers/captured-logs";

// The webhook route as Next calls it. A refused delivery is answered before the database is touched, so the db is
// one that cannot be reached: anything that tried to store the delivery would fail the test.
vi.mock("~/server/db", () => ({ db: createDb("postgresql://nobody@127.0.0.1:1/none") }));

const SECRET = "log-test-webhook-signing-secret";
type Handler = (request: Request) => Promise<Response>;
let POST: Handler;
let writeLogsTo: typeof import("~/server/log/logger").writeLogsTo;

beforeAll(async () => {
  vi.stubEnv("LEMONSQUEEZY_WEBHOOK_SECRET", SECRET);
  vi.resetModules();
  POST = ((await import("~/../app/api/webhooks/lemon-squeezy/route")) as { POST: Handler }).POST;
  ({ writeLogsTo } = await import("~/server/log/logger"));
});

const body = JSON.stringify({ meta: { event_name: "subscription_created", custom_data: { restaurant_id: "r" } }, data: { id: "1", attributes: {} } });

describe("Lemon Squeezy webhook logs", () => {
  it("logs a refused delivery with its request id and reason, never the signature, the secret or the body", async () => {
    const forged = signLemonSqueezyBody("an-attacker-guess", body);
    const rightSignatureOfAnotherBody = signLemonSqueezyBody(SECRET, `${body} `);
    for (const signature of [forged, rightSignatureOfAnotherBody, `${forged}00`]) {
      const capture = captureLogs(writeLogsTo);
      const request = new Request("http://localhost:3000/api/webhooks/lemon-squeezy", {
        method: "POST",
        headers: { "content-type": "application/json", "x-event-name": "subscription_created", "x-signature": signature, "x-request-id": "webhook-req-0001" },
        body,
      });
      const response = await POST(request);
      capture.stop();
      expect(response.status).toBe(401);

      const [line, ...more] = capture.lines();
      expect(more).toEqual([]);
      expect(line).toMatchObject({ level: "warn", requestId: "webhook-req-0001", route: "webhooks/lemon-squeezy", status: 401, eventName: "subscription_created" });
      expect(line?.reason).toMatch(/X-Signature/);
      const raw = capture.raw();
      expect(raw).not.toContain(signature.slice(0, 16));
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain("custom_data");
    }
  });
});
