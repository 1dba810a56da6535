import type { ReactNode } from "react";
import { ClerkProvider } from "@clerk/nextjs";
import { Toaster } from "sonner";
import { authMode } from "~/env.js";
import { TRPCReactProvider } from "~/trpc/react";

/** Sign-in, the data client and toasts for the landing page, the dashboard and the admin pages. */
export default function AppLayout({ children }: { children: ReactNode }) {
  const app = (
    <>
      <TRPCReactProvider>{children}</TRPCReactProvider>
      <Toaster richColors position="top-center" closeButton />
    </>
  );
  // dynamic: Clerk renders its script tag per request, with the nonce of proxy.ts's policy (without it the tag is blocked).
  return authMode() === "clerk" ? <ClerkProvider dynamic>{app}</ClerkProvider> : app;
}
