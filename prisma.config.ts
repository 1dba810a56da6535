import { defineConfig } from "prisma/config";

// The CLI only needs a URL for commands that talk to a database (migrate deploy, studio);
// `prisma generate` must work without one, so an unset variable is not an error here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
