import type { Prisma } from "../src/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A stable number in [0, 1) from a string, so the demo counts are the same on every fresh database. */
function noise(key: string): number {
  let hash = 2166136261;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Menu views and dish opens for a live demo menu, one row a day from its approval to `now` (UTC days): the menu
 * could not be seen before it was approved. No 3D or AR counts: the demo dishes have no models. Tables are those
 * the restaurant has when this runs, plus the direct link.
 */
export async function seedDemoStats(tx: Prisma.TransactionClient, restaurantId: string, approvedAt: Date, now: Date): Promise<void> {
  const [products, tables] = await Promise.all([
    tx.product.findMany({ where: { restaurantId, availability: { not: "HIDDEN" } }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    tx.restaurantTable.findMany({ where: { restaurantId }, select: { code: true } }),
  ]);
  const codes = ["", ...tables.map((table) => table.code)];
  const menuRows: Prisma.MenuDailyStatCreateManyInput[] = [];
  const productRows: Prisma.ProductDailyStatCreateManyInput[] = [];
  for (let time = Date.parse(approvedAt.toISOString().slice(0, 10)); time <= now.getTime(); time += DAY_MS) {
    const day = new Date(time);
    const dayKey = day.toISOString().slice(0, 10);
    for (const tableCode of codes) {
      const views = Math.round((tableCode === "" ? 14 : 5) * (0.5 + noise(`${dayKey}:${tableCode}`)));
      if (views === 0) continue;
      menuRows.push({ restaurantId, day, tableCode, event: "MENU_VIEW", count: views });
      let opened = 0;
      for (const product of products) {
        const opens = Math.floor(noise(`${dayKey}:${tableCode}:${product.name}`) * (views / 3));
        if (opens === 0) continue;
        opened += opens;
        productRows.push({ restaurantId, productId: product.id, day, tableCode, event: "PRODUCT_OPEN", count: opens });
      }
      if (opened > 0) menuRows.push({ restaurantId, day, tableCode, event: "PRODUCT_OPEN", count: opened });
    }
  }
  await tx.menuDailyStat.createMany({ data: menuRows });
  await tx.productDailyStat.createMany({ data: productRows });
}
