"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function SignInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} title="The sign-in page could not be loaded" />;
}
