import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { RequireUser } from "~/components/auth/require-user";
import { AppShell } from "~/components/shell/app-shell";
import { sandboxEnabled } from "~/server/services/billing/configured-billing";

// The billing sandbox stands in for Lemon Squeezy's checkout and customer pages when it is not configured. With
// LEMONSQUEEZY_API_KEY set these pages do not exist.
export default function BillingSandboxLayout({ children }: { children: ReactNode }) {
  if (!sandboxEnabled()) notFound();
  return (
    <AppShell>
      <RequireUser path="/dashboard">{children}</RequireUser>
    </AppShell>
  );
}
