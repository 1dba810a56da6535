import { describe, expect, it } from "vitest";
import { bulkTableLabels, bulkCreateTablesSchema, tableLabelSchema } from "~/schemas/tables";
import { baseTableCode, freeTableCode, TABLE_CODE_PATTERN, tableCodeCandidate, tableLabelKey } from "~/server/services/tables/table-code";

describe("table codes", () => {
  it.each([
    ["Table 1", "table-1"],
    ["Terrace — Café 4", "terrace-cafe-4"],
    ["Bar & Grill", "bar-and-grill"],
    ["Ｔａｂｌｅ １２", "table-12"],
    ["میز ۴", ""],
    ["🍕", ""],
  ])("%j → %j", (label, code) => {
    expect(baseTableCode(label)).toBe(code);
  });

  it("cut at 40 characters never end on a hyphen, and numbered candidates stay within 40", () => {
    expect(baseTableCode(`${"a".repeat(39)} b`)).toBe("a".repeat(39));
    expect(tableCodeCandidate("a".repeat(40), 12)).toBe(`${"a".repeat(37)}-12`);
    expect(tableCodeCandidate("table-1", 1)).toBe("table-1");
  });

  it("takes the first free candidate, and a random t-xxxxxx when the label gives no code", () => {
    expect(freeTableCode("Patio", new Set(["patio", "patio-2"]))).toBe("patio-3");
    const random = freeTableCode("میز", new Set());
    expect(random).toMatch(/^t-[a-z0-9]{6}$/);
    for (const label of ["Table 1", "میز", "x".repeat(40)]) expect(freeTableCode(label, new Set())).toMatch(TABLE_CODE_PATTERN);
  });

  it("compare labels regardless of case and character width", () => {
    expect(tableLabelKey("TABLE 1")).toBe(tableLabelKey("table 1"));
    expect(tableLabelKey("Ｔａｂｌｅ 1")).toBe(tableLabelKey("table 1"));
    expect(tableLabelKey("Table 1")).not.toBe(tableLabelKey("Table 2"));
  });
});

describe("table labels", () => {
  it("are trimmed with inner runs of spaces folded, and refuse control characters", () => {
    expect(tableLabelSchema.parse("  Terrace \t  4 ")).toBe("Terrace 4");
    expect(tableLabelSchema.safeParse("Table\u00001").success).toBe(false);
    expect(tableLabelSchema.safeParse(" ").success).toBe(false);
    expect(tableLabelSchema.safeParse("x".repeat(41)).success).toBe(false);
  });

  it("of a bulk creation are numbered, with or without a prefix", () => {
    expect(bulkTableLabels({ prefix: "Table", from: 3, to: 5 })).toEqual(["Table 3", "Table 4", "Table 5"]);
    expect(bulkTableLabels({ prefix: "", from: 1, to: 2 })).toEqual(["1", "2"]);
    const longest = bulkCreateTablesSchema.parse({ restaurantId: crypto.randomUUID(), prefix: "p".repeat(30), from: 9999, to: 9999 });
    expect(tableLabelSchema.safeParse(bulkTableLabels(longest)[0]).success).toBe(true);
  });
});
