import { describe, expect, it } from "vitest";
import { auditFilterFromParams } from "~/lib/audit-filter-params";
import type { SearchParams } from "~/lib/search-params";
import { adminAuditFilterSchema } from "~/schemas/admin";

const LIMIT = 25;
const ACTOR_ID = "0b9f5a52-6a0e-4c47-9a57-3f1c2f6f2d11";
const read = (params: SearchParams) => auditFilterFromParams(params, LIMIT);

describe("auditFilterFromParams", () => {
  it("without parameters shows the whole log", () => {
    expect(read({})).toEqual({ values: {}, errors: {}, filter: { limit: LIMIT } });
  });

  it("turns every filter in the URL into query input", () => {
    const { errors, filter } = read({ action: "restaurant.approve", targetType: "restaurant", actorId: ACTOR_ID, from: "2026-11-01", to: "2026-11-30" });
    expect(errors).toEqual({});
    expect(filter).toEqual({
      action: "restaurant.approve",
      targetType: "restaurant",
      actorId: ACTOR_ID,
      from: new Date("2026-11-01T00:00:00.000Z"),
      to: new Date("2026-12-01T00:00:00.000Z"),
      limit: LIMIT,
    });
  });

  it("reads dates as whole UTC days and includes the 'to' day up to its last moment", () => {
    const { filter } = read({ from: "2026-11-22", to: "2026-11-22" });
    expect(filter?.from?.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(filter?.to?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("ends 'to' at the next day across month, year and leap-day boundaries", () => {
    expect(read({ to: "2026-12-31" }).filter?.to?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(read({ to: "2028-02-28" }).filter?.to?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(read({ to: "2028-02-29" }).filter?.to?.toISOString()).toBe("2028-03-01T00:00:00.000Z");
  });

  it("gives the form back exactly what was in the URL (trimmed) so it can be corrected in place", () => {
    const params = { action: " user.promote ", targetType: "user", actorId: "nobody", from: "31/01/2026", to: "2026-02-01" };
    expect(read(params).values).toEqual({ action: "user.promote", targetType: "user", actorId: "nobody", from: "31/01/2026", to: "2026-02-01" });
  });

  it("uses the first of repeated parameters", () => {
    const { values, filter } = read({ targetType: ["user", "restaurant"], from: ["2026-01-01", "nonsense"] });
    expect(values).toMatchObject({ targetType: "user", from: "2026-01-01" });
    expect(filter).toMatchObject({ targetType: "user", from: new Date("2026-01-01T00:00:00.000Z") });
  });

  it("ignores blank parameters, as an empty form submits them", () => {
    expect(read({ action: "", targetType: "", actorId: "  ", from: "", to: "" })).toEqual({
      values: { action: undefined, targetType: undefined, actorId: undefined, from: undefined, to: undefined },
      errors: {},
      filter: { limit: LIMIT },
    });
  });

  it.each([
    ["a day-first date", "31/01/2026"],
    ["words", "yesterday"],
    ["a timestamp", "2026-01-31T10:00:00Z"],
    ["a month that does not exist", "2026-13-01"],
    ["day zero", "2026-01-00"],
    ["a 32nd day", "2026-01-32"],
    ["30 February", "2026-02-30"],
    ["29 February outside a leap year", "2026-02-29"],
    ["31 April", "2026-04-31"],
  ])("reports %s as a bad 'from' and 'to' date instead of guessing", (_label, date) => {
    const { values, errors, filter } = read({ from: date, to: date });
    expect(errors).toEqual({ from: "Use a date like 2026-01-31", to: "Use a date like 2026-01-31" });
    expect(values).toMatchObject({ from: date, to: date });
    expect(filter).toBeNull();
  });

  it("reports only the bad date when the other one is fine", () => {
    const { errors, filter } = read({ from: "2026-01-01", to: "soon" });
    expect(errors).toEqual({ to: "Use a date like 2026-01-31" });
    expect(filter).toBeNull();
  });

  it("reports a start date after the end date on the 'to' field", () => {
    const { errors, filter } = read({ from: "2026-02-02", to: "2026-02-01" });
    expect(errors).toEqual({ to: "The start date must be before the end date" });
    expect(filter).toBeNull();
  });

  it("accepts a range of a single day", () => {
    expect(read({ from: "2026-02-01", to: "2026-02-01" }).errors).toEqual({});
  });

  it("reports an actor id that is not a user id", () => {
    const { errors, filter } = read({ actorId: "amna@example.com" });
    expect(errors).toEqual({ actorId: "Unknown user" });
    expect(filter).toBeNull();
  });

  it("reports an unknown target type with a hint to use the list", () => {
    for (const targetType of ["menu", "Restaurant", "RESTAURANT"]) {
      const { errors, filter } = read({ targetType });
      expect(errors, targetType).toEqual({ targetType: "Choose a target type from the list" });
      expect(filter).toBeNull();
    }
  });

  it("reports an overlong action rather than sending it to the database", () => {
    const { errors, filter } = read({ action: "a".repeat(65) });
    expect(errors.action).toEqual(expect.any(String));
    expect(Object.keys(errors)).toEqual(["action"]);
    expect(filter).toBeNull();
    expect(read({ action: "a".repeat(64) }).filter).toMatchObject({ action: "a".repeat(64) });
  });

  it("reports every bad filter at once", () => {
    const { errors, filter } = read({ action: "x".repeat(100), targetType: "menu", actorId: "42", from: "2026-02-30", to: "later" });
    expect(Object.keys(errors).sort()).toEqual(["action", "actorId", "from", "targetType", "to"]);
    expect(filter).toBeNull();
  });

  it("ignores parameters it does not know, such as a stale cursor", () => {
    const { errors, filter } = read({ cursor: "not-a-uuid", targetId: "nope", limit: "1000", page: "3" });
    expect(errors).toEqual({});
    expect(filter).toEqual({ limit: LIMIT });
  });

  it("produces a filter the audit log query accepts whenever it produces one", () => {
    const cases: SearchParams[] = [
      {},
      { action: "restaurant.approve", targetType: "restaurant", actorId: ACTOR_ID, from: "2026-11-01", to: "2026-11-30" },
      { targetType: "user", to: "9999-12-31" },
      { from: "0001-01-01" },
    ];
    for (const params of cases) {
      const { filter } = read(params);
      expect(filter, JSON.stringify(params)).not.toBeNull();
      expect(adminAuditFilterSchema.safeParse(filter).success, JSON.stringify(params)).toBe(true);
    }
  });
});
