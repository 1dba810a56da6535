import { NextResponse, type NextRequest } from "next/server";
import { authMode, env } from "~/env.js";
import { pageContentSecurityPolicy } from "./content-security-policy.mjs";

/** 128 random bits, base64: unguessable, and free of the characters Next and Clerk refuse in a nonce. */
function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Lets the request through with a fresh nonce policy on both sides: Next reads the nonce from the request's
 * Content-Security-Policy header and stamps it on the scripts it renders (so does Clerk's provider), and the browser
 * enforces the response's.
 */
export function nextWithPagePolicy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy(createNonce(), {
    supabaseUrl: env.SUPABASE_URL,
    clerkPublishableKey: authMode() === "clerk" ? env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY : undefined,
    development: env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}
