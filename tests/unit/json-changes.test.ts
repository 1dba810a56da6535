import { describe, expect, it } from "vitest";
import { compactJson, jsonChanges } from "~/lib/json-changes";

/** The change list as the audit entry shows it: "field: before → after". */
const shown = (before: unknown, after: unknown) =>
  jsonChanges(before, after).map((change) => `${change.field}: ${compactJson(change.before)} → ${compactJson(change.after)}`);

describe("jsonChanges", () => {
  it("lists only the fields that changed", () => {
    const before = { name: "Karachi Grill", city: "Karachi", reviewState: "PENDING", reviewReason: null };
    const after = { name: "Karachi Grill", city: "Karachi", reviewState: "REJECTED", reviewReason: "Add a phone number" };
    expect(shown(before, after)).toEqual(["reviewReason: null → Add a phone number", "reviewState: PENDING → REJECTED"]);
  });

  it("keeps the raw values so the component can render them", () => {
    expect(jsonChanges({ seats: 20 }, { seats: 24 })).toEqual([{ field: "seats", before: 20, after: 24 }]);
  });

  it("orders the fields alphabetically whatever order the snapshots use", () => {
    const fields = jsonChanges({ zone: 1, city: "A", address: "x" }, { address: "y", zone: 2, city: "B" }).map((change) => change.field);
    expect(fields).toEqual(["address", "city", "zone"]);
  });

  it("shows a created record's fields as new (nothing before)", () => {
    expect(shown(null, { name: "Tikka House", slug: "tikka-house" })).toEqual(["name: — → Tikka House", "slug: — → tikka-house"]);
  });

  it("shows a deleted record's fields as removed (nothing after)", () => {
    expect(shown({ name: "Tikka House" }, undefined)).toEqual(["name: Tikka House → —"]);
  });

  it("tells a field that was added or removed apart from one set to null", () => {
    expect(shown({ phone: null }, {})).toEqual(["phone: null → —"]);
    expect(shown({}, { phone: "+92 21 1234567" })).toEqual(["phone: — → +92 21 1234567"]);
  });

  it("has nothing to list when nothing changed, including nested values", () => {
    const snapshot = { name: "Tikka House", hours: { mon: ["09:00", "17:00"] }, tags: ["bbq", "halal"] };
    expect(jsonChanges(snapshot, structuredClone(snapshot))).toEqual([]);
    expect(jsonChanges(null, null)).toEqual([]);
    expect(jsonChanges(undefined, {})).toEqual([]);
  });

  it("notices a change deep inside a nested value and shows the whole top-level field", () => {
    expect(shown({ hours: { mon: ["09:00", "17:00"] } }, { hours: { mon: ["09:00", "18:00"] } })).toEqual([
      'hours: {"mon":["09:00","17:00"]} → {"mon":["09:00","18:00"]}',
    ]);
    expect(shown({ tags: ["bbq", "halal"] }, { tags: ["halal", "bbq"] })).toEqual(['tags: ["bbq","halal"] → ["halal","bbq"]']);
  });

  it("notices a change of type even when the text looks the same", () => {
    expect(jsonChanges({ seats: 20 }, { seats: "20" })).toEqual([{ field: "seats", before: 20, after: "20" }]);
  });

  it("ignores snapshots that are not objects rather than listing their characters or indexes", () => {
    expect(jsonChanges("PENDING", "APPROVED")).toEqual([]);
    expect(jsonChanges([1, 2], [3])).toEqual([]);
    expect(jsonChanges(42, { name: "x" })).toEqual([{ field: "name", before: undefined, after: "x" }]);
  });
});

describe("compactJson", () => {
  it.each<[string, unknown, string]>([
    ["a string without quotes", "Karachi", "Karachi"],
    ["an empty string as a visible pair of quotes", "", '""'],
    ["a missing value as a dash", undefined, "—"],
    ["null", null, "null"],
    ["a number", 4.5, "4.5"],
    ["a boolean", false, "false"],
    ["an array on one line", ["bbq", "halal"], '["bbq","halal"]'],
    ["an object on one line", { lat: 24.86, lng: 67.01 }, '{"lat":24.86,"lng":67.01}'],
  ])("shows %s", (_label, value, text) => {
    expect(compactJson(value)).toBe(text);
  });
});
