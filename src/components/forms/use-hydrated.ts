"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server HTML and until React has hydrated it. Controls that only work with JavaScript stay
 * disabled until then, so a quick click or keystroke is not silently lost (and browser tests wait for them).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
