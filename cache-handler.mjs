import { createRequire } from "node:module";
import pg from "pg";
import pino from "pino";
import { CACHE_TAG_CHANNEL } from "./src/server/cache/cache-tag-channel.mjs";

// Next's own file-system cache (memory first, then disk) keeps each instance's pages; what it cannot know alone is
// that another instance, or the job worker, changed the data behind them. Tag changes are published in PostgreSQL
// (see src/server/cache/menu-cache.ts): this handler LISTENs for them and expires the tags locally, so a cached
// page is served without any database query until a change is announced, and no instance serves it after.

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/** A page is rebuilt at least daily (MENU_MAX_AGE_SECONDS), so older tag changes cannot concern a cached page. */
const CATCH_UP_WINDOW_MS = 26 * 60 * 60 * 1000;
const RECONNECT_MAX_MS = 30_000;
/** Longer than a menu page takes to render, so one that was rendering during a change is expired too. */
const IN_FLIGHT_RENDER_MS = 2_000;
/** How long the first request waits for the listener, so a restarted instance never serves a page changed while it was down. */
const FIRST_CONNECT_WAIT_MS = 3_000;

// Next loads this file on its own, outside the app's bundle, so it cannot use src/server/log/logger.ts; its lines
// have the same JSON shape. Only an error's message is logged: the pg client's errors carry no credentials there.
const log = pino({
  base: { service: "foodar", component: "cache-handler" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** One listener per process, however many times Next constructs the handler (it does so per request). */
const state = /** @type {{ foodarCacheTags?: { ready: Promise<void>, expire: (tags: string[]) => Promise<void> } }} */ (globalThis);

/** @param {(tags: string[]) => Promise<void>} expire */
function startListener(expire) {
  const connectionString = process.env.DATABASE_URL;
  let delay = 1_000;
  /** @type {() => void} */
  let markReady = () => {};
  const ready = new Promise((resolve) => {
    markReady = () => resolve(undefined);
    setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
  });

  async function connect() {
    const client = new pg.Client({ connectionString, keepAlive: true, application_name: "foodar-cache-tags" });
    let retried = false;
    const retry = (/** @type {unknown} */ error) => {
      if (retried) return;
      retried = true;
      log.error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        "Cache tag listener lost its connection; pages changed meanwhile expire on reconnect",
      );
      client.end().catch(() => undefined);
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };
    client.on("error", retry);
    client.on("end", () => retry(new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel !== CACHE_TAG_CHANNEL || !message.payload) return;
      const tags = [message.payload];
      void expire(tags);
      // A page whose render read the old data but finished after this moment would be stored as fresh.
      setTimeout(() => void expire(tags), IN_FLIGHT_RENDER_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_TAG_CHANNEL}`);
      // Listening before reading: a change committed in between is heard, or read here, or both.
      const { rows } = await client.query(`SELECT tag FROM "CacheTagRevalidation" WHERE "revalidatedAt" > $1`, [
        new Date(Date.now() - CATCH_UP_WINDOW_MS),
      ]);
      await expire(rows.map((row) => String(row.tag)));
      delay = 1_000;
      markReady();
    } catch (error) {
      retry(error);
    }
  }

  void connect();
  return ready;
}

export default class CacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context);
    if (!state.foodarCacheTags && process.env.DATABASE_URL) {
      // Expiring a tag only writes Next's process-wide tag manifest, so this first instance can do it for all.
      const expire = (/** @type {string[]} */ tags) => (tags.length > 0 ? this.revalidateTag(tags) : Promise.resolve());
      state.foodarCacheTags = { expire, ready: startListener(expire) };
    }
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>["get"]>} args */
  async get(...args) {
    await state.foodarCacheTags?.ready;
    return super.get(...args);
  }
}
