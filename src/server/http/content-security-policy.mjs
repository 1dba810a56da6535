// The Content-Security-Policy of every response. Plain JavaScript because next.config.mjs sends the static ones (it
// loads outside the app's bundle) and proxy.ts the per-request one. Pure: the callers pass in what the environment says.

/** Photos and videos uploaded through Cloudinary are delivered from here, whichever account uploaded them. */
export const CLOUDINARY_DELIVERY_ORIGIN = "https://res.cloudinary.com";

// Clerk's guidance (clerk.com/docs/guides/secure/best-practices/csp-headers): bot protection runs in Cloudflare's
// challenge frame, abuse protection on *.protect.clerk.com (on other ports than 443, hence :* for connections), and
// avatars come from img.clerk.com.
const CLERK_IMAGES = "https://img.clerk.com";
const CLOUDFLARE_CHALLENGES = "https://challenges.cloudflare.com";
const CLERK_PROTECTION = "https://*.protect.clerk.com";

/**
 * @typedef {object} PolicyHosts
 * @property {string | undefined} [supabaseUrl] SUPABASE_URL: signed 3D model URLs point at its storage.
 * @property {string | undefined} [clerkPublishableKey] NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY, in Clerk mode only.
 * @property {boolean} development `next dev`: React rebuilds server error stacks with eval.
 */

/**
 * @param {Record<string, ReadonlyArray<string | false | undefined>>} directives
 * @returns {string}
 */
function serialize(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources.filter(Boolean)].join(" "))
    .join("; ");
}

/**
 * @param {string | undefined} url
 * @returns {string | undefined}
 */
function originOf(url) {
  return url ? new URL(url).origin : undefined;
}

/**
 * The Frontend API host that a publishable key names: `pk_test_` or `pk_live_`, then base64 of `<host>$`.
 * @param {string | undefined} publishableKey
 * @returns {string | undefined}
 */
export function clerkFrontendApiOrigin(publishableKey) {
  const encoded = publishableKey?.replace(/^pk_(test|live)_/, "");
  if (!encoded || encoded === publishableKey) return undefined;
  const host = atob(encoded).replace(/\$$/, "");
  return /^[a-z0-9.-]+$/i.test(host) ? `https://${host}` : undefined;
}

/**
 * What a page that shows menus and 3D models loads: the dashboard previews models as the public menu shows them.
 * model-viewer compiles its decoders' WebAssembly ('wasm-unsafe-eval'), runs Draco/KTX2 workers from blob: URLs, and
 * three.js reads a model's embedded textures through blob: URLs; photos and videos come from our origin (local
 * driver) or Cloudinary, models from our origin or Supabase Storage.
 * @param {PolicyHosts} hosts
 */
function mediaDirectives({ supabaseUrl }) {
  const media = ["'self'", "blob:", "data:", CLOUDINARY_DELIVERY_ORIGIN];
  return {
    "default-src": ["'self'"],
    // Our components set inline styles, and model-viewer, sonner and Clerk insert <style> elements at run time.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": media,
    "media-src": media,
    "font-src": ["'self'"],
    "connect-src": ["'self'", "blob:", "data:", originOf(supabaseUrl)],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Every form posts to our own routes; checkouts (Lemon Squeezy or the sandbox) are navigations, not form posts.
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/**
 * The signed-in app, the landing and sign-in pages, the sandbox checkout and the dev mailbox: rendered per request by
 * proxy.ts, so Next stamps this nonce on its own scripts and nothing else runs ('strict-dynamic' lets those scripts
 * load the chunks, model-viewer and its decoders).
 * @param {string} nonce
 * @param {PolicyHosts} hosts
 * @returns {string}
 */
export function pageContentSecurityPolicy(nonce, hosts) {
  const base = mediaDirectives(hosts);
  const clerk = clerkFrontendApiOrigin(hosts.clerkPublishableKey);
  return serialize({
    ...base,
    // Hosts next to 'strict-dynamic' only matter to browsers too old to know it.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
      hosts.development && "'unsafe-eval'",
      clerk,
      clerk && CLOUDFLARE_CHALLENGES,
      clerk && CLERK_PROTECTION,
    ],
    "img-src": [...base["img-src"], clerk && CLERK_IMAGES],
    "connect-src": [...base["connect-src"], clerk, clerk && `${CLERK_PROTECTION}:*`],
    "frame-src": clerk ? [CLOUDFLARE_CHALLENGES, CLERK_PROTECTION] : ["'none'"],
  });
}

/**
 * The public menu (`/m/<slug>`), served from Next's cache without running anything per request, so it cannot carry a
 * nonce. Next streams its page data in inline scripts, hence 'unsafe-inline' (experimental.sri only covers the
 * external chunks: vercel/next.js#95354); everything else stays as tight as on the dynamic pages.
 * @param {PolicyHosts} hosts
 * @returns {string}
 */
export function menuContentSecurityPolicy(hosts) {
  return serialize({
    ...mediaDirectives(hosts),
    "script-src": ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", hosts.development && "'unsafe-eval'"],
    "frame-src": ["'none'"],
  });
}

/**
 * Everything that is not a page: API responses, QR images and cards, files, decoders, the OpenGraph image, static
 * assets. Should one be opened as a document (an SVG, say), nothing in it may run or load.
 */
export const NO_DOCUMENT_CONTENT_SECURITY_POLICY = serialize({
  "default-src": ["'none'"],
  "frame-ancestors": ["'none'"],
});
