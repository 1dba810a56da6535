import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { emailDriver } from "~/env.js";
import { RequireUser } from "~/components/auth/require-user";
import { AppShell } from "~/components/shell/app-shell";

// With Resend the messages are in Resend, and this page does not exist.
export default function MailboxLayout({ children }: { children: ReactNode }) {
  if (emailDriver() !== "local") notFound();
  return (
    <AppShell>
      <RequireUser path="/dev/mailbox">{children}</RequireUser>
    </AppShell>
  );
}
