import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "~/server/db-client";
import { checkDatabase } from "~/server/services/health/check-database";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let closedPortUrl: string;
const clients: Db[] = [];
const originalDatabaseUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  t = await createTestDatabase();
  // A port nothing listens on: connecting is refused at once, like a database that is down.
  closedPortUrl = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/foodar`;
});

afterAll(async () => {
  process.env.DATABASE_URL = originalDatabaseUrl;
  vi.resetModules();
  for (const client of clients) await client.$disconnect();
});

/** Loads the route as the server would, with DATABASE_URL read at import time. */
async function healthRouteWith(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
  const route = await import("../../app/api/health/route");
  clients.push((await import("~/server/db")).db);
  return route;
}

describe("checkDatabase", () => {
  it("is ok when the database answers", async () => {
    expect(await checkDatabase(t.db)).toBe("ok");
  });

  it("is unreachable when nothing listens on the database port", async () => {
    const db = createDb(closedPortUrl);
    clients.push(db);
    expect(await checkDatabase(db)).toBe("unreachable");
  });

  it("is unreachable, instead of hanging, when the database accepts connections but never answers", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const db = createDb(`postgresql://postgres:postgres@127.0.0.1:${port}/foodar`);
    try {
      expect(await checkDatabase(db, 300)).toBe("unreachable");
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      await db.$disconnect().catch(() => {});
    }
  });
});

describe("GET /api/health", () => {
  it("answers 200 {status: ok, db: ok}, never cached, while the database is up", async () => {
    const { GET } = await healthRouteWith(t.url);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with db: unreachable while the database is down", async () => {
    const { GET } = await healthRouteWith(closedPortUrl);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", db: "unreachable" });
  });
});
