import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Restaurant, User } from "~/generated/prisma/client";
import { TABLE_CODE_PATTERN } from "~/server/services/tables/table-code";
import { menuEventBatchSchema } from "~/schemas/menu-events";
import { callerFor, createRestaurant, createUser, sessionOf } from "../helpers/factories";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { callOverHttp } from "../helpers/trpc-http";

let t: TestDatabase;
let owner: User;
let stranger: User;
let strangersRestaurant: Restaurant;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createUser(t.db, { email: "tables-owner@example.com" });
  stranger = await createUser(t.db, { email: "tables-stranger@example.com" });
  strangersRestaurant = await createRestaurant(t.db, stranger.id, { reviewState: "APPROVED" });
});

const asOwner = () => callerFor(t.db, sessionOf(owner));
const asStranger = () => callerFor(t.db, sessionOf(stranger));
const newRestaurant = () => createRestaurant(t.db, owner.id, { reviewState: "APPROVED" });
const tablesOf = (restaurantId: string) => t.db.restaurantTable.findMany({ where: { restaurantId }, orderBy: { position: "asc" } });

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error("expected the call to fail");
  if (!(outcome instanceof TRPCError)) throw outcome;
  return outcome;
}

describe("tables", () => {
  it("are created in order with codes from their labels, which the analytics beacon accepts", async () => {
    const r = await newRestaurant();
    const terrace = await asOwner().tables.create({ restaurantId: r.id, label: "  Terrace   4 " });
    const bar = await asOwner().tables.create({ restaurantId: r.id, label: "Bar & Lounge — Café" });
    expect(terrace).toMatchObject({ label: "Terrace 4", code: "terrace-4", position: 0 });
    expect(bar).toMatchObject({ label: "Bar & Lounge — Café", code: "bar-and-lounge-cafe", position: 1 });
    expect((await asOwner().tables.list({ restaurantId: r.id })).map((table) => table.label)).toEqual(["Terrace 4", "Bar & Lounge — Café"]);
    for (const table of [terrace, bar]) {
      expect(menuEventBatchSchema.safeParse({ restaurantId: r.id, table: table.code, events: [{ type: "MENU_VIEW" }] }).success).toBe(true);
    }
  });

  it("get a numbered code when the label's code is taken, and a short random one when the label has no Latin letters", async () => {
    const r = await newRestaurant();
    const first = await asOwner().tables.create({ restaurantId: r.id, label: "Patio" });
    await asOwner().tables.rename({ restaurantId: r.id, tableId: first.id, label: "Garden" });
    // "Patio" is free as a label again, but its code is still the renamed table's.
    const second = await asOwner().tables.create({ restaurantId: r.id, label: "Patio" });
    const third = await asOwner().tables.create({ restaurantId: r.id, label: "Patio!" });
    const urdu = await asOwner().tables.create({ restaurantId: r.id, label: "میز ۴" });
    const emoji = await asOwner().tables.create({ restaurantId: r.id, label: "🍕" });
    expect([first.code, second.code, third.code]).toEqual(["patio", "patio-2", "patio-3"]);
    expect(urdu.code).toMatch(/^t-[a-z0-9]{6}$/);
    expect(emoji.code).toMatch(/^t-[a-z0-9]{6}$/);
    expect(urdu.code).not.toBe(emoji.code);
    // Two labels whose codes are both cut at the limit: the suffix replaces the end rather than passing it.
    const long = await asOwner().tables.create({ restaurantId: r.id, label: `${"x".repeat(39)}!` });
    const longToo = await asOwner().tables.create({ restaurantId: r.id, label: `${"x".repeat(39)}?` });
    expect([long.code, longToo.code]).toEqual(["x".repeat(39), `${"x".repeat(38)}-2`]);
    for (const table of await tablesOf(r.id)) expect(table.code).toMatch(TABLE_CODE_PATTERN);
  });

  it("keep their code when renamed, so printed QR codes keep working", async () => {
    const r = await newRestaurant();
    const table = await asOwner().tables.create({ restaurantId: r.id, label: "Table 7" });
    const renamed = await asOwner().tables.rename({ restaurantId: r.id, tableId: table.id, label: "Window seat" });
    expect(renamed).toMatchObject({ id: table.id, label: "Window seat", code: "table-7" });
    // A change of case only is a rename of the same table, not a clash with itself.
    await expect(asOwner().tables.rename({ restaurantId: r.id, tableId: table.id, label: "WINDOW SEAT" })).resolves.toMatchObject({
      label: "WINDOW SEAT",
      code: "table-7",
    });
  });

  it("refuse an empty, too long or duplicate label (case-insensitively) with a field error, and nothing changes", async () => {
    const r = await newRestaurant();
    const table = await asOwner().tables.create({ restaurantId: r.id, label: "Table 1" });
    await asOwner().tables.create({ restaurantId: r.id, label: "Table 2" });
    const before = await tablesOf(r.id);

    const empty = await callOverHttp({ db: t.db, session: sessionOf(owner), requestId: "test", now: () => new Date() }, "tables.create", {
      restaurantId: r.id,
      label: "   ",
    });
    expect(empty.status).toBe(400);
    expect(empty.error?.data.fieldErrors?.label).toEqual(["Label is required"]);

    const tooLong = await errorOf(asOwner().tables.create({ restaurantId: r.id, label: "x".repeat(41) }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toBe("label: Label must be at most 40 characters");

    const duplicate = await callOverHttp({ db: t.db, session: sessionOf(owner), requestId: "test", now: () => new Date() }, "tables.create", {
      restaurantId: r.id,
      label: "TABLE 1",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error?.data.fieldErrors?.label).toEqual(["There is already a table called “TABLE 1”"]);

    const renameClash = await errorOf(asOwner().tables.rename({ restaurantId: r.id, tableId: table.id, label: "table 2" }));
    expect(renameClash.code).toBe("CONFLICT");
    const control = await errorOf(asOwner().tables.create({ restaurantId: r.id, label: "Table\u00073" }));
    expect(control.code).toBe("BAD_REQUEST");

    expect(await tablesOf(r.id)).toEqual(before);
  });

  it("are reordered with every table named once; a partial order is refused and changes nothing", async () => {
    const r = await newRestaurant();
    const a = await asOwner().tables.create({ restaurantId: r.id, label: "A" });
    const b = await asOwner().tables.create({ restaurantId: r.id, label: "B" });
    const c = await asOwner().tables.create({ restaurantId: r.id, label: "C" });
    const reordered = await asOwner().tables.reorder({ restaurantId: r.id, tableIds: [c.id, a.id, b.id] });
    expect(reordered.map((table) => table.label)).toEqual(["C", "A", "B"]);

    const partial = await errorOf(asOwner().tables.reorder({ restaurantId: r.id, tableIds: [a.id, b.id] }));
    expect(partial.code).toBe("BAD_REQUEST");
    expect(partial.message).toMatch(/every table of this restaurant exactly once/);
    expect((await asOwner().tables.list({ restaurantId: r.id })).map((table) => table.label)).toEqual(["C", "A", "B"]);
    // Created after a reorder, a table still goes to the end.
    expect((await asOwner().tables.create({ restaurantId: r.id, label: "D" })).position).toBe(3);
  });

  it("are deleted, and a deleted table's label and code can be used again", async () => {
    const r = await newRestaurant();
    const table = await asOwner().tables.create({ restaurantId: r.id, label: "Table 5" });
    await expect(asOwner().tables.delete({ restaurantId: r.id, tableId: table.id })).resolves.toMatchObject({ label: "Table 5" });
    expect(await tablesOf(r.id)).toEqual([]);
    expect((await errorOf(asOwner().tables.delete({ restaurantId: r.id, tableId: table.id }))).code).toBe("NOT_FOUND");
    await expect(asOwner().tables.create({ restaurantId: r.id, label: "Table 5" })).resolves.toMatchObject({ code: "table-5" });
  });

  it("created at the same moment under one label (in any case) give one table and one clear refusal", async () => {
    const r = await newRestaurant();
    const outcomes = await Promise.allSettled(
      ["Table 9", "table 9", "TABLE 9", "Table 9"].map((label) => asOwner().tables.create({ restaurantId: r.id, label })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await tablesOf(r.id)).toHaveLength(1);
  });
});

describe("bulk creation", () => {
  it("creates Tables 1–20 in order, with numbered codes", async () => {
    const r = await newRestaurant();
    const { created, skipped } = await asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "Table", from: 1, to: 20 });
    expect(created.map((table) => table.label)).toEqual(Array.from({ length: 20 }, (_, index) => `Table ${index + 1}`));
    expect(created.map((table) => table.code)).toEqual(Array.from({ length: 20 }, (_, index) => `table-${index + 1}`));
    expect(created.map((table) => table.position)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(skipped).toEqual([]);
  });

  it("skips the labels that exist (in any case) and appends the rest after the existing tables", async () => {
    const r = await newRestaurant();
    await asOwner().tables.create({ restaurantId: r.id, label: "Bar" });
    await asOwner().tables.create({ restaurantId: r.id, label: "table 2" });
    const { created, skipped } = await asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "Table", from: 1, to: 3 });
    expect(created.map((table) => [table.label, table.position])).toEqual([
      ["Table 1", 2],
      ["Table 3", 3],
    ]);
    expect(skipped).toEqual(["Table 2"]);
    const numbersOnly = await asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "", from: 10, to: 11 });
    expect(numbersOnly.created.map((table) => [table.label, table.code])).toEqual([
      ["10", "10"],
      ["11", "11"],
    ]);
  });

  it("refuses more than 200 at once, a backwards range and a restaurant over 500 tables; nothing is created", async () => {
    const r = await newRestaurant();
    const tooMany = await errorOf(asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "Table", from: 1, to: 201 }));
    expect(tooMany.message).toBe("to: At most 200 tables at once");
    const backwards = await errorOf(asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "Table", from: 5, to: 4 }));
    expect(backwards.message).toBe("to: Last number must not be below the first");
    for (const from of [1, 201]) await asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "T", from, to: from + 199 });
    const full = await errorOf(asOwner().tables.bulkCreate({ restaurantId: r.id, prefix: "T", from: 401, to: 600 }));
    expect(full.code).toBe("BAD_REQUEST");
    expect(full.message).toBe("A restaurant can have at most 500 tables; it has 400");
    expect(await tablesOf(r.id)).toHaveLength(400);
  });
});

