import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "~/server/auth/session";
import { createDb } from "~/server/db-client";
import { captureLogs } from "../helpers/captured-logs";

// The app's tRPC route as Next calls it, over a database that cannot be reached: every query fails the way an
// outage does, which is a 500 (INTERNAL_SERVER_ERROR). The session is the one seam replaced: it comes from cookies.
const session: Session = { userId: randomUUID(), role: "OWNER" };
vi.mock("~/server/db", () => ({ db: createDb("postgresql://nobody:db-password-in-url@127.0.0.1:1/none") }));
vi.mock("~/server/auth/get-session", () => ({ getSession: () => Promise.resolve(session) }));

type Handler = (request: Request) => Promise<Response>;
let GET: Handler;
let POST: Handler;

beforeAll(async () => {
  ({ GET, POST } = (await import("~/../app/api/trpc/[trpc]/route")) as { GET: Handler; POST: Handler });
});

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.stop());

const query = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost:3000/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers }));

describe("tRPC errors in the logs", () => {
  it("logs an internal error once, with the request id, the user, the procedure and the restaurant", async () => {
    capture = captureLogs();
    const restaurantId = randomUUID();
    const response = await query("tables.list", { restaurantId }, { "x-request-id": "req-from-proxy-123" });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("req-from-proxy-123");

    const errors = capture.lines().filter((line) => line.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      requestId: "req-from-proxy-123",
      userId: session.userId,
      path: "tables.list",
      type: "query",
      restaurantId,
      msg: "tRPC tables.list failed",
      err: { message: expect.any(String) as string },
    });
    // The connection URL in the driver's error keeps its host but not its password.
    expect(capture.raw()).not.toContain("db-password-in-url");
  });

  it("makes up a request id when the incoming one is missing or malformed, and answers with it", async () => {
    capture = captureLogs();
    const response = await query("tables.list", { restaurantId: randomUUID() }, { "x-request-id": 'bad"id} {"userId":"forged' });
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(capture.lines().find((line) => line.level === "error")).toMatchObject({ requestId });
  });

  it("does not log the caller's mistakes (bad input) as failures", async () => {
    capture = captureLogs();
    const response = await POST(
      new Request("http://localhost:3000/api/trpc/tables.create", { method: "POST", body: JSON.stringify({ json: { restaurantId: "nope" } }), headers: { "content-type": "application/json" } }),
    );
    expect(response.status).toBe(400);
    expect(capture.lines().filter((line) => line.level === "error")).toEqual([]);
  });
});
