"use client";

import { useEffect, useState } from "react";

// Our subscription changes only when Lemon Squeezy's webhook arrives, which may be after the owner is back on the
// page (a checkout's redirect, a cancel through the API). While a change is awaited the page polls; the wait is over
// when the subscription's version moves, or after a while, with a note that it may take longer.

export type AwaitedChange = { kind: "checkout" | "change"; fromVersion: string | null };

const GIVE_UP_MS = 120_000;

export function useAwaitedChange(initial: AwaitedChange | null) {
  const [awaited, setAwaited] = useState<AwaitedChange | null>(initial);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    if (!awaited) return;
    const timer = setTimeout(() => setGaveUp(true), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [awaited]);

  /** Still the version the change started from: the webhook has not been applied yet. */
  const unchanged = (version: string | null) => awaited !== null && version === awaited.fromVersion;

  return {
    kind: awaited?.kind ?? null,
    isWaiting: (version: string | null) => unchanged(version) && !gaveUp,
    hasGivenUp: (version: string | null) => unchanged(version) && gaveUp,
    awaitChange: (kind: AwaitedChange["kind"], fromVersion: string | null) => {
      setGaveUp(false);
      setAwaited({ kind, fromVersion });
    },
  };
}
