import type { Db } from "~/server/db-client";
import { conflict, invalidInput, notFound } from "~/server/errors";
import { bulkTableLabels, TABLES_PER_RESTAURANT_MAX } from "~/schemas/tables";
import { freeTableCode, tableLabelKey } from "~/server/services/tables/table-code";

// Every function takes the restaurant id that the owner-of-restaurant procedure has already checked, and
// keeps it in each query: a table id of another restaurant is simply not found.

type Tx = Pick<Db, "$executeRaw">;

const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

export async function listTables(db: Db, restaurantId: string) {
  return db.restaurantTable.findMany({ where: { restaurantId }, orderBy: ORDER });
}

/**
 * Serialises every change to one restaurant's tables. The unique index on (restaurantId, label) is case-sensitive,
 * so it cannot stop "Table 1" and "table 1" being created at once; under this lock the check below sees every
 * committed table. NO KEY UPDATE does not block inserts elsewhere that merely reference the restaurant.
 */
async function lockTablesOf(tx: Tx, restaurantId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Restaurant" WHERE "id" = ${restaurantId}::uuid FOR NO KEY UPDATE`;
}

const labelTaken = (label: string) => {
  const message = `There is already a table called “${label}”`;
  return conflict(message, { label: [message] });
};

function checkRoomFor(existing: number, adding: number) {
  if (existing + adding > TABLES_PER_RESTAURANT_MAX) {
    throw invalidInput(`A restaurant can have at most ${TABLES_PER_RESTAURANT_MAX} tables; it has ${existing}`, {
      label: [`At most ${TABLES_PER_RESTAURANT_MAX} tables`],
    });
  }
}

export async function createTable(db: Db, restaurantId: string, label: string) {
  return db.$transaction(async (tx) => {
    await lockTablesOf(tx, restaurantId);
    const existing = await tx.restaurantTable.findMany({ where: { restaurantId }, select: { label: true, code: true, position: true } });
    if (existing.some((table) => tableLabelKey(table.label) === tableLabelKey(label))) throw labelTaken(label);
    checkRoomFor(existing.length, 1);
    const code = freeTableCode(label, new Set(existing.map((table) => table.code)));
    const position = Math.max(-1, ...existing.map((table) => table.position)) + 1;
    return tx.restaurantTable.create({ data: { restaurantId, label, code, position } });
  });
}

/** Creates the numbered tables that do not exist yet; those that do are reported as skipped, not as an error. */
export async function bulkCreateTables(db: Db, restaurantId: string, range: { prefix: string; from: number; to: number }) {
  return db.$transaction(async (tx) => {
    await lockTablesOf(tx, restaurantId);
    const existing = await tx.restaurantTable.findMany({ where: { restaurantId }, select: { label: true, code: true, position: true } });
    const labels = new Set(existing.map((table) => tableLabelKey(table.label)));
    const codes = new Set(existing.map((table) => table.code));
    const wanted = bulkTableLabels(range);
    const adding = wanted.filter((label) => !labels.has(tableLabelKey(label)));
    checkRoomFor(existing.length, adding.length);
    let position = Math.max(-1, ...existing.map((table) => table.position));
    const data = adding.map((label) => {
      const code = freeTableCode(label, codes);
      codes.add(code);
      position += 1;
      return { restaurantId, label, code, position };
    });
    const created = await tx.restaurantTable.createManyAndReturn({ data });
    return {
      created: created.sort((a, b) => a.position - b.position),
      skipped: wanted.filter((label) => labels.has(tableLabelKey(label))),
    };
  });
}

/** Only the label changes: the code, and so every printed QR code of the table, stays as it is. */
export async function renameTable(db: Db, restaurantId: string, tableId: string, label: string) {
  return db.$transaction(async (tx) => {
    await lockTablesOf(tx, restaurantId);
    const table = await tx.restaurantTable.findFirst({ where: { id: tableId, restaurantId } });
    if (!table) throw notFound("Table");
    const others = await tx.restaurantTable.findMany({ where: { restaurantId, id: { not: tableId } }, select: { label: true } });
    if (others.some((other) => tableLabelKey(other.label) === tableLabelKey(label))) throw labelTaken(label);
    return tx.restaurantTable.update({ where: { id: table.id }, data: { label } });
  });
}

export async function deleteTable(db: Db, restaurantId: string, tableId: string) {
  const table = await db.restaurantTable.findFirst({ where: { id: tableId, restaurantId } });
  const deleted = table ? await db.restaurantTable.deleteMany({ where: { id: table.id, restaurantId } }) : null;
  if (!table || deleted?.count === 0) throw notFound("Table");
  return table;
}

/** The new order must name every table of the restaurant exactly once, so no position is left ambiguous. */
export async function reorderTables(db: Db, restaurantId: string, tableIds: string[]) {
  await db.$transaction(async (tx) => {
    await lockTablesOf(tx, restaurantId);
    const existing = await tx.restaurantTable.findMany({ where: { restaurantId }, select: { id: true } });
    const known = new Set(existing.map((table) => table.id));
    if (tableIds.length !== known.size || tableIds.some((id) => !known.has(id))) {
      throw invalidInput("The list must contain every table of this restaurant exactly once; reload and try again", {
        tableIds: ["Reload the tables and try again"],
      });
    }
    // One statement for the whole list, however long.
    await tx.$executeRaw`
      UPDATE "RestaurantTable" SET "position" = ordered.position - 1
      FROM unnest(${tableIds}::uuid[]) WITH ORDINALITY AS ordered(id, position)
      WHERE "RestaurantTable"."id" = ordered.id AND "RestaurantTable"."restaurantId" = ${restaurantId}::uuid`;
  });
  return listTables(db, restaurantId);
}
