import type { Metadata } from "next";
import { authMode } from "~/env.js";
import { db } from "~/server/db";
import { listLocalUsers } from "~/server/services/users/local-sign-in";
import { safeNextPath } from "~/schemas/local-sign-in";
import { firstParam, type SearchParams } from "~/lib/search-params";
import { getCurrentUser } from "~/components/auth/current-user";
import { ClerkSignIn } from "~/components/sign-in/clerk-sign-in";
import { LocalSignIn } from "~/components/sign-in/local-sign-in";

export const metadata: Metadata = { title: "Sign in" };

// The error text arrives in the URL, so anyone can craft it: it is shown as plain text and kept short.
const MAX_ERROR_LENGTH = 200;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeNextPath(firstParam(params, "next")) ?? undefined;
  if (authMode() === "clerk") return <ClerkSignIn next={next} />;

  const [users, current] = await Promise.all([listLocalUsers(db), getCurrentUser()]);
  return (
    <LocalSignIn
      users={users}
      next={next}
      error={firstParam(params, "error")?.slice(0, MAX_ERROR_LENGTH)}
      signedInAs={current?.email}
    />
  );
}
