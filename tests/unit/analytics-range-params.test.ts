import { describe, expect, it } from "vitest";
import { analyticsRangeFromParams } from "~/components/analytics/analytics-range-params";

const NOW = new Date("2026-06-15T23:30:00Z");

describe("analytics range from the URL", () => {
  it("defaults to the last 30 days up to today (UTC)", () => {
    expect(analyticsRangeFromParams({}, NOW)).toEqual({ from: "2026-05-17", to: "2026-06-15", preset: 30, errors: null });
  });

  it("takes the 7 and 90 day presets, and ignores a days value that is not one", () => {
    expect(analyticsRangeFromParams({ days: "7" }, NOW)).toMatchObject({ from: "2026-06-09", to: "2026-06-15", preset: 7 });
    expect(analyticsRangeFromParams({ days: "90" }, NOW)).toMatchObject({ from: "2026-03-18", preset: 90 });
    expect(analyticsRangeFromParams({ days: "1000" }, NOW)).toMatchObject({ preset: 30 });
  });

  it("prefers a custom range over a preset, filling a missing end", () => {
    expect(analyticsRangeFromParams({ days: "7", from: "2026-01-01", to: "2026-01-31" }, NOW)).toEqual({ from: "2026-01-01", to: "2026-01-31", preset: null, errors: null });
    expect(analyticsRangeFromParams({ from: "2026-06-01" }, NOW)).toMatchObject({ from: "2026-06-01", to: "2026-06-15", errors: null });
    expect(analyticsRangeFromParams({ to: "2026-02-28" }, NOW)).toMatchObject({ from: "2026-01-30", to: "2026-02-28", errors: null });
  });

  it("names what is wrong with a custom range, on the input that has to change", () => {
    expect(analyticsRangeFromParams({ from: "2026-06-10", to: "2026-06-01" }, NOW).errors).toEqual({ to: "The end date must be on or after the start date" });
    expect(analyticsRangeFromParams({ from: "2024-01-01", to: "2026-01-01" }, NOW).errors).toEqual({ from: "Choose at most 366 days" });
    expect(analyticsRangeFromParams({ from: "yesterday", to: "2026-02-30" }, NOW).errors).toEqual({
      from: "Use a date like 2026-05-31",
      to: "This date does not exist",
    });
  });
});
