import type { Metadata } from "next";
import { NotFoundContent } from "~/components/feedback/not-found-content";
import { AppShell } from "~/components/shell/app-shell";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <AppShell>
      <NotFoundContent />
    </AppShell>
  );
}
