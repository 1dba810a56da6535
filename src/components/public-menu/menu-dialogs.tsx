"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { track } from "~/components/public-menu/analytics/track";
import type { MenuProduct } from "./menu-product";
import { ModelViewerDialog, type ArRequest } from "./model-viewer-dialog";
import { ProductDetailsDialog } from "./product-details-dialog";

/** What is open: a product's details, the 3D viewer, or both (the viewer opened from the details). */
type OpenDialogs = { details: string | null; viewer: string | null };

const NOTHING_OPEN: OpenDialogs = { details: null, viewer: null };

// Each opening is a history entry, so the phone's back button closes what it opened, as guests expect of a sheet.
const HISTORY_KEY = "foodarMenu";
const DISH_HASH = /^#dish=([0-9a-f-]{36})$/;

function openDialogsIn(historyState: unknown): OpenDialogs {
  if (typeof historyState !== "object" || historyState === null || !(HISTORY_KEY in historyState)) return NOTHING_OPEN;
  const value: unknown = historyState[HISTORY_KEY];
  if (typeof value !== "object" || value === null) return NOTHING_OPEN;
  const text = (key: string) => {
    const field: unknown = key in value ? (value as Record<string, unknown>)[key] : null;
    return typeof field === "string" ? field : null;
  };
  return { details: text("details"), viewer: text("viewer") };
}

function hashFor(open: OpenDialogs): string {
  if (open.viewer) return `#dish=${open.viewer}&view=3d`;
  return open.details ? `#dish=${open.details}` : "";
}

type MenuDialogsApi = {
  openDetails: (productId: string) => void;
  openViewer: (productId: string, options?: { ar?: boolean }) => void;
};

const MenuDialogsContext = createContext<MenuDialogsApi | null>(null);

export function useMenuDialogs(): MenuDialogsApi {
  const api = useContext(MenuDialogsContext);
  if (!api) throw new Error("useMenuDialogs must be used inside <MenuDialogs>");
  return api;
}

// The open dialogs live in history.state, and React reads them from there: back, forward, a push and a replace
// are all the same kind of change. The snapshot is kept while nothing changed, as useSyncExternalStore requires.
const historyListeners = new Set<() => void>();
let snapshotSource: unknown = undefined;
let snapshot: OpenDialogs = NOTHING_OPEN;

function subscribeToHistory(onChange: () => void): () => void {
  historyListeners.add(onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    historyListeners.delete(onChange);
    window.removeEventListener("popstate", onChange);
  };
}

function historySnapshot(): OpenDialogs {
  const state: unknown = window.history.state;
  if (state !== snapshotSource) {
    snapshotSource = state;
    const next = openDialogsIn(state);
    if (next.details !== snapshot.details || next.viewer !== snapshot.viewer) snapshot = next;
  }
  return snapshot;
}

function writeHistory(mode: "push" | "replace", open: OpenDialogs) {
  const url = hashFor(open) || window.location.pathname + window.location.search;
  // `pushed` marks the entries this page added, which closing may step back over.
  if (mode === "push") window.history.pushState({ [HISTORY_KEY]: open, pushed: true }, "", url);
  else window.history.replaceState({ [HISTORY_KEY]: open }, "", url);
  for (const listener of historyListeners) listener();
}

type MenuDialogsProps = {
  products: MenuProduct[];
  /** The server-rendered menu, whose buttons open the dialogs. */
  children: ReactNode;
};

/** The page's two dialogs, a product's details and the single 3D viewer, and the buttons' way to open them. */
export function MenuDialogs({ products, children }: MenuDialogsProps) {
  const byId = useMemo(() => new Map(products.map((product) => [product.id, product])), [products]);
  const open = useSyncExternalStore(subscribeToHistory, historySnapshot, () => NOTHING_OPEN);
  const [arRequest, setArRequest] = useState<ArRequest | null>(null);

  useEffect(() => {
    // A shared link to a dish (#dish=<id>) opens its details; it is the page's own entry, so it is rewritten, not pushed.
    const linked = DISH_HASH.exec(window.location.hash)?.[1];
    if (linked && byId.has(linked) && openDialogsIn(window.history.state).details === null) {
      writeHistory("replace", { details: linked, viewer: null });
      track({ type: "PRODUCT_OPEN", productId: linked });
    }
  }, [byId]);

  const api = useMemo<MenuDialogsApi>(
    () => ({
      openDetails: (productId) => {
        track({ type: "PRODUCT_OPEN", productId });
        writeHistory("push", { details: productId, viewer: null });
      },
      openViewer: (productId, options) => {
        track({ type: "MODEL_OPEN", productId });
        setArRequest(options?.ar ? { productId, at: Date.now() } : null);
        // Opened from the dish's details, the viewer closes back onto them.
        const details = openDialogsIn(window.history.state).details === productId ? productId : null;
        writeHistory("push", { details, viewer: productId });
      },
    }),
    [],
  );

  /** Closing steps back over our own entry; an entry we did not push (a shared link) is rewritten instead. */
  const close = useCallback((which: keyof OpenDialogs) => {
    const state: unknown = window.history.state;
    const current = openDialogsIn(state);
    if (current[which] === null) return;
    if (typeof state === "object" && state !== null && "pushed" in state) window.history.back();
    else writeHistory("replace", { ...current, [which]: null });
  }, []);

  const detailsProduct = open.details ? (byId.get(open.details) ?? null) : null;
  const viewerProduct = open.viewer ? (byId.get(open.viewer) ?? null) : null;

  return (
    <MenuDialogsContext.Provider value={api}>
      {children}
      <ProductDetailsDialog product={detailsProduct} onClose={() => close("details")} />
      <ModelViewerDialog product={viewerProduct} arRequest={arRequest} onClose={() => close("viewer")} />
    </MenuDialogsContext.Provider>
  );
}
