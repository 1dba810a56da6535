// What `npm start` and `npm run worker` check before they touch a database.

/**
 * Like `next start`, which runs with NODE_ENV=production unless NODE_ENV says otherwise: the launcher's own checks and
 * src/env.js then see the mode the server (or the worker) runs in.
 */
export function defaultToProduction() {
  // Assigned through Object.assign: Next types NODE_ENV as read-only.
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
}

/**
 * Without DATABASE_URL the launchers start an embedded PostgreSQL (and `npm start` seeds the demo users into it). In
 * production they do so only when DATABASE_MODE=embedded asks for it: a server that lost its DATABASE_URL must not
 * come up on a local database that anyone can sign in to as a demo user.
 */
export function refuseEmbeddedDatabaseInProduction() {
  if (process.env.DATABASE_URL || process.env.NODE_ENV !== "production" || process.env.DATABASE_MODE === "embedded") return;
  console.error(
    "[foodar] DATABASE_URL is not set: in production this would run on an embedded PostgreSQL on this machine, with " +
      "demo users. Set DATABASE_URL (a direct or session-pooler URL, see docs/deploy.md), or set DATABASE_MODE=embedded " +
      "to try a build on the embedded database anyway. For the worker beside `npm run dev`, set NODE_ENV=development.",
  );
  process.exit(1);
}

/** Loads src/env.js as instrumentation.ts does for the server: an invalid variable ends the process with its name. */
export async function validateEnvironment(beforeExit?: () => Promise<void> | undefined) {
  try {
    await import("../../src/env.js");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await beforeExit?.();
    process.exit(1);
  }
}
