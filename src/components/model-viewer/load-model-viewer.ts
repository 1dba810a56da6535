import { DRACO_DECODER_FOLDER, KTX2_TRANSCODER_FOLDER, MESHOPT_DECODER_URL } from "~/lib/model-decoders";

// model-viewer's global configuration, read by every <model-viewer> as it is created.
type ModelViewerConfig = { meshoptDecoderLocation?: string; dracoDecoderLocation?: string; ktx2TranscoderLocation?: string };

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
 * files". The Draco and KTX2 locations default to Google's CDN: they are pointed at our own copies too, so a model
 * that uses them (uploaded elsewhere, never written by our optimiser) does not make the menu call a third party.
 */
export function loadModelViewer(): Promise<unknown> {
  loading ??= (() => {
    // Set before the import defines the element, as model-viewer documents for lazily loaded copies.
    window.ModelViewerElement = {
      ...window.ModelViewerElement,
      meshoptDecoderLocation: MESHOPT_DECODER_URL,
      dracoDecoderLocation: DRACO_DECODER_FOLDER,
      ktx2TranscoderLocation: KTX2_TRANSCODER_FOLDER,
    };
    return import("@google/model-viewer");
  })();
  return loading;
}
