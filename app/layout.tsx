import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Foodar — AR menus for restaurants", template: "%s · Foodar" },
  description: "Publish your menu as a web page where every dish can be turned in 3D and placed on the table in AR.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ea580c" };

// No providers here: the public menu under /m shares this layout and sends guests nothing it does not use.
// The signed-in app brings its own in app/(app)/layout.tsx.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
