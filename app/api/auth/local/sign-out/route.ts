import { NextResponse } from "next/server";
import { LOCAL_SESSION_COOKIE } from "~/server/auth/local-session-cookie";

export async function POST(request: Request) {
  const response = NextResponse.redirect(new URL("/", request.url), 303);
  response.cookies.delete(LOCAL_SESSION_COOKIE);
  return response;
}
