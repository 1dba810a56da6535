import { FlaskConical } from "lucide-react";

/** Like Lemon Squeezy's "Test mode" strip: nothing on these pages charges anyone. */
export function SandboxBanner({ children }: { children: string }) {
  return (
    <p className="mb-6 flex items-center gap-2 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-950">
      <FlaskConical aria-hidden className="size-4 shrink-0" />
      {children}
    </p>
  );
}
