import { randomInt } from "node:crypto";
import { createConnection } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The Redis store (REDIS_URL set) against a real Redis. Machines that run the CI have one at 127.0.0.1:6379; a
// fresh developer machine may not, and then this file is skipped with a message saying so.
const REDIS_URL = "redis://127.0.0.1:6379";

function redisListens(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 6379 });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}
const hasRedis = await redisListens();
if (!hasRedis) console.warn(`Skipping the Redis rate limit tests: nothing listens at ${REDIS_URL} (start Redis there to run them).`);

let t: TestDatabase;
vi.mock("~/server/db", () => ({ db: t.db }));
vi.mock("~/server/rate-limit/limits", () => ({
  RATE_LIMITS: { menuEvents: { points: 3, durationSeconds: 60, what: "analytics batches" } },
}));

type Handler = (request: Request) => Promise<Response>;
const importBeacon = async (): Promise<Handler> => {
  vi.resetModules();
  return (await import("~/../app/api/menu-events/route")).POST;
};

// Random per run: counts left in Redis by an earlier run (they expire after a minute) must not meet this one.
const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const key = `foodar-rl:menuEvents:ip:${ip}`;
let redis: Redis;

describe.skipIf(!hasRedis)("rate limits on Redis", () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    vi.stubEnv("RATE_LIMITS", "on");
    vi.stubEnv("REDIS_URL", REDIS_URL);
    // No PostgreSQL behind the limiter: were it used instead of Redis, every count would fail open and nothing be refused.
    vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nothing");
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it("counts in Redis, shared by two app instances, and refuses the N+1-th request with 429", async () => {
    const [first, second] = [await importBeacon(), await importBeacon()];
    const beacon = (from = ip) =>
      new Request("http://localhost:3000/api/menu-events", {
        method: "POST",
        headers: { "x-forwarded-for": from, "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)" },
        body: "{}",
      });
    expect((await first(beacon())).status).not.toBe(429);
    expect((await second(beacon())).status).not.toBe(429);
    expect((await first(beacon())).status).not.toBe(429);
    expect(Number(await redis.get(key))).toBe(3);

    const refused = await second(beacon());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: string }).error).toContain("Too many analytics batches");

    const otherIp = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    expect((await first(beacon(otherIp))).status).not.toBe(429);
    await redis.del(`foodar-rl:menuEvents:ip:${otherIp}`);
  });
});
