import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The route handler is called as Next calls it, with deliveries signed the way Svix signs them. Its db
// module is pointed at this file's database.
let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));

const SIGNING_SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const ADMIN_EMAIL = "boss@foodar.test";
const URL_PATH = "http://localhost:3000/api/webhooks/clerk";

type PostHandler = (request: Request) => Promise<Response>;
let POST: PostHandler;

async function loadRoute(env: Record<string, string>): Promise<PostHandler> {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("~/../app/api/webhooks/clerk/route")).POST;
}

beforeAll(async () => {
  t = await createTestDatabase();
  POST = await loadRoute({ CLERK_WEBHOOK_SIGNING_SECRET: SIGNING_SECRET, ADMIN_EMAILS: ADMIN_EMAIL });
});

type DeliveryOptions = { secret?: string; timestamp?: Date; headers?: Record<string, string | null> };

function delivery(body: string, options: DeliveryOptions = {}): Request {
  const id = `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const signed: Record<string, string | null> = {
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": new Webhook(options.secret ?? SIGNING_SECRET).sign(id, timestamp, body),
    ...options.headers,
  };
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed)) if (value !== null) headers.set(name, value);
  return new Request(URL_PATH, { method: "POST", headers, body });
}

function userEvent(
  type: "user.created" | "user.updated",
  id: string,
  email: string,
  name: [string, string | null],
  updatedAt = Date.now(),
) {
  return JSON.stringify({
    object: "event",
    type,
    timestamp: Date.now(),
    instance_id: "ins_test",
    data: {
      object: "user",
      id,
      first_name: name[0],
      last_name: name[1],
      primary_email_address_id: "idn_primary",
      email_addresses: [
        { id: "idn_other", object: "email_address", email_address: "old-address@example.com" },
        { id: "idn_primary", object: "email_address", email_address: email },
      ],
      image_url: "https://img.clerk.com/x",
      updated_at: updatedAt,
    },
  });
}

const userDeleted = (id: string) => JSON.stringify({ object: "event", type: "user.deleted", data: { object: "user", id, deleted: true } });

const clerkRow = (id: string) => t.db.user.findUnique({ where: { authProvider_authUserId: { authProvider: "CLERK", authUserId: id } } });

describe("POST /api/webhooks/clerk", () => {
  it("user.created creates the user with the primary email address and full name", async () => {
    const id = `user_${randomUUID()}`;
    const response = await POST(delivery(userEvent("user.created", id, "Nadia@Example.com", ["Nadia", "Ali"])));

    expect(response.status).toBe(200);
    expect(await clerkRow(id)).toMatchObject({ email: "nadia@example.com", name: "Nadia Ali", role: "OWNER", deletedAt: null });
  });

  it("user.updated changes email and name, and a replayed delivery changes nothing", async () => {
    const id = `user_${randomUUID()}`;
    await POST(delivery(userEvent("user.created", id, "first@example.com", ["First", null])));
    const update = userEvent("user.updated", id, "second@example.com", ["Second", "Name"]);

    expect((await POST(delivery(update))).status).toBe(200);
    const updated = await clerkRow(id);
    expect(updated).toMatchObject({ email: "second@example.com", name: "Second Name" });

    expect((await POST(delivery(update))).status).toBe(200);
    expect(await clerkRow(id)).toEqual(updated);
    expect(await t.db.user.count({ where: { authUserId: id } })).toBe(1);
  });

  it("an older profile delivered after a newer one does not overwrite it", async () => {
    const id = `user_${randomUUID()}`;
    const created = Date.now() - 60_000;
    await POST(delivery(userEvent("user.created", id, "first@example.com", ["First", null], created)));
    await POST(delivery(userEvent("user.updated", id, "newest@example.com", ["Newest", null], created + 2_000)));

    expect((await POST(delivery(userEvent("user.updated", id, "stale@example.com", ["Stale", null], created + 1_000)))).status).toBe(200);
    expect(await clerkRow(id)).toMatchObject({ email: "newest@example.com", name: "Newest" });
  });

  it("user.updated for a user we have not seen creates them, and ADMIN_EMAILS makes them admin", async () => {
    const id = `user_${randomUUID()}`;
    expect((await POST(delivery(userEvent("user.updated", id, ADMIN_EMAIL, ["The", "Boss"])))).status).toBe(200);
    expect(await clerkRow(id)).toMatchObject({ email: ADMIN_EMAIL, role: "ADMIN" });
  });

  it("user.deleted marks the row deleted with one audit entry, keeps its restaurants, and a replay adds nothing", async () => {
    const id = `user_${randomUUID()}`;
    await POST(delivery(userEvent("user.created", id, "owner@example.com", ["Owner", null])));
    const owner = await clerkRow(id);
    if (!owner) throw new Error("user.created did not create the row");
    await t.db.restaurant.create({ data: { ownerId: owner.id, name: "Lahore Grill", slug: `lahore-grill-${randomUUID().slice(0, 8)}` } });

    expect((await POST(delivery(userDeleted(id)))).status).toBe(200);
    expect((await POST(delivery(userDeleted(id)))).status).toBe(200);

    const row = await clerkRow(id);
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(await t.db.restaurant.count({ where: { ownerId: owner.id } })).toBe(1);
    const audit = await t.db.auditLog.findMany({ where: { action: "user.deleted", targetId: owner.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, targetType: "user" });
  });

  it("a user.created delivered after user.deleted does not bring the user back", async () => {
    const id = `user_${randomUUID()}`;
    expect((await POST(delivery(userDeleted(id)))).status).toBe(200);
    expect((await POST(delivery(userEvent("user.created", id, "late@example.com", ["Late", null])))).status).toBe(200);

    const row = await clerkRow(id);
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.email).toBe("late@example.com");
  });

  it("acknowledges event types it does not handle without writing anything", async () => {
    const before = await t.db.user.count();
    const response = await POST(delivery(JSON.stringify({ type: "session.created", object: "event", data: { id: "sess_1" } })));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, ignored: "session.created" });
    expect(await t.db.user.count()).toBe(before);
  });

  describe("rejects deliveries it cannot trust, writing nothing", () => {
    const id = `user_${randomUUID()}`;
    const body = userEvent("user.created", id, "forged@example.com", ["Forged", null]);

    it.each([
      ["a signature made with another secret", () => delivery(body, { secret: `whsec_${randomBytes(24).toString("base64")}` })],
      ["a stale timestamp (replay of an old delivery)", () => delivery(body, { timestamp: new Date(Date.now() - 10 * 60_000) })],
      ["a timestamp far in the future", () => delivery(body, { timestamp: new Date(Date.now() + 10 * 60_000) })],
      ["a tampered body", () => new Request(delivery(body), { body: body.replace("forged@", "admin@") })],
      ["no svix-signature header", () => delivery(body, { headers: { "svix-signature": null } })],
      ["no svix-id header", () => delivery(body, { headers: { "svix-id": null } })],
      ["no svix-timestamp header", () => delivery(body, { headers: { "svix-timestamp": null } })],
    ])("401 for %s", async (_case, makeRequest) => {
      const response = await POST(makeRequest());
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/signature/i);
      expect(await clerkRow(id)).toBeNull();
    });
  });

  it("400 for a correctly signed body that is not JSON", async () => {
    const response = await POST(delivery("{ not json"));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/not valid JSON/);
  });

  it("400 naming the field for a user event of the wrong shape", async () => {
    const id = `user_${randomUUID()}`;
    const response = await POST(delivery(JSON.stringify({ type: "user.created", data: { id, email_addresses: "nope" } })));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/data\.email_addresses/);
    expect(await clerkRow(id)).toBeNull();
  });

  it("413 for a body over 256 KB, before checking anything else", async () => {
    const huge = JSON.stringify({ type: "user.updated", data: { padding: "x".repeat(300 * 1024) } });
    const response = await POST(delivery(huge));
    expect(response.status).toBe(413);
  });

  it("413 for an oversized chunked body that declares no length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request(URL_PATH, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect((await POST(request)).status).toBe(413);
  });

  it("503 with a message naming the variable when no signing secret is configured", async () => {
    const unconfigured = await loadRoute({ ADMIN_EMAILS: ADMIN_EMAIL });
    const response = await unconfigured(delivery(userDeleted(`user_${randomUUID()}`)));
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/CLERK_WEBHOOK_SIGNING_SECRET/);
  });
});
