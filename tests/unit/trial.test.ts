import { describe, expect, it } from "vitest";
import { TRIAL_DAYS, trialDaysLeft, trialEndFor } from "~/lib/trial";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const approvedAt = new Date("2026-11-01T10:00:00.000Z");

describe("trialEndFor", () => {
  it("ends the trial exactly seven days after approval", () => {
    expect(TRIAL_DAYS).toBe(7);
    expect(trialEndFor(approvedAt).toISOString()).toBe("2026-11-08T10:00:00.000Z");
  });

  it("counts elapsed time, not calendar days, so a clock change does not shorten it", () => {
    // Europe's clocks went back on 2026-10-25; the trial is still 7 × 24 hours long.
    const beforeDstChange = new Date("2026-10-20T12:00:00.000Z");
    expect(trialEndFor(beforeDstChange).getTime() - beforeDstChange.getTime()).toBe(7 * DAY);
  });

  it("does not mutate the approval date", () => {
    const at = new Date(approvedAt);
    trialEndFor(at);
    expect(at.toISOString()).toBe(approvedAt.toISOString());
  });
});

describe("trialDaysLeft", () => {
  const end = trialEndFor(approvedAt);
  const at = (offsetMs: number) => new Date(approvedAt.getTime() + offsetMs);

  it.each([
    ["at the moment of approval", 0, 7],
    ["one minute after approval", 60_000, 7],
    ["exactly one day in", DAY, 6],
    ["one hour into the last day", 6 * DAY + HOUR, 1],
    ["one millisecond before the end", 7 * DAY - 1, 1],
    ["at the end", 7 * DAY, 0],
    ["a month later", 30 * DAY, 0],
  ])("%s → %i", (_label, offset, expected) => {
    expect(trialDaysLeft(end, at(offset))).toBe(expected);
  });

  it("is 0 for a restaurant that has no trial", () => {
    expect(trialDaysLeft(null, approvedAt)).toBe(0);
  });

  it("counts down from the trial length to zero without ever going back up", () => {
    let previous: number = TRIAL_DAYS;
    for (let offset = 0; offset <= 9 * DAY; offset += 7 * HOUR) {
      const left = trialDaysLeft(end, at(offset));
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left).toBeLessThanOrEqual(previous);
      previous = left;
    }
    expect(previous).toBe(0);
  });
});
