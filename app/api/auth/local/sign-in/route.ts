import { NextResponse } from "next/server";
import { authMode, env } from "~/env.js";
import { db } from "~/server/db";
import { DomainError } from "~/server/errors";
import { limitByClientIp } from "~/server/http/rate-limit-response";
import { LOCAL_SESSION_COOKIE, localSessionCookieOptions, signLocalSession } from "~/server/auth/local-session-cookie";
import { parseLocalSignIn, safeNextPath } from "~/schemas/local-sign-in";
import { localSignIn } from "~/server/services/users/local-sign-in";

function backToSignIn(request: Request, message: string, next: string | null) {
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("error", message);
  if (next) url.searchParams.set("next", next);
  return NextResponse.redirect(url, 303);
}

export async function POST(request: Request) {
  if (authMode() !== "local") return NextResponse.json({ error: "Local sign-in is disabled" }, { status: 404 });
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin) {
    return NextResponse.json({ error: "Sign-in must come from this site" }, { status: 403 });
  }
  const limited = await limitByClientIp(request, "signIn");
  if (limited) return limited;
  const form = await request.formData().catch(() => null);
  if (!form) return NextResponse.json({ error: "Send the sign-in form" }, { status: 400 });
  const next = safeNextPath(form.get("next"));
  const fields = Object.fromEntries(
    [...form.entries()].filter(([key, value]) => key !== "next" && typeof value === "string" && value !== ""),
  );
  const parsed = parseLocalSignIn(fields);
  if (!parsed.success) {
    return backToSignIn(request, parsed.error.issues[0]?.message ?? "Enter your email address", next);
  }
  try {
    const user = await localSignIn(db, parsed.data, env.ADMIN_EMAILS);
    const response = NextResponse.redirect(new URL(next ?? (user.role === "ADMIN" ? "/admin" : "/dashboard"), request.url), 303);
    response.cookies.set(
      LOCAL_SESSION_COOKIE,
      await signLocalSession(user.id, env.AUTH_SECRET ?? ""),
      localSessionCookieOptions(new URL(request.url).protocol === "https:"),
    );
    return response;
  } catch (error) {
    if (error instanceof DomainError) return backToSignIn(request, "That user no longer exists; pick another", next);
    throw error;
  }
}
