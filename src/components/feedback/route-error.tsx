"use client";

import { useEffect } from "react";
import Link from "next/link";
import { RotateCw, TriangleAlert } from "lucide-react";
import { Button } from "~/components/ui/button";
import { buttonClasses } from "~/components/ui/button-styles";

type RouteErrorProps = { error: unknown; retry: () => void; title?: string; homeHref?: string; homeLabel?: string };

/** The body of every error.tsx: says what failed, offers a retry that re-fetches the segment, and a way out. */
export function RouteError({
  error,
  retry,
  title = "Something went wrong",
  homeHref = "/",
  homeLabel = "Go to the home page",
}: RouteErrorProps) {
  useEffect(() => {
    // Server errors reach the browser only as a digest; logging it lets a developer find the server log line.
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <span className="mb-4 grid size-12 place-items-center rounded-full bg-red-50 text-red-700">
        <TriangleAlert aria-hidden className="size-6" />
      </span>
      <h1 className="text-2xl font-bold text-stone-900">{title}</h1>
      <p className="mt-2 text-stone-600">
        This part of the page could not be loaded. It may be a short hiccup: try again, and if it keeps happening, come
        back in a few minutes.
      </p>
      {digest ? <p className="mt-2 font-mono text-xs text-stone-600">Reference: {digest}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>
          <RotateCw aria-hidden className="size-4" />
          Try again
        </Button>
        <Link href={homeHref} className={buttonClasses("secondary")}>
          {homeLabel}
        </Link>
      </div>
    </div>
  );
}
