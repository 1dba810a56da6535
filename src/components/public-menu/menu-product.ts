import type { PublicMedia, PublicProduct } from "~/server/services/public-menu/public-menu";

/**
 * A product as the page's interactive parts receive it: the public product with its price already formatted on
 * the server, so the browser never formats it differently (ICU versions differ) and needs no currency code.
 */
export type MenuProduct = PublicProduct & { price: string };

export function photosOf(product: Pick<PublicProduct, "media">): PublicMedia[] {
  return product.media.filter((media) => media.kind === "IMAGE");
}

export function videosOf(product: Pick<PublicProduct, "media">): PublicMedia[] {
  return product.media.filter((media) => media.kind === "VIDEO");
}

/** What the model viewer shows while the model loads: the dish's first photo, when it has one. */
export function posterOf(product: Pick<PublicProduct, "media">): string | undefined {
  return photosOf(product)[0]?.url;
}
