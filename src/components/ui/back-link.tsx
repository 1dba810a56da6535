import Link from "next/link";
import { ArrowLeft } from "lucide-react";

export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="mb-4 inline-flex items-center gap-1.5 rounded text-sm font-semibold text-stone-700 hover:text-brand-800">
      <ArrowLeft aria-hidden className="size-4" />
      {children}
    </Link>
  );
}
