import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ClerkProvider } from "@clerk/nextjs";
import { Toaster } from "sonner";
import { authMode } from "~/env.js";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Foodar — AR menus for restaurants", template: "%s · Foodar" },
  description: "Publish your menu as a web page where every dish can be turned in 3D and placed on the table in AR.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ea580c" };

export default function RootLayout({ children }: { children: ReactNode }) {
  const body = (
    <html lang="en">
      <body className="min-h-dvh">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster richColors position="top-center" closeButton />
      </body>
    </html>
  );
  return authMode() === "clerk" ? <ClerkProvider>{body}</ClerkProvider> : body;
}
