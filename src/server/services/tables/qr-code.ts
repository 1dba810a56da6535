import QRCode from "qrcode";

// Q restores a quarter of the code: a card on a restaurant table gets stained, scratched and folded. The URLs
// are short (a slug and a table code), so the code stays small and coarse even at this level.
const ERROR_CORRECTION = "Q";
/** White modules around the code, as the QR standard asks: scanners need it to find the code's edges. */
export const QR_QUIET_ZONE = 4;
/** Large enough to print sharp at 8 cm and more; modules are whole pixels so their edges stay crisp. */
const PNG_MIN_PIXELS = 1024;

export type QrMatrix = { size: number; isDark: (row: number, column: number) => boolean };

/** The code's modules without the quiet zone, for drawing it as vector shapes. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

export async function qrPng(text: string): Promise<Buffer> {
  const modulesAcross = qrMatrix(text).size + 2 * QR_QUIET_ZONE;
  return QRCode.toBuffer(text, {
    type: "png",
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    scale: Math.ceil(PNG_MIN_PIXELS / modulesAcross),
  });
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: ERROR_CORRECTION, margin: QR_QUIET_ZONE, width: PNG_MIN_PIXELS });
}
