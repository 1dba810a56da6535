import { z } from "zod";

export const TABLE_LABEL_MAX = 40;
/** Every table is a card in the printable PDF, which is built in memory: this keeps it a few megabytes. */
export const TABLES_PER_RESTAURANT_MAX = 500;
export const BULK_TABLES_MAX = 200;
export const BULK_PREFIX_MAX = 30;
export const BULK_NUMBER_MAX = 9999;

const restaurantId = z.uuid("Unknown restaurant");
const tableId = z.uuid("Unknown table");

// Control characters would print as boxes on the cards; runs of white space (tabs and line breaks of a paste
// too) are folded, so "Table  1" is "Table 1".
const printable = (text: string) => !/(?!\s)\p{Cc}/u.test(text);
const foldSpaces = (text: string) => text.replace(/\s+/g, " ");

export const tableLabelSchema = z
  .string({ error: "Label is required" })
  .trim()
  .min(1, "Label is required")
  .max(TABLE_LABEL_MAX, `Label must be at most ${TABLE_LABEL_MAX} characters`)
  .refine(printable, "Use letters, digits, spaces and punctuation")
  .transform(foldSpaces);

export const createTableSchema = z.strictObject({ restaurantId, label: tableLabelSchema });
export const renameTableSchema = z.strictObject({ restaurantId, tableId, label: tableLabelSchema });
export const tableRefSchema = z.strictObject({ restaurantId, tableId });

export const reorderTablesSchema = z.strictObject({
  restaurantId,
  tableIds: z
    .array(tableId)
    .min(1, "List the tables in their new order")
    .max(TABLES_PER_RESTAURANT_MAX, `At most ${TABLES_PER_RESTAURANT_MAX} tables at once`)
    .refine((ids) => new Set(ids).size === ids.length, "Each table may appear only once"),
});

const tableNumber = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(BULK_NUMBER_MAX, `${label} must be at most ${BULK_NUMBER_MAX}`);

/** "Tables 1–20": numbered labels `<prefix> <n>` for n from `from` to `to`; an empty prefix gives "1", "2", … */
export const bulkCreateTablesSchema = z
  .strictObject({
    restaurantId,
    prefix: z
      .string()
      .trim()
      .max(BULK_PREFIX_MAX, `Prefix must be at most ${BULK_PREFIX_MAX} characters`)
      .refine(printable, "Use letters, digits, spaces and punctuation")
      .transform(foldSpaces),
    from: tableNumber("First number"),
    to: tableNumber("Last number"),
  })
  .superRefine(({ from, to }, ctx) => {
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "Last number must not be below the first" });
    else if (to - from + 1 > BULK_TABLES_MAX) ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${BULK_TABLES_MAX} tables at once` });
  });

/** The labels a bulk creation asks for, in order. */
export function bulkTableLabels({ prefix, from, to }: { prefix: string; from: number; to: number }): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => (prefix ? `${prefix} ${from + index}` : String(from + index)));
}
