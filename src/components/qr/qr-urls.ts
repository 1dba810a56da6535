/** The owner-only download routes (app/api/qr): one code as PNG or SVG, and the printable cards. */
export function qrImageUrl(restaurantId: string, format: "png" | "svg", tableId?: string): string {
  return `/api/qr/${restaurantId}.${format}${tableId ? `?table=${tableId}` : ""}`;
}

export function qrCardsUrl(restaurantId: string): string {
  return `/api/qr/${restaurantId}/cards.pdf`;
}
