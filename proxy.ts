import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextMiddleware, type NextRequest } from "next/server";
import { authMode, env } from "~/env.js";
import { nextWithPagePolicy } from "~/server/http/page-content-security-policy";

// Pages get a per-request nonce policy here; API routes keep next.config.mjs's, which lets nothing run.
function withPolicy(request: NextRequest): NextResponse | undefined {
  return /^\/(api|trpc)(\/|$)/.test(request.nextUrl.pathname) ? undefined : nextWithPagePolicy(request);
}

// Clerk verifies session tokens here without calling its API: the instance's public key is passed explicitly
// (the SDK does not pick up CLERK_JWT_KEY by itself). The secret and publishable keys are NOT passed: the SDK
// reads them from the environment, and a secretKey option makes it demand CLERK_ENCRYPTION_KEY on every
// request (it forwards options to pages encrypted). The local driver has no session work here: its cookie is read
// where the session is used.
function createProxy(): NextMiddleware {
  if (authMode() !== "clerk") return (request) => withPolicy(request) ?? NextResponse.next();
  // Clerk keeps the request headers and the response that the handler returns, and adds its own.
  return clerkMiddleware((_auth, request) => withPolicy(request), {
    jwtKey: env.CLERK_JWT_KEY,
    authorizedParties: env.CLERK_AUTHORIZED_PARTIES.length > 0 ? env.CLERK_AUTHORIZED_PARTIES : undefined,
    signInUrl: "/sign-in",
  });
}

export default createProxy();

export const config = {
  matcher: [
    // Every page and API route. Skipped: static assets, Next internals, the public menu with its decoders (guests have
    // no session, and the cached menu page is served without running anything per request), and the API routes no
    // session reaches: signed webhooks, the menu beacon and the health check (a webhook refused before any database
    // work cost 3.3 ms of CPU with the proxy and 1.3 ms without, see bench/README.md).
    "/((?!_next|m/|decoders/|api/webhooks/|api/menu-events|api/health|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest|glb)).*)",
    // API routes whose path ends like a file (e.g. /api/qr/<id>.png), with the same exceptions.
    "/api/((?!webhooks/|menu-events|health).*)",
    "/trpc(.*)",
  ],
};
