// <model-viewer> is a custom element, so JSX knows nothing of it; these are the attributes the preview and the public
// menu's viewer use.
// React 19 passes them through as attributes (or properties once the element is defined); true renders as "".
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { ModelViewerElement } from "@google/model-viewer";

type ModelViewerAttributes = DetailedHTMLProps<HTMLAttributes<ModelViewerElement>, ModelViewerElement> & {
  src?: string;
  alt?: string;
  poster?: string;
  "camera-controls"?: boolean;
  "auto-rotate"?: boolean;
  ar?: boolean;
  /** Space-separated, in order of preference: "webxr scene-viewer quick-look". */
  "ar-modes"?: string;
  /** "auto" lets guests resize the dish in AR; "fixed" keeps it at its real size. */
  "ar-scale"?: "auto" | "fixed";
  /** "floor" places on horizontal surfaces, tables included. */
  "ar-placement"?: "floor" | "wall";
  "shadow-intensity"?: string;
  loading?: "auto" | "lazy" | "eager";
  reveal?: "auto" | "manual";
  "touch-action"?: "pan-y" | "pan-x" | "none";
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "model-viewer": ModelViewerAttributes;
    }
  }
}
