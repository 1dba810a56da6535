"use client";

import { useEffect, useRef, useState } from "react";
import { LoaderCircle } from "lucide-react";
import type { ModelViewerElement } from "@google/model-viewer";
import { loadModelViewer } from "~/components/model-viewer/load-model-viewer";

type ModelPreviewProps = {
  /** The optimised file; null until the optimiser has produced one. */
  src: string | null;
  alt: string;
  /** Shown in the frame while there is nothing to preview. */
  emptyMessage: string;
};

const frameClasses = "relative aspect-square w-full overflow-hidden rounded-xl bg-stone-100";

/** The optimised model as guests will see it, in a fixed square so the page does not jump when it loads. */
export function ModelPreview({ src, alt, emptyMessage }: ModelPreviewProps) {
  if (!src) {
    return (
      <div className={`${frameClasses} flex items-center justify-center p-6 text-center text-sm text-stone-600`}>
        <p>{emptyMessage}</p>
      </div>
    );
  }
  // Keyed by the file, so a new model starts with a fresh loading state.
  return <ModelViewer key={src} src={src} alt={alt} />;
}

function ModelViewer({ src, alt }: { src: string; alt: string }) {
  const viewerRef = useRef<ModelViewerElement>(null);
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer) return;
    const onLoad = () => setState("loaded");
    const onError = () => setState("failed");
    viewer.addEventListener("load", onLoad);
    viewer.addEventListener("error", onError);
    loadModelViewer().catch(onError);
    return () => {
      viewer.removeEventListener("load", onLoad);
      viewer.removeEventListener("error", onError);
    };
  }, []);

  return (
    <div className={frameClasses} aria-busy={state === "loading" || undefined}>
      <model-viewer
        ref={viewerRef}
        src={src}
        alt={alt}
        camera-controls
        auto-rotate
        ar
        ar-modes="webxr scene-viewer quick-look"
        className="block size-full"
      />
      {state === "loaded" ? null : (
        <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 p-6 text-center text-sm text-stone-600">
          {state === "loading" ? (
            <>
              <LoaderCircle aria-hidden className="size-6 animate-spin" />
              <p>Loading the 3D preview…</p>
            </>
          ) : (
            <p>The 3D preview could not be loaded; reload the page to try again.</p>
          )}
        </div>
      )}
    </div>
  );
}
