// model-viewer's global configuration, read by every <model-viewer> as it is created.
type ModelViewerConfig = { meshoptDecoderLocation?: string };

declare global {
  interface Window {
    ModelViewerElement?: ModelViewerConfig;
  }
}

let loading: Promise<unknown> | undefined;

/**
 * Defines <model-viewer>, once per page. It needs window and WebGL, so it is imported in the browser only.
 *
 * Our optimiser writes EXT_meshopt_compression, which model-viewer decodes only once `meshoptDecoderLocation` is
 * set; otherwise every optimised model fails with "setMeshoptDecoder must be called before loading compressed
 * files". model-viewer 4 decodes with the meshopt decoder bundled from three and loads the location as a <script>
 * merely before using it, so an empty script of our own is enough, and no decoder comes from a CDN.
 */
export function loadModelViewer(): Promise<unknown> {
  loading ??= (() => {
    const gate = URL.createObjectURL(new Blob([], { type: "text/javascript" }));
    // Set before the import defines the element, as model-viewer documents for lazily loaded copies.
    window.ModelViewerElement = { ...window.ModelViewerElement, meshoptDecoderLocation: gate };
    return import("@google/model-viewer");
  })();
  return loading;
}