describe("another owner", () => {
  it("gets NOT_FOUND for every table procedure on a restaurant that is not theirs, and nothing changes", async () => {
    const table = await asStranger().tables.create({ restaurantId: strangersRestaurant.id, label: "Table 1" });
    const before = await tablesOf(strangersRestaurant.id);
    const restaurantId = strangersRestaurant.id;
    const attempts: (() => Promise<unknown>)[] = [
      () => asOwner().tables.list({ restaurantId }),
      () => asOwner().tables.create({ restaurantId, label: "Mine now" }),
      () => asOwner().tables.bulkCreate({ restaurantId, prefix: "Table", from: 1, to: 5 }),
      () => asOwner().tables.rename({ restaurantId, tableId: table.id, label: "Mine now" }),
      () => asOwner().tables.delete({ restaurantId, tableId: table.id }),
      () => asOwner().tables.reorder({ restaurantId, tableIds: [table.id] }),
    ];
    for (const attempt of attempts) expect((await errorOf(attempt())).code).toBe("NOT_FOUND");
    expect(await tablesOf(strangersRestaurant.id)).toEqual(before);
  });

  it("cannot reach another restaurant's table through their own restaurant either", async () => {
    const mine = await newRestaurant();
    const theirs = await asStranger().tables.create({ restaurantId: strangersRestaurant.id, label: "Table 2" });
    const before = await tablesOf(strangersRestaurant.id);
    const rename = await errorOf(asOwner().tables.rename({ restaurantId: mine.id, tableId: theirs.id, label: "Mine now" }));
    const remove = await errorOf(asOwner().tables.delete({ restaurantId: mine.id, tableId: theirs.id }));
    const reorder = await errorOf(asOwner().tables.reorder({ restaurantId: mine.id, tableIds: [theirs.id] }));
    expect([rename.code, remove.code, reorder.code]).toEqual(["NOT_FOUND", "NOT_FOUND", "BAD_REQUEST"]);
    expect((await errorOf(asOwner().tables.delete({ restaurantId: mine.id, tableId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect(await tablesOf(strangersRestaurant.id)).toEqual(before);
  });
});

describe("a suspended restaurant", () => {
  it("keeps its tables listed but refuses changes to them", async () => {
    const r = await createRestaurant(t.db, owner.id, { reviewState: "SUSPENDED" });
    await t.db.restaurantTable.create({ data: { restaurantId: r.id, label: "Table 1", code: "table-1", position: 0 } });
    expect(await asOwner().tables.list({ restaurantId: r.id })).toHaveLength(1);
    const error = await errorOf(asOwner().tables.create({ restaurantId: r.id, label: "Table 2" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(await tablesOf(r.id)).toHaveLength(1);
  });
});
