import {
  fill,
  PageSizes,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import { cardFaces, type TextBlock } from "~/server/services/tables/card-text";
import { fitText } from "~/server/text/fit-text";
import { QR_QUIET_ZONE, qrMatrix } from "~/server/services/tables/qr-code";

/** One card: a table's label (none for the restaurant's own code) and the URL its code opens. */
export type QrCard = { label: string | null; url: string };

export const CALL_TO_ACTION = "Scan to see the menu in 3D";

const MM = 72 / 25.4;
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const COLUMNS = 2;
const ROWS = 3;
export const CARDS_PER_PAGE = COLUMNS * ROWS;
const PAGE_MARGIN = 10 * MM;
const CARD_WIDTH = (PAGE_WIDTH - 2 * PAGE_MARGIN) / COLUMNS;
const CARD_HEIGHT = (PAGE_HEIGHT - 2 * PAGE_MARGIN) / ROWS;
const PADDING = 6 * MM;
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING;
const LINE_HEIGHT = 1.25;
const GAP = 2 * MM;
/** The code with its quiet zone; long names and labels take room from it, down to a size that still scans well. */
const QR_MAX = 60 * MM;
const QR_MIN = 34 * MM;

const INK = rgb(0.11, 0.1, 0.09);
const MUTED = rgb(0.34, 0.33, 0.31);
const BRAND = rgb(0.76, 0.25, 0.05);
const CUT_LINE = rgb(0.75, 0.75, 0.75);

/** An A4 sheet (or several) of cards, six to a page, with dashed lines to cut along. */
export async function qrCardsPdf(restaurantName: string, cards: readonly QrCard[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const faces = await cardFaces(document);
  document.setTitle(`${restaurantName}: QR codes`);
  document.setCreator("Foodar");

  // The same on every card: shaped once.
  const hasLabels = cards.some((card) => card.label !== null);
  const nameSize = hasLabels ? { size: 12, minSize: 8 } : { size: 22, minSize: 12 };
  const name = fitText(restaurantName, faces.bold(restaurantName), { maxWidth: TEXT_WIDTH, maxLines: 2, ...nameSize });
  const callToAction = fitText(CALL_TO_ACTION, faces.regular(CALL_TO_ACTION), { maxWidth: TEXT_WIDTH, size: 11, minSize: 8, maxLines: 2 });

  let page = document.addPage(PageSizes.A4);
  cards.forEach((card, index) => {
    const slot = index % CARDS_PER_PAGE;
    if (slot === 0 && index > 0) page = document.addPage(PageSizes.A4);
    const left = PAGE_MARGIN + (slot % COLUMNS) * CARD_WIDTH;
    const top = PAGE_HEIGHT - PAGE_MARGIN - Math.floor(slot / COLUMNS) * CARD_HEIGHT;
    const label = card.label === null ? null : fitText(card.label, faces.bold(card.label), { maxWidth: TEXT_WIDTH, size: 24, minSize: 12, maxLines: 2 });
    const shownUrl = card.url.replace(/^https?:\/\//, "");
    const address = fitText(shownUrl, faces.regular(shownUrl), { maxWidth: TEXT_WIDTH, size: 7, minSize: 5, maxLines: 2 });
    drawCard(page, { left, top }, { name, label, callToAction, address, url: card.url });
  });
  return document.save();
}

type CardTexts = { name: TextBlock; label: TextBlock | null; callToAction: TextBlock; address: TextBlock; url: string };

const blockHeight = (text: TextBlock) => text.lines.length * text.size * LINE_HEIGHT;

function drawCard(page: PDFPage, { left, top }: { left: number; top: number }, texts: CardTexts) {
  page.drawRectangle({
    x: left,
    y: top - CARD_HEIGHT,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    borderColor: CUT_LINE,
    borderWidth: 0.5,
    borderDashArray: [4, 3],
  });
  const above = [texts.name, texts.label].filter((text) => text !== null);
  const below = [texts.callToAction, texts.address];
  const textHeight = [...above, ...below].reduce((sum, text) => sum + blockHeight(text), 0);
  const gaps = (above.length + below.length) * GAP;
  const qrSide = Math.max(QR_MIN, Math.min(QR_MAX, CARD_HEIGHT - 2 * PADDING - textHeight - gaps));
  // The whole block is centred in the card, so short names leave even space above and below.
  let cursor = top - (CARD_HEIGHT - (textHeight + gaps + qrSide)) / 2;
  const centre = left + CARD_WIDTH / 2;

  const drawBlock = (text: TextBlock, color: typeof INK) => {
    for (const line of text.lines) {
      cursor -= text.size * LINE_HEIGHT;
      // The baseline sits a fifth of the line above its bottom, leaving room for descenders.
      line.draw(page, centre - line.width / 2, cursor + text.size * 0.25, color);
    }
  };

  drawBlock(texts.name, texts.label ? MUTED : INK);
  cursor -= GAP;
  if (texts.label) {
    drawBlock(texts.label, INK);
    cursor -= GAP;
  }
  drawQr(page, texts.url, centre - qrSide / 2, cursor - qrSide, qrSide);
  cursor -= qrSide + GAP;
  drawBlock(texts.callToAction, BRAND);
  cursor -= GAP;
  drawBlock(texts.address, MUTED);
}

/** The code as filled rectangles, one per run of dark modules in a row; the quiet zone is the white around it. */
function drawQr(page: PDFPage, url: string, x: number, y: number, side: number) {
  const matrix = qrMatrix(url);
  const moduleSide = side / (matrix.size + 2 * QR_QUIET_ZONE);
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingColor(rgb(0, 0, 0))];
  for (let row = 0; row < matrix.size; row += 1) {
    const top = y + side - (row + QR_QUIET_ZONE) * moduleSide;
    for (let column = 0; column < matrix.size; ) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      let end = column;
      while (end < matrix.size && matrix.isDark(row, end)) end += 1;
      // A hair taller than a module, so printers leave no white line between rows.
      operators.push(rectangle(x + (column + QR_QUIET_ZONE) * moduleSide, top - moduleSide * 1.02, (end - column) * moduleSide, moduleSide * 1.02));
      column = end;
    }
  }
  page.pushOperators(...operators, fill(), popGraphicsState());
}
