"use client";

import { useEffect, useId, useRef, useState } from "react";
import { LoaderCircle, ScanLine } from "lucide-react";
import type { ModelViewerElement } from "@google/model-viewer";
import { loadModelViewer } from "~/components/model-viewer/load-model-viewer";
import { track } from "~/components/public-menu/analytics/track";
import { posterOf, type MenuProduct } from "./menu-product";
import { CloseButton, SheetDialog } from "./sheet-dialog";

/** "View on your table" asks the viewer to start AR as soon as the model has loaded; `at` tells two taps apart. */
export type ArRequest = { productId: string; at: number };

type ModelViewerDialogProps = {
  product: MenuProduct | null;
  arRequest: ArRequest | null;
  onClose: () => void;
};

type LoadState = { src: string; status: "loaded" | "failed"; canActivateAR: boolean };

type NavigatorWithXr = Navigator & { xr?: { isSessionSupported: (mode: "immersive-ar") => Promise<boolean> } };

/**
 * The page's only 3D viewer. Phones run out of GPU memory with several WebGL scenes, so there is one <model-viewer>,
 * created the first time a guest opens a model (that is also when its code is downloaded) and kept afterwards: the
 * next dish only swaps its `src`.
 */
export function ModelViewerDialog({ product, arRequest, onClose }: ModelViewerDialogProps) {
  const titleId = useId();
  // The last dish shown stays in the (closed) viewer, so reopening it does not load it again.
  const [shown, setShown] = useState<MenuProduct | null>(null);
  if (product && product !== shown) setShown(product);
  const current = product ?? shown;

  return (
    // Named "3D view <dish>", so it is told apart from the dish's details when it opens on top of them.
    <SheetDialog open={product !== null} labelledBy={`${titleId}-kind ${titleId}`} onClose={onClose} variant="full" keepMounted>
      {current?.model ? <Viewer key="viewer" product={current} model={current.model} arRequest={arRequest} titleId={titleId} onClose={onClose} /> : null}
    </SheetDialog>
  );
}

type ViewerProps = {
  product: MenuProduct;
  model: NonNullable<MenuProduct["model"]>;
  arRequest: ArRequest | null;
  titleId: string;
  onClose: () => void;
};

function Viewer({ product, model, arRequest, titleId, onClose }: ViewerProps) {
  const [viewer, setViewer] = useState<ModelViewerElement | null>(null);
  const [loadState, setLoadState] = useState<LoadState | null>(null);
  const productRef = useRef(product);
  // Where WebXR runs, model-viewer reports the session starting; Scene Viewer and Quick Look report nothing.
  const webxrRef = useRef(false);
  const handledArRequest = useRef<ArRequest | null>(null);

  useEffect(() => {
    productRef.current = product;
  }, [product]);

  useEffect(() => {
    if (!viewer) return;
    const onLoad = () => setLoadState({ src: viewer.src ?? "", status: "loaded", canActivateAR: viewer.canActivateAR });
    const onError = () => setLoadState({ src: viewer.src ?? "", status: "failed", canActivateAR: false });
    const onArStatus = (event: Event) => {
      const status = (event as CustomEvent<{ status?: string }>).detail?.status;
      if (status === "session-started") track({ type: "AR_LAUNCH", productId: productRef.current.id });
    };
    viewer.addEventListener("load", onLoad);
    viewer.addEventListener("error", onError);
    viewer.addEventListener("ar-status", onArStatus);
    loadModelViewer().catch(onError);
    void (navigator as NavigatorWithXr).xr
      ?.isSessionSupported("immersive-ar")
      .then((supported) => (webxrRef.current = supported))
      .catch(() => undefined);
    return () => {
      viewer.removeEventListener("load", onLoad);
      viewer.removeEventListener("error", onError);
      viewer.removeEventListener("ar-status", onArStatus);
    };
  }, [viewer]);

  const state = loadState?.src === model.url ? loadState : null;
  const status = state?.status ?? "loading";
  const canActivateAR = state?.canActivateAR ?? false;

  const launchAr = () => {
    if (!viewer || !canActivateAR) return;
    if (!webxrRef.current) track({ type: "AR_LAUNCH", productId: product.id });
    void viewer.activateAR();
  };

  // "View on your table": once this dish has loaded, straight into AR where the device has it.
  useEffect(() => {
    if (!arRequest || arRequest.productId !== product.id || handledArRequest.current === arRequest) return;
    if (status === "loading") return;
    handledArRequest.current = arRequest;
    if (status === "loaded" && canActivateAR && viewer) {
      if (!webxrRef.current) track({ type: "AR_LAUNCH", productId: product.id });
      void viewer.activateAR();
    }
  }, [arRequest, product.id, status, canActivateAR, viewer]);

  const sizeText = model.size
    ? `${[model.size.widthCm, model.size.depthCm, model.size.heightCm].map((cm) => Math.round(cm)).join(" × ")} cm`
    : null;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex items-center gap-3 border-b border-stone-200 px-4 py-3 sm:px-5">
        <div className="min-w-0 flex-1">
          <p id={`${titleId}-kind`} className="text-xs font-semibold tracking-wide text-brand-800 uppercase">
            3D view
          </p>
          <h2 id={titleId} className="truncate font-serif text-lg font-bold text-stone-900">
            {product.name}
          </h2>
        </div>
        <CloseButton onClose={onClose} />
      </header>
      <div className="relative min-h-0 flex-1 bg-gradient-to-b from-stone-50 to-stone-200" aria-busy={status === "loading" || undefined}>
        <model-viewer
          ref={setViewer}
          src={model.url}
          alt={`3D model of ${product.name}`}
          poster={posterOf(product)}
          camera-controls
          ar
          ar-modes="webxr scene-viewer quick-look"
          ar-scale="auto"
          ar-placement="floor"
          shadow-intensity="1"
          loading="eager"
          className="block size-full"
        />
        {status === "loaded" ? null : (
          <div
            role="status"
            className="pointer-events-none absolute inset-x-0 bottom-4 mx-auto flex w-fit items-center gap-2 rounded-full bg-white/90 px-4 py-2 text-sm font-medium text-stone-800 shadow"
          >
            {status === "loading" ? (
              <>
                <LoaderCircle aria-hidden className="size-4 animate-spin" />
                Loading the 3D model…
              </>
            ) : (
              "The 3D model could not be loaded. Check your connection and try again."
            )}
          </div>
        )}
      </div>
      <footer className="flex flex-col gap-2 border-t border-stone-200 bg-white px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-5">
        <button
          type="button"
          onClick={launchAr}
          disabled={!canActivateAR}
          aria-describedby={`${titleId}-ar-hint`}
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-full bg-brand-700 px-5 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-stone-300 disabled:text-stone-600"
        >
          <ScanLine aria-hidden className="size-5" />
          View on your table
        </button>
        <p id={`${titleId}-ar-hint`} className="text-center text-sm text-balance text-stone-600">
          {arHint(status, canActivateAR, sizeText)}
        </p>
      </footer>
    </div>
  );
}

function arHint(status: "loading" | "loaded" | "failed", canActivateAR: boolean, sizeText: string | null): string {
  if (status === "loading") return "Drag to turn the dish, pinch to zoom.";
  if (status === "failed") return "Without the model there is nothing to place on your table.";
  if (canActivateAR) return `Point your camera at the table to place the dish${sizeText ? ` at its real size, about ${sizeText}` : ""}.`;
  return "This browser cannot place dishes on your table. Open the menu in Chrome on Android or Safari on iPhone to try it.";
}
